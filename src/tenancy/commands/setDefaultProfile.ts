import { writeDefaultProfile } from '../../platform/settings';
import { ProfileNode } from '../../core/tenancy/profileNodes';
import { profileArgument } from '../pickProfile';
import { profileRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

export const setDefaultProfile = tenancyCommand({
  id: 'oew.tenancy.setDefaultProfile',
  args: [optional(profileRow)],
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    if (!target) {
      return;
    }
    await writeDefaultProfile(target.profile.name);
    ctx.log.info(`Default profile set to ${target.profile.name}.`);
  },
});
