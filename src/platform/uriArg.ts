import * as vscode from 'vscode';
import type { Arg } from '../core/commands/commandArgs';

/** A file, as an editor's title, the Explorer or a CodeLens passes it. */
export const uriArg: Arg<vscode.Uri> = {
  what: 'a file',
  accepts: (value): value is vscode.Uri => value instanceof vscode.Uri,
};
