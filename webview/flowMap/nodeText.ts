import type { FlowFindingCode, FlowFlag, FlowNodeKind } from '../../src/protocol/webviewMessages';

/** Each kind of node as the legend, the details and screen readers name it. */
export const KIND_NAMES: Readonly<Record<FlowNodeKind, string>> = {
  eventType: 'Event type',
  rule: 'Rule',
  ruleGroup: 'A compartment’s rules',
  topic: 'Topic',
  function: 'Function',
  stream: 'Stream',
  subscription: 'Subscription',
  fusionEvent: 'Fusion event',
  fusionSubscription: 'Event subscription',
  oicHost: 'OIC host',
};

/** What each flag means, as the legend explains it. */
export const FLAG_TEXT: Readonly<Record<FlowFlag, string>> = {
  disabled: 'Disabled: drawn faint, its edges dotted; no event takes it.',
  pending: 'PENDING: the subscription is not confirmed yet, so nothing is delivered to it.',
  failed: 'Failed or deleted, or a filter with errors: nothing is delivered.',
  otherCompartment: 'In another compartment than this map’s.',
  anyEvent: 'Any event: a condition that names no event type.',
  stale: 'Points at another OIC instance than this connection’s (a copied environment).',
};

export const FINDING_TITLES: Readonly<Record<FlowFindingCode, string>> = {
  'no-active-subscription': 'Events go nowhere',
  'topic-unused': 'Topic no rule sends to',
  'matches-everything': 'Rule matches every event',
  'duplicate-delivery': 'Duplicate deliveries',
  'unknown-event-type': 'Event type not in the catalogue',
  'subscription-pending': 'Subscription still PENDING',
  'fusion-event-disabled': 'Subscribed event is disabled',
  'fusion-filter-errors': 'Filter has errors',
};
