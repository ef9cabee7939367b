import * as vscode from 'vscode';
import { ocidOf, ResourceNode } from '../../core/tenancy/resourceNodes';
import { TenancyInfoNode } from '../../core/tenancy/profileNodes';
import { withOcidRow } from '../../core/tenancy/tenancyArgs';
import { tenancyCommand } from '../tenancyContext';

export const copyOcid = tenancyCommand({
  id: 'oew.tenancy.copyOcid',
  args: [withOcidRow],
  run: async (_ctx, node: TenancyInfoNode | ResourceNode) => {
    const ocid = ocidOf(node);
    if (ocid) {
      await vscode.env.clipboard.writeText(ocid);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', ocid), 3000);
    }
  },
});
