import * as vscode from 'vscode';
import { describeError } from '../core/errors/userError';

export const SHOW_LOG = 'Show Log';

/**
 * Runs a command handler so that no error escapes unreported: the full error goes to the
 * log, and the user sees its cause and the next step, with a way to open the log.
 */
export function inErrorBoundary<A extends unknown[]>(
  log: vscode.LogOutputChannel,
  commandId: string,
  handler: (...args: A) => unknown,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await handler(...args);
    } catch (err) {
      log.error(`${commandId} failed:`, err instanceof Error ? (err.stack ?? err.message) : String(err));
      const { cause, nextStep } = describeError(err);
      // Not awaited: the message stays until dismissed, and the command must not wait for that.
      void vscode.window.showErrorMessage(`${cause} ${nextStep}`, SHOW_LOG).then((choice) => {
        if (choice === SHOW_LOG) {
          log.show(true);
        }
      });
    }
  };
}
