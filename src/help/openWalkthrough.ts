import * as vscode from 'vscode';
import { helpCommand } from './helpContext';

export function showWalkthrough(extension: vscode.ExtensionContext): Thenable<unknown> {
  return vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    `${extension.extension.id}#getStarted`,
    false,
  );
}

export const openWalkthrough = helpCommand({
  id: 'oew.openWalkthrough',
  args: [],
  run: (ctx) => showWalkthrough(ctx.extension),
});
