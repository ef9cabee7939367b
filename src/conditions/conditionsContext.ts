import { commandsOf } from '../platform/commands';
import type { ConditionCatalogue } from './conditionCatalogue';
import type { ConditionTestModel } from './conditionTestModel';

/** What the condition commands use. */
export interface ConditionsContext {
  readonly conditions: {
    readonly catalogue: ConditionCatalogue;
    readonly testModel: ConditionTestModel;
    revealResults(): Promise<void>;
  };
}

export const conditionsCommand = commandsOf<ConditionsContext>();
