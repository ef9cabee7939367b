import type * as vscode from 'vscode';
import { walkthroughOpensOnInstall } from '../platform/settings';

const OPENED_KEY = 'oew.walkthroughOpened';

/**
 * Opens the walkthrough on the extension's first start for this user, as VS Code does when an
 * extension is installed from the Extensions view. An install from a VSIX on the command line,
 * or a first start in a new remote, would otherwise leave a new user on an empty Explorer.
 */
export async function openWalkthroughOnFirstStart(state: vscode.Memento, open: () => Thenable<unknown>): Promise<void> {
  if (state.get<boolean>(OPENED_KEY) === true || !walkthroughOpensOnInstall()) {
    return;
  }
  await state.update(OPENED_KEY, true);
  await open();
}
