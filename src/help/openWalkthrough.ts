import * as vscode from 'vscode';
import { helpCommand } from './helpContext';

export const openWalkthrough = helpCommand({
  id: 'oew.openWalkthrough',
  args: [],
  run: (ctx) =>
    vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${ctx.extension.extension.id}#getStarted`,
      false,
    ),
});
