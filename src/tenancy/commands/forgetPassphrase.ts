import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { ProfileNode } from '../../core/tenancy/profileNodes';
import { profileArgument } from '../pickProfile';
import { profileRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

/** Removes the pass phrase kept in SecretStorage for a profile's key; the next use asks again. */
export const forgetPassphrase = tenancyCommand({
  id: 'oew.tenancy.forgetPassphrase',
  args: [optional(profileRow)],
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    const keyFile = target?.profile.keyFile;
    if (!target || !keyFile) {
      return;
    }
    if (!(await ctx.oci.passphrases.has(keyFile))) {
      throw new UserError(
        vscode.l10n.t('No pass phrase is kept for the key of profile {0}.', target.profile.name),
        vscode.l10n.t('One is kept only after it has opened an encrypted key.'),
      );
    }
    await ctx.oci.passphrases.forget(keyFile);
    ctx.oci.reset();
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Forgot the pass phrase of {0}', keyFile), 3000);
  },
});
