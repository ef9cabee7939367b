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
      throw new UserError(`Profile ${target.profile.name} has no tenancy.`, 'Add a tenancy=ocid1.tenancy… line to it.');
    }
    await vscode.env.clipboard.writeText(target.profile.tenancy);
    void vscode.window.setStatusBarMessage(`Copied the tenancy OCID of ${target.profile.name}`, 3000);
  },
});
