import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { ProfileNode } from '../../core/tenancy/profileNodes';
import { profileArgument } from '../pickProfile';
import { profileRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

export const copyTenancyOcid = tenancyCommand({
  id: 'oew.tenancy.copyTenancyOcid',
  args: [optional(profileRow)],
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    if (!target) {
      return;
    }
    if (!target.profile.tenancy) {
      throw new UserError(
        vscode.l10n.t('Profile {0} has no tenancy.', target.profile.name),
        vscode.l10n.t('Add a tenancy=ocid1.tenancy… line to it.'),
      );
    }
    await vscode.env.clipboard.writeText(target.profile.tenancy);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the tenancy OCID of {0}', target.profile.name), 3000);
  },
});
