import * as vscode from 'vscode';
import { ocidOf, ResourceNode } from '../../core/tenancy/resourceNodes';
import { TenancyInfoNode } from '../tenancyModel';
import { Command } from '../../platform/commandTable';

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
