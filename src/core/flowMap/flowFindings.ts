import type { EventTypeCatalogue } from '../condition/catalogue';
import { isEnvelopeField } from '../condition/envelopeFields';
import { hasWildcard, wildcardMatcher } from '../condition/wildcard';
import { isJsonObject } from '../json/isJsonObject';
import { parseJson } from '../json/parseJson';
import { eventTypesOf, RuleWithActions, TenancyFlowInput } from './flowGraph';

export type FlowFindingCode =
  | 'no-active-subscription'
  | 'topic-unused'
  | 'matches-everything'
  | 'duplicate-delivery'
  | 'unknown-event-type'
  | 'subscription-pending'
  | 'fusion-event-disabled'
  | 'fusion-filter-errors';

/** Something on the way of an event that is likely wrong: the nodes it is drawn on, what it means, and the fix. */
export interface FlowFinding {
  readonly code: FlowFindingCode;
  /** The map's node ids, as buildFlowGraph makes them. */
  readonly nodeIds: readonly string[];
  readonly message: string;
  readonly fix: string;
}

/** Every finding of a tenancy's flow, grouped by kind, each kind in the order of the input. */
export function flowFindings(input: TenancyFlowInput, catalogue: EventTypeCatalogue): FlowFinding[] {
  const enabled = input.rules.filter((r) => r.rule.isEnabled);
  return [
    ...noActiveSubscription(input, enabled),
    ...topicsUnused(input, enabled),
    ...matchesEverything(enabled),
    ...duplicateDeliveries(enabled),
    ...unknownEventTypes(input.rules, catalogue),
    ...pendingSubscriptions(input),
  ];
}

/** The topics an enabled rule sends to through an enabled action. */
function topicsOf(rule: RuleWithActions): string[] {
  return rule.actions.filter((a) => a.isEnabled && a.actionType === 'ONS' && a.topicId).map((a) => a.topicId!);
}

function noActiveSubscription(input: TenancyFlowInput, enabled: readonly RuleWithActions[]): FlowFinding[] {
  const topics = new Map(input.topics.map((t) => [t.topicId, t]));
  const active = new Set(input.subscriptions.filter((s) => s.lifecycleState === 'ACTIVE').map((s) => s.topicId));
  return enabled.flatMap((r) =>
    topicsOf(r)
      .filter((topicId) => topics.has(topicId) && !active.has(topicId))
      .map((topicId) => ({
        code: 'no-active-subscription' as const,
        nodeIds: [`rule:${r.rule.id}`, `topic:${topicId}`],
        message: `${r.rule.displayName} sends its events to ${topics.get(topicId)!.name}, which has no ACTIVE subscription: they reach no one.`,
        fix: `Add a subscription to ${topics.get(topicId)!.name} (Create Subscription…), or confirm its PENDING one.`,
      })),
  );
}

function topicsUnused(input: TenancyFlowInput, enabled: readonly RuleWithActions[]): FlowFinding[] {
  const used = new Set(enabled.flatMap(topicsOf));
  return input.topics
    .filter((t) => input.compartments.has(t.compartmentId) && !used.has(t.topicId))
    .map((t) => ({
      code: 'topic-unused' as const,
      nodeIds: [`topic:${t.topicId}`],
      message: `No enabled rule sends to ${t.name}: its subscribers get events only from what else publishes to it.`,
      fix: `Point a rule's action at ${t.name}, or enable the rule that does; delete the topic if nothing publishes to it.`,
    }));
}

function matchesEverything(enabled: readonly RuleWithActions[]): FlowFinding[] {
  return enabled
    .filter((r) => {
      const parsed = parseJson(r.rule.condition, r.rule.displayName, { what: 'condition' });
      // No clause, or only "*" on fields every event has: every event of the compartment matches.
      return (
        parsed.ok &&
        isJsonObject(parsed.value) &&
        Object.entries(parsed.value).every(([key, value]) => value === '*' && isEnvelopeField(key))
      );
    })
    .map((r) => ({
      code: 'matches-everything' as const,
      nodeIds: [`rule:${r.rule.id}`],
      message: `${r.rule.displayName} matches every event of its compartment and those below it.`,
      fix: 'Name the event types it is for in "eventType", unless it is meant to see everything (an audit sink).',
    }));
}

/** Pairs of enabled rules that send events of a type both match to one topic: each such event arrives twice. */
function duplicateDeliveries(enabled: readonly RuleWithActions[]): FlowFinding[] {
  const findings: FlowFinding[] = [];
  const typed = enabled.map((r) => ({ r, types: eventTypesOf(r.rule), topics: new Set(topicsOf(r)) }));
  for (let i = 0; i < typed.length; i++) {
    for (let j = i + 1; j < typed.length; j++) {
      const [a, b] = [typed[i], typed[j]];
      const shared = [...a.topics].filter((t) => b.topics.has(t));
      const overlap = overlappingType(a.types, b.types);
      if (!shared.length || overlap === undefined) {
        continue;
      }
      findings.push({
        code: 'duplicate-delivery',
        nodeIds: [`rule:${a.r.rule.id}`, `rule:${b.r.rule.id}`, ...shared.map((t) => `topic:${t}`)],
        message: `${a.r.rule.displayName} and ${b.r.rule.displayName} both send ${overlap} events to the same topic: an event that meets both conditions is delivered twice.`,
        fix: 'Merge them into one rule, or narrow one so that their conditions no longer overlap.',
      });
    }
  }
  return findings;
}

/** An event type both lists match (a rule that names none matches any), or undefined when none is shared. */
function overlappingType(a: readonly string[], b: readonly string[]): string | undefined {
  if (!a.length || !b.length) {
    return a[0] ?? b[0] ?? 'all';
  }
  for (const x of a) {
    for (const y of b) {
      if (x === y || (hasWildcard(x) && wildcardMatcher(x)(y))) {
        return y;
      }
      if (hasWildcard(y) && wildcardMatcher(y)(x)) {
        return x;
      }
    }
  }
  return undefined;
}

function unknownEventTypes(rules: readonly RuleWithActions[], catalogue: EventTypeCatalogue): FlowFinding[] {
  return rules.flatMap((r) =>
    eventTypesOf(r.rule)
      .filter((type) => (hasWildcard(type) ? catalogue.matching(type).length === 0 : !catalogue.get(type)))
      .map((type) => ({
        code: 'unknown-event-type' as const,
        nodeIds: [`rule:${r.rule.id}`, `eventType:${type}`],
        message: `${r.rule.displayName} waits for ${type}, which no OCI service emits as far as the catalogue knows: it may never match.`,
        fix: 'Check its spelling in the rule document, whose diagnostics suggest the closest type; a custom type belongs in .oew/event-types.json.',
      })),
  );
}

function pendingSubscriptions(input: TenancyFlowInput): FlowFinding[] {
  const topics = new Map(input.topics.map((t) => [t.topicId, t.name]));
  return input.subscriptions
    .filter((s) => s.lifecycleState === 'PENDING')
    .map((s) => ({
      code: 'subscription-pending' as const,
      nodeIds: [`subscription:${s.id}`],
      message: `A ${s.protocol} subscription of ${topics.get(s.topicId) ?? 'a topic'} is PENDING: ONS delivers nothing to it until its endpoint confirms.`,
      fix: 'Open the confirmation link the endpoint received, or Resend Confirmation on the subscription.',
    }));
}
