import { ProfileNode } from '../tenancyModel';
import { ProfileCheckPanel } from '../profileCheckPanel';
import { Command } from '../../platform/commandTable';
import { profileArgument } from '../pickProfile';

export const checkProfile: Command = {
  id: 'oew.tenancy.checkProfile',
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    if (target) {
      ProfileCheckPanel.show(ctx.extension.extensionUri, ctx.log, target.file, target.profile.name);
    }
  },
};
