import * as vscode from 'vscode';
import type { RetryOptions } from '../core/oci/retry';

/**
 * Runs an OCI call with a cancellable notification. oci-common cannot abort a request in
 * flight, so Cancel stops the retries and stops waiting: `task` still finishes in the
 * background (a create that reached OCI still refreshes its node), and its late error goes to
 * the log. Resolves to undefined when cancelled.
 */
export async function withOciProgress<T>(
  log: vscode.LogOutputChannel,
  title: string,
  task: (retry: RetryOptions) => Promise<T>,
  onCancel?: string,
): Promise<T | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (_progress, token) => {
      const running = task({ isCancelled: () => token.isCancellationRequested });
      let listener: vscode.Disposable | undefined;
      const cancelled = new Promise<'cancelled'>((resolve) => {
        listener = token.onCancellationRequested(() => resolve('cancelled'));
      });
      let outcome: { value: T } | 'cancelled';
      try {
        outcome = await Promise.race([running.then((value) => ({ value })), cancelled]);
      } finally {
        listener?.dispose();
      }
      if (outcome !== 'cancelled') {
        return outcome.value;
      }
      running.catch((err: unknown) =>
        log.warn(`${title} (cancelled): ${err instanceof Error ? err.message : String(err)}`),
      );
      if (onCancel) {
        void vscode.window.showInformationMessage(onCancel);
      }
      return undefined;
    },
  );
}

/**
 * A change to a resource under `withOciProgress`, then `reload` of the lists it touched, also
 * when the change failed (the tree then shows what is there now). True only when the change
 * completed before any cancel.
 */
export async function changeWithProgress(
  log: vscode.LogOutputChannel,
  title: string,
  change: (retry: RetryOptions) => Promise<unknown>,
  reload: () => void,
): Promise<boolean> {
  const done = await withOciProgress(log, title, async (retry) => {
    try {
      await change(retry);
      return true;
    } finally {
      reload();
    }
  });
  return done === true;
}
