import * as vscode from 'vscode';
import { freeUri } from './uriExists';
import { UserError } from '../core/errors/userError';

/**
 * Writes an event as `.oew/samples/<name>.json` of the first workspace folder, where the rule
 * tester reads samples, as `<name>-2.json` and on when the name is taken: never over a file.
 */
export async function writeSampleFile(name: string, event: unknown): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new UserError(
      vscode.l10n.t('Samples are saved in the workspace, and no folder is open.'),
      vscode.l10n.t('Open a folder, then try again.'),
    );
  }
  const dir = vscode.Uri.joinPath(folder.uri, '.oew', 'samples');
  await vscode.workspace.fs.createDirectory(dir);
  const base = name.replace(/[^\w.-]+/g, '_');
  const target = await freeUri(dir, base, '.json');
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(JSON.stringify(event, null, 2) + '\n'));
  return target;
}
