import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { ProfileNode } from '../../core/tenancy/profileNodes';
import { profileRow } from '../../core/tenancy/tenancyArgs';
import { either, optional, shaped } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

/** From the view title (no argument), a profile node, or an error node ({file, line}). */
type Target = ProfileNode | { file: string; line?: number } | undefined;

export const openConfigFile = tenancyCommand({
  id: 'oew.tenancy.openConfigFile',
  args: [
    optional(
      either(
        profileRow,
        shaped<{ file: string; line?: number }>('a config file and a line', (v) => typeof v.file === 'string'),
      ),
    ),
  ],
  run: async (ctx, target?: Target) => {
    let file = target?.file;
    let line = target && 'kind' in target ? target.profile.line : target?.line;
    if (!file) {
      const state = ctx.tenancy.state;
      if (!state || state.kind === 'missing') {
        throw new UserError(
          vscode.l10n.t('No OCI config file was found.'),
          vscode.l10n.t('Run "OCI Events: Create OCI Config File…" or set oew.oci.configFile.'),
        );
      }
      file = state.file.path;
      line = state.kind === 'malformed' ? state.error.line : undefined;
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    if (target && 'kind' in target) {
      // The open document may hold unsaved edits that moved the profile since the view loaded.
      line = findHeaderLine(document, target.profile.name) ?? line;
    }
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
  },
});

function findHeaderLine(document: vscode.TextDocument, profile: string): number | undefined {
  for (let i = 0; i < document.lineCount; i++) {
    const text = document.lineAt(i).text.trim();
    if (text.startsWith('[') && text.endsWith(']') && text.slice(1, -1).trim() === profile) {
      return i + 1;
    }
  }
  return undefined;
}
