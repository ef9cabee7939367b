import * as vscode from 'vscode';
import { describeError } from '../core/errors/userError';

/** What a user reads of an error: its cause, then what to do. */
export function errorText(err: unknown): string {
  const { cause, nextStep } = describeError(err);
  return nextStep ? vscode.l10n.t('{0} {1}', cause, nextStep) : cause;
}

/**
 * Runs a command handler so that no error escapes unreported: the full error goes to the
 * log, and the user sees its cause and the next step, with a way to open the log.
 */
export function inErrorBoundary<A extends unknown[], R>(
  log: vscode.LogOutputChannel,
  commandId: string,
  handler: (...args: A) => R,
): (...args: A) => Promise<Awaited<R> | undefined> {
  return async (...args: A): Promise<Awaited<R> | undefined> => {
    try {
      return await handler(...args);
    } catch (err) {
      report(log, commandId, err);
      return undefined;
    }
  };
}

/**
 * Work an event started (a file changed, a view became visible, a panel sent a message): no one
 * awaits it, so its failure is reported here as a command's would be, never left unhandled.
 */
export function inBackground(log: vscode.LogOutputChannel, what: string, work: PromiseLike<unknown>): void {
  Promise.resolve(work).catch((err: unknown) => report(log, what, err));
}

function report(log: vscode.LogOutputChannel, what: string, err: unknown): void {
  log.error(`${what} failed:`, err instanceof Error ? (err.stack ?? err.message) : String(err));
  // Not awaited: the message stays until dismissed, and the caller must not wait for that.
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(errorText(err), showLog).then((choice) => {
    if (choice === showLog) {
      log.show(true);
    }
  });
}
