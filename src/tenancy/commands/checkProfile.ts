import { ProfileNode } from '../../core/tenancy/profileNodes';
import { ProfileCheckPanel } from '../profileCheckPanel';
import { profileArgument } from '../pickProfile';
import { profileRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

export const checkProfile = tenancyCommand({
  id: 'oew.tenancy.checkProfile',
  args: [optional(profileRow)],
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    if (target) {
      ProfileCheckPanel.show(ctx.extension.extensionUri, ctx.log, target.file, target.profile.name);
    }
  },
});
