import type * as vscode from 'vscode';
import { commandsOf } from '../platform/commands';

export interface HelpContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
}

export const helpCommand = commandsOf<HelpContext>();
