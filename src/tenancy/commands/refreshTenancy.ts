import { TenancyNode } from '../../core/tenancy/profileNodes';
import { anyRow } from '../../core/tenancy/tenancyArgs';
import { optional } from '../../core/commands/commandArgs';
import { tenancyCommand } from '../tenancyContext';

/**
 * Refreshes what a row stands for: a profile (its tenancy and clients), a list (a compartment,
 * group or topic loads again from its first page), the list a row belongs to, or from the
 * view's title, the whole view.
 */
export const refreshTenancy = tenancyCommand({
  id: 'oew.tenancy.refresh',
  args: [optional(anyRow)],
  run: (ctx, node?: TenancyNode) => {
    if (!node) {
      return ctx.tenancy.refresh();
    }
    switch (node.kind) {
      case 'configError':
        return ctx.tenancy.refresh();
      case 'profile':
        return ctx.tenancy.refreshProfile(node);
      case 'profileError':
        return ctx.tenancy.refreshProfile(node.parent);
      case 'tenancy':
      case 'compartment':
      case 'group':
      case 'topic':
      case 'rule':
        return ctx.tenancy.resources.refresh(node);
      case 'topicRules':
        return ctx.tenancy.resources.topicRules.reread(node);
      case 'ruleRef':
      case 'loadAllRules':
        return ctx.tenancy.resources.topicRules.reread(node.parent);
      default:
        return ctx.tenancy.resources.refresh(node.parent);
    }
  },
});
