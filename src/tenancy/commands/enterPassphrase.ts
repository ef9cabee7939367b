import { ProfileNode } from '../../core/tenancy/profileNodes';
import { profileArgument } from '../pickProfile';
import { profileRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

/**
 * Asks for the pass phrase of a profile's encrypted key (again, if the kept one stopped
 * working), keeps it once it opens the key, and shows the profile's tenancy.
 */
export const enterPassphrase = tenancyCommand({
  id: 'oew.tenancy.enterPassphrase',
  args: [optional(profileRow)],
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    if (!target) {
      return;
    }
    try {
      await ctx.tenancy.clientsFor(target);
    } catch (err) {
      // Escape in the password box: the user chose not to; nothing to report.
      if (typeof (err as { passphraseFor?: unknown }).passphraseFor === 'string') {
        return;
      }
      throw err;
    }
    ctx.tenancy.refreshProfile(target);
  },
});
