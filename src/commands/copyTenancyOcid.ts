import * as vscode from 'vscode';
import { UserError } from '../core/errors/userError';
import { ProfileNode } from '../views/tenancy/tenancyModel';
import { Command } from './commandTable';

export const copyTenancyOcid: Command = {
  id: 'oew.tenancy.copyTenancyOcid',
  run: async (_ctx, node: ProfileNode) => {
    if (!node.profile.tenancy) {
      throw new UserError(`Profile ${node.profile.name} has no tenancy.`, 'Add a tenancy=ocid1.tenancy… line to it.');
    }
    await vscode.env.clipboard.writeText(node.profile.tenancy);
    void vscode.window.setStatusBarMessage(`Copied the tenancy OCID of ${node.profile.name}`, 3000);
  },
};
