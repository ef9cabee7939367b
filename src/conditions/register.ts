import type { Platform } from '../platform/platform';
import { saveSample } from './commands/saveSample';
import { testConditionCommand } from './commands/testCondition';
import { ConditionLanguage } from './conditionLanguage';
import { ConditionsContext } from './conditionsContext';
import { ConditionTestView, conditionTestView } from './conditionTestView';

/** The condition and rule languages, the Condition Test view and its commands. */
export function registerConditions(platform: Platform): ConditionsContext & { readonly view: ConditionTestView } {
  const language = platform.own(new ConditionLanguage(platform.log));
  const view = platform.own(conditionTestView());
  const ctx: ConditionsContext = {
    conditions: { catalogue: language.catalogue, results: view },
  };
  platform.registerCommands(ctx, [testConditionCommand, saveSample]);
  return { ...ctx, view };
}
