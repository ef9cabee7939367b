import { ProfileNode } from '../tenancyModel';
import { Command } from '../../platform/commandTable';
import { profileArgument } from '../pickProfile';

/**
 * Asks for the pass phrase of a profile's encrypted key (again, if the kept one stopped
 * working), keeps it once it opens the key, and shows the profile's tenancy.
 */
export const enterPassphrase: Command = {
  id: 'oew.tenancy.enterPassphrase',
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    if (!target) {
      return;
    }
    try {
      await ctx.oci.clientsFor(target.file, target.profile.name, true);
    } catch (err) {
      // Escape in the password box: the user chose not to; nothing to report.
      if (typeof (err as { passphraseFor?: unknown }).passphraseFor === 'string') {
        return;
      }
      throw err;
    }
    ctx.tenancy.refreshProfile(target);
  },
};
