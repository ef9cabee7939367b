import type { Platform } from '../platform/platform';
import { addPayloadToTest } from './commands/addPayloadToTest';
import { evaluateFilter } from './commands/evaluateFilter';
import { newFilter } from './commands/newFilter';
import { openGeneratedPayload } from './commands/openGeneratedPayload';
import { FilterEvaluationView, filterEvaluationView } from './filterEvaluationView';
import { FiltersContext } from './filtersContext';
import { XPathFilterLanguage } from './xpathFilterLanguage';

/** The OIC filter language, the Filter Evaluation view and its commands. */
export function registerFilters(platform: Platform): FiltersContext & { readonly view: FilterEvaluationView } {
  const core = platform.bundles.xpath;
  platform.own(new XPathFilterLanguage(core));
  const view = platform.own(filterEvaluationView());
  const ctx: FiltersContext = { filters: { core, results: view } };
  platform.registerCommands(ctx, [newFilter, evaluateFilter, openGeneratedPayload, addPayloadToTest]);
  return { ...ctx, view };
}
