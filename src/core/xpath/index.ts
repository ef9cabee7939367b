// The entry of dist/xpath.js: the XPath filter language, its XPath 1.0 engine and the Fusion
// catalog, with @xmldom/xmldom, loaded when a filter is first opened rather than at activation.
export { analyzeFilter } from './analyzeFilter';
export type { FilterAnalysis } from './analyzeFilter';
export { completeFilter } from './completion';
export type { FilterCompletion } from './completion';
export { compileFilter } from './evaluate';
export type { CompiledFilter, Evaluation, PathResult } from './evaluate';
export { hoverFilter } from './hover';
export { newFilterText } from './newFilter';
export { buildFusionEventPayload } from '../payloads/fusionEvent';
export { findEvent, parseQName } from '../fusion/fusionEvents';
export type { FusionEvent } from '../fusion/fusionEvents';
export { referenceCatalog } from '../fusion/referenceCatalog';
