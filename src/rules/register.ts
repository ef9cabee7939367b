import type { ConditionCatalogue } from '../conditions';
import { checkDocument } from '../core/condition/checkDocument';
import type { Platform } from '../platform/platform';
import type { TenancyContext } from '../tenancy';
import { createRule } from './commands/createRule';
import { deployRuleFile } from './commands/deployRuleFile';
import { editRule } from './commands/editRule';
import {
  copyRuleAsCli,
  copyRuleAsTerraform,
  deleteRule,
  disableRule,
  enableRule,
  moveRule,
} from './commands/ruleCommands';
import { showRulesForEventType } from './commands/showRulesForEventType';
import { RuleFileSystem } from './ruleFileSystem';
import { RulesContext } from './rulesContext';

/** Rules as documents deployed on save, rule files deployed by command, and the rule commands of the Tenancy view. */
export function registerRules(
  platform: Platform,
  { tenancy, revealInTenancy }: Pick<TenancyContext, 'tenancy' | 'revealInTenancy'>,
  catalogue: ConditionCatalogue,
): RulesContext {
  const ruleFiles = platform.own(
    new RuleFileSystem({
      clientsFor: (name) => tenancy.clientsFor(tenancy.requireProfile(name)),
      findings: (text) => checkDocument(text, catalogue.current, 'rule').findings,
      deployed: (name, ruleId) => {
        const profile = tenancy.profileNamed(name);
        const rule = profile ? tenancy.resources.loadedRule(profile, ruleId) : undefined;
        if (rule) {
          tenancy.resources.refresh(rule.parent);
        }
      },
    }),
  );
  const ctx: RulesContext = { log: platform.log, tenancy, revealInTenancy, conditions: { catalogue }, ruleFiles };
  platform.registerCommands(ctx, [
    editRule,
    enableRule,
    disableRule,
    deleteRule,
    moveRule,
    copyRuleAsCli,
    copyRuleAsTerraform,
    deployRuleFile,
    createRule,
    showRulesForEventType,
  ]);
  return ctx;
}
