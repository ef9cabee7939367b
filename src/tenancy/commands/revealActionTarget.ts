import * as vscode from 'vscode';
import { ActionNode } from '../../core/tenancy/resourceNodes';
import { actionRow } from '../../core/tenancy/tenancyArgs';
import { tenancyCommand } from '../tenancyContext';

/** From a rule's ONS action to its topic in the tree, when that topic's list is loaded. */
export const revealActionTarget = tenancyCommand({
  id: 'oew.tenancy.revealActionTarget',
  args: [actionRow],
  run: async (ctx, node: ActionNode) => {
    const topic = ctx.tenancy.resources.loadedTopic(node);
    if (topic) {
      await ctx.revealInTenancy(topic);
      return;
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The topic {0} is not loaded in the Tenancy view yet: open the Topics of its compartment, then select the action again.',
        node.targetName ?? node.targetId,
      ),
    );
  },
});
