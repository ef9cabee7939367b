import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { ProfileErrorNode } from '../../core/tenancy/profileNodes';
import { profileErrorRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

/**
 * Runs `oci session refresh --profile X` in a terminal for an expired session. The CLI owns
 * sessions; the token it writes is read again on the next call, so a refresh of the profile
 * is all that follows.
 */
export const refreshSession = tenancyCommand({
  id: 'oew.tenancy.refreshSession',
  args: [optional(profileErrorRow)],
  run: (ctx, node?: ProfileErrorNode) => {
    if (!node?.refreshCommand) {
      throw new UserError(
        vscode.l10n.t('Refresh Session works on a profile whose session expired.'),
        vscode.l10n.t('Expand the profile in the Tenancy view and click its "Session expired" row.'),
      );
    }
    const terminal = vscode.window.createTerminal({
      name: vscode.l10n.t('OCI session: {0}', node.parent.profile.name),
    });
    terminal.show();
    terminal.sendText(node.refreshCommand, true);
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('When "{0}" has finished in the terminal, refresh the profile.', node.refreshCommand),
        vscode.l10n.t('Refresh Profile'),
      )
      .then((choice) => choice && ctx.tenancy.refreshProfile(node.parent));
  },
});
