import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';

/**
 * The document a command acts on: the file a menu or CodeLens gave it, else the active
 * editor's when it is one the command takes; otherwise `missing`, which says what to open.
 */
export async function documentArgument(
  uri: vscode.Uri | undefined,
  takes: (document: vscode.TextDocument) => boolean,
  missing: UserError,
): Promise<vscode.TextDocument> {
  if (uri) {
    return vscode.workspace.openTextDocument(uri);
  }
  const active = vscode.window.activeTextEditor?.document;
  if (!active || !takes(active)) {
    throw missing;
  }
  return active;
}
