import type { XPathCoreLoader } from '../platform/bundles';
import { commandsOf } from '../platform/commands';
import type { FilterEvaluationModel } from './filterEvaluationModel';

/** What the filter commands use. */
export interface FiltersContext {
  readonly filters: {
    /** The filter language and the Fusion catalog, loaded on first use. */
    readonly core: XPathCoreLoader;
    readonly model: FilterEvaluationModel;
    revealResults(): Promise<void>;
  };
}

export const filtersCommand = commandsOf<FiltersContext>();
