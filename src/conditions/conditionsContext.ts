import { commandsOf } from '../platform/commands';
import type { ConditionCatalogue } from './conditionCatalogue';
import type { ConditionTestView } from './conditionTestView';
import type { ReadOnlyDocuments } from '../platform/readOnlyDocuments';

/** What the condition commands use. */
export interface ConditionsContext {
  readonly conditions: {
    readonly catalogue: ConditionCatalogue;
    /** Shows the last run of a condition against sample events. */
    readonly results: ConditionTestView;
    /** The tested events, opened read-only with their traces. */
    readonly events: ReadOnlyDocuments;
  };
}

export const conditionsCommand = commandsOf<ConditionsContext>();
