import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { LoadAllRulesNode, RuleRefNode } from '../../core/tenancy/resourceNodes';
import { withOciProgress } from '../ociProgress';
import { loadAllRulesRow, ruleRefRow } from '../../core/tenancy/tenancyArgs';
import { tenancyCommand } from '../tenancyContext';

/** Reads every rule of the tenancy with its actions, so that "Rules targeting this topic" is complete. */
export const loadAllRules = tenancyCommand({
  id: 'oew.tenancy.loadAllRules',
  args: [loadAllRulesRow],
  run: async (ctx, node: LoadAllRulesNode) => {
    const topic = node.parent.parent;
    const tenancy = topic.profile.profile.tenancy;
    if (!tenancy) {
      throw new UserError(
        vscode.l10n.t('Profile {0} names no tenancy, so its rules cannot be listed.', topic.profile.profile.name),
        vscode.l10n.t('Add tenancy= to the profile.'),
      );
    }
    return withOciProgress(
      ctx.log,
      vscode.l10n.t('Reading every rule of profile {0}…', topic.profile.profile.name),
      (retry) => ctx.tenancy.resources.topicRules.loadAll(topic.profile, tenancy, retry),
    );
  },
});

/** From "Rules targeting this topic" to the rule in its compartment's Rules, when that list is loaded. */
export const revealRule = tenancyCommand({
  id: 'oew.tenancy.revealRule',
  args: [ruleRefRow],
  run: async (ctx, node: RuleRefNode) => {
    const rule = ctx.tenancy.resources.loadedRule(node.parent.parent.profile, node.rule.id);
    if (rule) {
      await ctx.revealInTenancy(rule);
      return;
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The rule {0} is not loaded in the Tenancy view: open the Rules of its compartment ({1}), then select it again.',
        node.rule.displayName,
        node.rule.compartmentId,
      ),
    );
  },
});
