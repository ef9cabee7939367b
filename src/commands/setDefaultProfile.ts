import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings';
import { ProfileNode } from '../views/tenancy/tenancyModel';
import { Command } from './commandTable';

export const setDefaultProfile: Command = {
  id: 'oew.tenancy.setDefaultProfile',
  run: async (ctx, node: ProfileNode) => {
    await vscode.workspace
      .getConfiguration(SETTINGS_SECTION)
      .update('oci.profile', node.profile.name, vscode.ConfigurationTarget.Global);
    ctx.log.info(`Default profile set to ${node.profile.name}.`);
  },
};
