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
        'Refresh Session works on a profile whose session expired.',
        'Expand the profile in the Tenancy view and click its "Session expired" row.',
      );
    }
    const terminal = vscode.window.createTerminal({ name: `OCI session: ${node.parent.profile.name}` });
    terminal.show();
    terminal.sendText(node.refreshCommand, true);
    void vscode.window
      .showInformationMessage(
        `When "${node.refreshCommand}" has finished in the terminal, refresh the profile.`,
        'Refresh Profile',
      )
      .then((choice) => choice && ctx.tenancy.refreshProfile(node.parent));
  },
});
