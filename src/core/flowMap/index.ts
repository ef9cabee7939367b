// The entry of dist/flowMap.js: the event flow map's graph, findings, grouping, Mermaid text,
// traces and the reading of a tenancy for it, loaded when a map is first shown, never at activation.
export { buildFlowGraph } from './flowGraph';
export { flowFindings } from './flowFindings';
export { focusGraph } from './focusGraph';
export { groupByCompartment, MAX_UNGROUPED_RULES } from './groupedFlow';
export { buildFusionFlow } from './fusionFlow';
export { loadTenancyFlow } from './loadTenancyFlow';
export { flowchartText } from './mermaid';
export { flowDeliveries, flowMapTrace, sendCompartment } from './traceView';
