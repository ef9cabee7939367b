import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';

/** The most read of a file a feature reads whole; a larger one is refused with its size. */
export const MAX_WORKSPACE_FILE_BYTES = 16 * 1_048_576;

/**
 * A file's text as the user sees it: an open document's, unsaved edits included, else what is
 * on disk, within the bound. `name` is how the error names the file: a missing or oversized
 * file is a UserError that says which and why.
 */
export async function workspaceText(uri: vscode.Uri, name: string): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    return open.getText();
  }
  let size: number;
  try {
    size = (await vscode.workspace.fs.stat(uri)).size;
  } catch {
    throw new UserError(
      vscode.l10n.t('{0}: there is no such file ({1}).', name, uri.fsPath),
      vscode.l10n.t('Check the path, relative to this file.'),
    );
  }
  if (size > MAX_WORKSPACE_FILE_BYTES) {
    throw new UserError(
      vscode.l10n.t('{0} is larger than {1} MB.', name, MAX_WORKSPACE_FILE_BYTES / 1_048_576),
      vscode.l10n.t('Give a smaller file.'),
    );
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
