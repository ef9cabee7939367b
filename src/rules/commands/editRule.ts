import { ruleUri } from '../ruleUri';
import { RuleNode, RuleRefNode } from '../../core/tenancy/resourceNodes';
import { ruleOrRefRow } from '../../core/tenancy/tenancyArgs';
import { rulesCommand } from '../rulesContext';

/** Opens a rule as a document, as the server holds it now; saving it deploys it. */
export const editRule = rulesCommand({
  id: 'oew.tenancy.editRule',
  args: [ruleOrRefRow],
  run: async (ctx, node: RuleNode | RuleRefNode) => {
    const profile = node.kind === 'rule' ? node.profile : node.parent.parent.profile;
    const place = node.kind === 'rule' ? node.parent.parent : undefined;
    const editor = await ctx.ruleFiles.show(
      ruleUri({
        profile: profile.profile.name,
        ruleId: node.rule.id,
        displayName: node.rule.displayName,
        compartment: place?.kind === 'compartment' ? place.name : undefined,
      }),
    );
    return editor.document.uri.toString();
  },
});
