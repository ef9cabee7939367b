import * as vscode from 'vscode';
import type { SenderHostMessage } from '../../src/protocol/webviewMessages';
import type { SenderPanel } from '../../src/sender/senderPanel';
import { api, waitFor } from './helpers';

/** Opens the sender (or the one open) and follows what it posts to its webview from now on. */
export async function openPanel(): Promise<{ panel: SenderPanel; posted: SenderHostMessage[] }> {
  // Activated first: a command run before its extension is goes through the workbench, which
  // hands back a JSON copy of the panel instead of the panel.
  await api();
  const panel = await vscode.commands.executeCommand<SenderPanel>('oew.sender.open');
  const posted: SenderHostMessage[] = [];
  panel.onDidPost((m) => posted.push(m));
  return { panel, posted };
}

/** The first message of `type` posted after index `from`; a "failed" one first fails the test with its text. */
export async function next<T extends SenderHostMessage['type']>(
  posted: SenderHostMessage[],
  type: T,
  from: number,
  timeoutMs = 15_000,
): Promise<Extract<SenderHostMessage, { type: T }>> {
  const found = await waitFor(
    () => posted.slice(from).find((m) => m.type === type || m.type === 'failed'),
    (m) => m !== undefined,
    `a "${type}" message from the sender`,
    timeoutMs,
  );
  if (found!.type !== type) {
    throw new Error(`expected ${type}, got ${JSON.stringify(found)}`);
  }
  return found as Extract<SenderHostMessage, { type: T }>;
}
