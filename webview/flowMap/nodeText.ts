import * as l10n from '@vscode/l10n';
import type { FlowFindingCode, FlowFlag, FlowNodeKind } from '../../src/protocol/webviewMessages';

/**
 * Each kind of node as the legend, the details and screen readers name it. These tables are
 * functions: `l10n.t` may run only once the page's translation is loaded, not at import.
 */
export const KIND_NAMES = (): Readonly<Record<FlowNodeKind, string>> => ({
  eventType: l10n.t('Event type'),
  rule: l10n.t('Rule'),
  ruleGroup: l10n.t('A compartment’s rules'),
  topic: l10n.t('Topic'),
  function: l10n.t('Function'),
  stream: l10n.t('Stream'),
  subscription: l10n.t('Subscription'),
  fusionEvent: l10n.t('Fusion event'),
  fusionSubscription: l10n.t('Event subscription'),
  oicHost: l10n.t('OIC host'),
});

/** What each flag means, as the legend explains it. */
export const FLAG_TEXT = (): Readonly<Record<FlowFlag, string>> => ({
  disabled: l10n.t('Disabled: drawn faint, its edges dotted; no event takes it.'),
  pending: l10n.t('PENDING: the subscription is not confirmed yet, so nothing is delivered to it.'),
  failed: l10n.t('Failed or deleted, or a filter with errors: nothing is delivered.'),
  otherCompartment: l10n.t('In another compartment than this map’s.'),
  anyEvent: l10n.t('Any event: a condition that names no event type.'),
  stale: l10n.t('Points at another OIC instance than this connection’s (a copied environment).'),
});

export const FINDING_TITLES = (): Readonly<Record<FlowFindingCode, string>> => ({
  'no-active-subscription': l10n.t('Events go nowhere'),
  'topic-unused': l10n.t('Topic no rule sends to'),
  'matches-everything': l10n.t('Rule matches every event'),
  'duplicate-delivery': l10n.t('Duplicate deliveries'),
  'unknown-event-type': l10n.t('Event type not in the catalogue'),
  'subscription-pending': l10n.t('Subscription still PENDING'),
  'fusion-event-disabled': l10n.t('Subscribed event is disabled'),
  'fusion-filter-errors': l10n.t('Filter has errors'),
});
