import type { Platform } from '../platform/platform';
import { ReadOnlyDocuments } from '../platform/readOnlyDocuments';
import { addResultToTest } from './commands/addResultToTest';
import { openEvent } from './commands/openEvent';
import { saveSample } from './commands/saveSample';
import { testConditionCommand } from './commands/testCondition';
import { ConditionLanguage } from './conditionLanguage';
import { ConditionsContext } from './conditionsContext';
import { ConditionTestView, conditionTestView } from './conditionTestView';

/** The scheme of tested events opened from the Condition Test view. */
const CONDITION_TEST_EVENT_SCHEME = 'oew-condition-test';

/** The condition and rule languages, the Condition Test view and its commands. */
export function registerConditions(platform: Platform): ConditionsContext & { readonly view: ConditionTestView } {
  const language = platform.own(new ConditionLanguage(platform.log));
  const view = platform.own(conditionTestView());
  const events = platform.own(new ReadOnlyDocuments(CONDITION_TEST_EVENT_SCHEME));
  const ctx: ConditionsContext = {
    conditions: { catalogue: language.catalogue, results: view, events },
  };
  platform.registerCommands(ctx, [testConditionCommand, saveSample, openEvent, addResultToTest]);
  return { ...ctx, view };
}
