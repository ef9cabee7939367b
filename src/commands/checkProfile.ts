import { ProfileNode } from '../views/tenancy/tenancyModel';
import { ProfileCheckPanel } from '../webviews/profileCheckPanel';
import { Command } from './commandTable';

export const checkProfile: Command = {
  id: 'oew.tenancy.checkProfile',
  run: (ctx, node: ProfileNode) => {
    ProfileCheckPanel.show(ctx.extension.extensionUri, ctx.log, node.file, node.profile.name);
  },
};
