import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../platform/settings';
import { ProfileNode } from '../tenancyModel';
import { Command } from '../../platform/commandTable';
import { profileArgument } from '../pickProfile';

export const setDefaultProfile: Command = {
  id: 'oew.tenancy.setDefaultProfile',
  run: async (ctx, node?: ProfileNode) => {
    const target = await profileArgument(ctx, node);
    if (!target) {
      return;
    }
    await vscode.workspace
      .getConfiguration(SETTINGS_SECTION)
      .update('oci.profile', target.profile.name, vscode.ConfigurationTarget.Global);
    ctx.log.info(`Default profile set to ${target.profile.name}.`);
  },
};
