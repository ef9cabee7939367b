import data from './reference-catalog.json';
import { FusionEvent } from './fusionEvents';

const EVENTS = data.events as readonly FusionEvent[];

/** The Fusion events this extension knows without a connection. */
export function referenceCatalog(): readonly FusionEvent[] {
  return EVENTS;
}
