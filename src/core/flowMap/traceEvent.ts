import { namedEventTypesIn } from '../condition/conditionContext';
import { formatTraceLine } from '../condition/formatTrace';
import { compile } from '../condition/matcher';
import { hasWildcard, wildcardMatcher } from '../condition/wildcard';
import { parseJson } from '../json/parseJson';
import { targetNodeId, TenancyFlowInput } from './flowGraph';

/** What one rule made of the event. */
export interface RuleVerdict {
  readonly nodeId: string;
  readonly matched: boolean;
  /** For a rule that did not match: its deciding clause, as the Condition Test view words it. */
  readonly deciding?: string;
  /** A disabled rule that matched sends nothing: drawn apart from the path. */
  readonly disabled: boolean;
}

export interface FlowTrace {
  /** The nodes the event reaches: its type, the enabled rules that match, their targets, their topics' ACTIVE subscriptions. */
  readonly path: ReadonlySet<string>;
  readonly rules: readonly RuleVerdict[];
}

/**
 * Follows one event through the map, as if it happened where every rule sees it: each rule's
 * verdict with its deciding clause, and the nodes the event reaches. A rule whose condition is
 * not JSON matches nothing, as OCI would refuse it.
 */
export function traceEvent(input: TenancyFlowInput, event: Readonly<Record<string, unknown>>): FlowTrace {
  const path = new Set<string>();
  const rules: RuleVerdict[] = [];
  const active = new Map<string, string[]>();
  for (const s of input.subscriptions.filter((x) => x.lifecycleState === 'ACTIVE')) {
    const ids = active.get(`topic:${s.topicId}`) ?? [];
    ids.push(s.id);
    active.set(`topic:${s.topicId}`, ids);
  }
  for (const { rule, actions } of input.rules) {
    const nodeId = `rule:${rule.id}`;
    const condition = parseJson(rule.condition, rule.displayName, { what: 'condition' });
    if (!condition.ok) {
      rules.push({ nodeId, matched: false, deciding: condition.error, disabled: !rule.isEnabled });
      continue;
    }
    const result = compile(condition.value)(event);
    const failing = result.matched ? undefined : result.trace.find((line) => !line.matched);
    rules.push({
      nodeId,
      matched: result.matched,
      ...(failing ? { deciding: formatTraceLine(failing) } : {}),
      disabled: !rule.isEnabled,
    });
    if (!result.matched || !rule.isEnabled) {
      continue;
    }
    path.add(nodeId);
    // The event-type node it came in through: the rule's type the event has, or "any event".
    const named = namedEventTypesIn(condition.value);
    const type = typeof event.eventType === 'string' ? event.eventType : '';
    if (!named.length) {
      path.add('eventType:*');
    }
    named
      .filter((t) => t === type || (hasWildcard(t) && wildcardMatcher(t)(type)))
      .forEach((t) => path.add(`eventType:${t}`));
    for (const action of actions.filter((a) => a.isEnabled)) {
      const target = targetNodeId(action);
      if (target) {
        path.add(target);
        (active.get(target) ?? []).forEach((id) => path.add(`subscription:${id}`));
      }
    }
  }
  return { path, rules };
}
