import { pointsElsewhere } from '../fusion/fusionClient';
import { hostOf } from '../net/hostOf';
import type { ErpBusinessEventRecord, FusionConnection, FusionSubscriptionInfo } from '../fusion/fusionClient';
import { subscribesToDisabledEvent } from '../fusion/disabledEvents';
import { findEvent, FusionEvent } from '../fusion/fusionEvents';
import type { FlowFinding } from './flowFindings';
import type { FlowEdge, FlowGraph, FlowNode } from './flowGraph';

/** What the map of a Fusion connection is drawn from. */
export interface FusionFlowInput {
  readonly connection: FusionConnection;
  readonly subscriptions: readonly FusionSubscriptionInfo[];
  readonly events: readonly FusionEvent[];
  readonly records: readonly ErpBusinessEventRecord[];
  /** The first error of a subscription's filter, from the XPath engine, passed in so that it loads only here. */
  readonly filterError: (filter: string) => string | undefined;
}

/** Fusion events → their subscriptions (with the filter) → the OIC hosts they call, and what is wrong on the way. */
export function buildFusionFlow(input: FusionFlowInput): { graph: FlowGraph; findings: FlowFinding[] } {
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  const findings: FlowFinding[] = [];
  const add = (node: FlowNode) => nodes.get(node.id) ?? (nodes.set(node.id, node), node);
  for (const subscription of input.subscriptions) {
    const event = findEvent(input.events, subscription.eventName);
    const disabled = subscribesToDisabledEvent(subscription.eventName, input.events, input.records);
    const eventId = `fusionEvent:${subscription.eventName}`;
    const eventLabel = event?.displayName ?? subscription.eventName;
    add({ id: eventId, kind: 'fusionEvent', label: eventLabel, flags: disabled ? ['disabled'] : [] });
    const filterError = subscription.filter ? input.filterError(subscription.filter) : undefined;
    const stale = pointsElsewhere(subscription, input.connection);
    const id = `fusionSubscription:${subscription.id}`;
    add({
      id,
      kind: 'fusionSubscription',
      label: subscription.integration ?? subscription.id,
      detail: subscription.filter ? `filter${filterError ? ' with errors' : ''}` : 'every event',
      flags: [...(filterError ? (['failed'] as const) : []), ...(stale ? (['stale'] as const) : [])],
    });
    edges.push({ from: eventId, to: id, disabled });
    const host = subscription.endpoint ? hostOf(subscription.endpoint) : undefined;
    if (host) {
      add({ id: `oicHost:${host}`, kind: 'oicHost', label: host, flags: stale ? ['stale'] : [] });
      edges.push({ from: id, to: `oicHost:${host}`, disabled });
    }
    const name = subscription.integration ?? subscription.id;
    if (disabled) {
      findings.push({
        code: 'fusion-event-disabled',
        nodeIds: [eventId, id],
        message: `${name} subscribes to ${eventLabel}, which is disabled in this instance: no event reaches it.`,
        fix: 'Enable the event in Fusion (Manage Business Events), or remove the subscription.',
      });
    }
    if (filterError) {
      findings.push({
        code: 'fusion-filter-errors',
        nodeIds: [id],
        message: `The filter of ${name} has an error: ${filterError}`,
        fix: 'Open the filter (Open Filter), fix what its diagnostics say, and update the subscription in OIC.',
      });
    }
  }
  return { graph: { nodes: [...nodes.values()], edges }, findings };
}
