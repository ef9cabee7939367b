import { ruleUri } from '../ruleUri';
import { RuleNode, RuleRefNode } from '../../core/tenancy/resourceNodes';
import { Command } from '../../platform/commandTable';

/** Opens a rule as a document, as the server holds it now; saving it deploys it. */
export const editRule: Command = {
  id: 'oew.tenancy.editRule',
  run: async (ctx, node: RuleNode | RuleRefNode) => {
    const profile = node.kind === 'rule' ? node.profile : node.parent.parent.profile;
    const editor = await ctx.ruleFiles.show(ruleUri(profile.profile.name, node.rule.id));
    return editor.document.uri.toString();
  },
};
