import type { EventTypeCatalogue } from '../condition/catalogue';
import { conditionEventTypes } from '../condition/conditionContext';
import { isEnvelopeField } from '../condition/envelopeFields';
import { hasWildcard, wildcardMatcher } from '../condition/wildcard';
import { isJsonObject } from '../json/isJsonObject';
import { parseJson } from '../json/parseJson';
import type { RuleWithActions, TenancyFlowInput } from './flowGraph';

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
  // Each condition's event types, read once for the findings that ask.
  const types = new Map(input.rules.map((r) => [r.rule.id, conditionEventTypes(r.rule.condition)]));
  return [
    ...noActiveSubscription(input, enabled),
    ...topicsUnused(input, enabled),
    ...matchesEverything(enabled),
    ...duplicateDeliveries(input, enabled, types),
    ...unknownEventTypes(input.rules, types, catalogue),
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

/**
 * Enabled rules that send events of a type they both match to one topic: each such event arrives
 * twice. Rules are compared only within a topic, and those that overlap are one finding per topic.
 */
type EventTypesByRule = ReadonlyMap<string, readonly string[]>;

function duplicateDeliveries(
  input: TenancyFlowInput,
  enabled: readonly RuleWithActions[],
  types: EventTypesByRule,
): FlowFinding[] {
  const names = new Map(input.topics.map((t) => [t.topicId, t.name]));
  const typed = enabled.map((r) => typesOf(types.get(r.rule.id) ?? []));
  const byTopic = new Map<string, number[]>();
  enabled.forEach((r, i) =>
    new Set(topicsOf(r)).forEach((topic) => {
      const indexes = byTopic.get(topic) ?? [];
      indexes.push(i);
      byTopic.set(topic, indexes);
    }),
  );
  const findings: FlowFinding[] = [];
  for (const [topic, indexes] of byTopic) {
    // Rules joined by an overlap, each group with the first type that joined it.
    const group = new Map<number, number>(indexes.map((i) => [i, i]));
    const root = (i: number): number => {
      let at = i;
      while (group.get(at) !== at) {
        at = group.get(at)!;
      }
      return at;
    };
    const shared = new Map<number, string>();
    for (let x = 0; x < indexes.length; x++) {
      for (let y = x + 1; y < indexes.length; y++) {
        const overlap = overlappingType(typed[indexes[x]], typed[indexes[y]]);
        const [a, b] = [root(indexes[x]), root(indexes[y])];
        if (overlap !== undefined && a !== b) {
          group.set(b, a);
          shared.set(a, shared.get(a) ?? shared.get(b) ?? overlap);
        }
      }
    }
    for (const [first, type] of shared) {
      if (root(first) !== first) {
        continue;
      }
      const rules = indexes.filter((i) => root(i) === first).map((i) => enabled[i].rule);
      const listed =
        rules.length > 3
          ? `${rules
              .slice(0, 2)
              .map((r) => r.displayName)
              .join(', ')} and ${rules.length - 2} more`
          : rules.map((r) => r.displayName).join(rules.length === 2 ? ' and ' : ', ');
      findings.push({
        code: 'duplicate-delivery',
        nodeIds: [...rules.map((r) => `rule:${r.id}`), `topic:${topic}`],
        message: `${listed} send ${type} events to ${names.get(topic) ?? 'the same topic'}: an event that meets two of their conditions is delivered twice.`,
        fix: 'Merge them into one rule, or narrow them so that their conditions no longer overlap.',
      });
    }
  }
  return findings;
}

interface RuleTypes {
  /** No eventType clause: every type. */
  readonly any: boolean;
  readonly exact: ReadonlySet<string>;
  readonly wildcards: readonly { readonly pattern: string; readonly matches: (type: string) => boolean }[];
  readonly first?: string;
}

/** A rule's event types, each wildcard compiled once for the many comparisons a topic's rules take. */
function typesOf(types: readonly string[]): RuleTypes {
  return {
    any: types.length === 0,
    exact: new Set(types.filter((t) => !hasWildcard(t))),
    wildcards: types.filter(hasWildcard).map((pattern) => ({ pattern, matches: wildcardMatcher(pattern) })),
    ...(types.length ? { first: types[0] } : {}),
  };
}

/** An event type both rules match (a rule that names none matches any), or undefined when none is shared. */
function overlappingType(a: RuleTypes, b: RuleTypes): string | undefined {
  if (a.any || b.any) {
    return (a.any ? b.first : a.first) ?? 'all';
  }
  for (const type of a.exact) {
    if (b.exact.has(type) || b.wildcards.some((w) => w.matches(type))) {
      return type;
    }
  }
  for (const type of b.exact) {
    if (a.wildcards.some((w) => w.matches(type))) {
      return type;
    }
  }
  // Two wildcards: only the same pattern is known to overlap.
  return a.wildcards.find((w) => b.wildcards.some((v) => v.pattern === w.pattern))?.pattern;
}

function unknownEventTypes(
  rules: readonly RuleWithActions[],
  types: EventTypesByRule,
  catalogue: EventTypeCatalogue,
): FlowFinding[] {
  return rules.flatMap((r) =>
    (types.get(r.rule.id) ?? [])
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
