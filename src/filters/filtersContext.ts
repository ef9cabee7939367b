import type { XPathCoreLoader } from '../platform/bundles';
import { commandsOf } from '../platform/commands';
import type { FilterEvaluationView } from './filterEvaluationView';

/** What the filter commands use. */
export interface FiltersContext {
  readonly filters: {
    /** The filter language and the Fusion catalog, loaded on first use. */
    readonly core: XPathCoreLoader;
    /** Shows the last run of a filter against payloads. */
    readonly results: FilterEvaluationView;
  };
}

export const filtersCommand = commandsOf<FiltersContext>();
