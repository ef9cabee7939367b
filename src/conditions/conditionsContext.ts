import { commandsOf } from '../platform/commands';
import type { ConditionCatalogue } from './conditionCatalogue';
import type { ConditionTestView } from './conditionTestView';

/** What the condition commands use. */
export interface ConditionsContext {
  readonly conditions: {
    readonly catalogue: ConditionCatalogue;
    /** Shows the last run of a condition against sample events. */
    readonly results: ConditionTestView;
  };
}

export const conditionsCommand = commandsOf<ConditionsContext>();
