// What the sender uses of the Fusion Events view: its rows, to send an event of one.
export type { FusionNode } from './fusionModel';
export { anyFusionRow } from './fusionContext';
