import * as vscode from 'vscode';
import { ocidOf, ResourceNode } from '../views/tenancy/resourceNodes';
import { TenancyInfoNode } from '../views/tenancy/tenancyModel';
import { Command } from './commandTable';

export const copyOcid: Command = {
  id: 'oew.tenancy.copyOcid',
  run: async (_ctx, node: TenancyInfoNode | ResourceNode) => {
    const ocid = ocidOf(node);
    if (ocid) {
      await vscode.env.clipboard.writeText(ocid);
      void vscode.window.setStatusBarMessage(`Copied ${ocid}`, 3000);
    }
  },
};
