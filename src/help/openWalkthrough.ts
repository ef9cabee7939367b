import * as vscode from 'vscode';
import { Command } from '../platform/commandTable';

export const openWalkthrough: Command = {
  id: 'oew.openWalkthrough',
  run: (ctx) =>
    vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      `${ctx.extension.extension.id}#getStarted`,
      false,
    ),
};
