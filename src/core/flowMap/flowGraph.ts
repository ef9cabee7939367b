import { conditionEventTypes } from '../condition/conditionContext';
import { maskEndpoint } from '../ons/maskEndpoint';
import { ActionSummary, targetOf } from '../tenancy/ruleActions';
import type { RuleInfo, SubscriptionInfo, TopicInfo } from '../tenancy/resourceNodes';

export type FlowNodeKind =
  | 'eventType'
  | 'rule'
  /** A compartment's rules as one node, on a map too large to draw each. */
  | 'ruleGroup'
  | 'topic'
  | 'function'
  | 'stream'
  | 'subscription'
  | 'fusionEvent'
  | 'fusionSubscription'
  | 'oicHost';

/** What makes a node drawn apart, each explained in the map's legend. */
export type FlowFlag = 'disabled' | 'pending' | 'failed' | 'otherCompartment' | 'anyEvent' | 'stale';

export interface FlowNode {
  /** `<kind>:<OCID or event type>`: stable across loads, for the map to keep its selection. */
  readonly id: string;
  readonly kind: FlowNodeKind;
  readonly label: string;
  /** A short second line: a state, a protocol and a masked endpoint. */
  readonly detail?: string;
  readonly ocid?: string;
  readonly flags: readonly FlowFlag[];
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  /** A disabled rule's or action's edge: drawn, but no event takes it. */
  readonly disabled: boolean;
}

export interface FlowGraph {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

/** A rule with its actions, as its details give them (a list of rules leaves actions out). */
export interface RuleWithActions {
  readonly rule: RuleInfo;
  readonly actions: readonly ActionSummary[];
}

/** What the map of a compartment, a tenancy, a rule or a topic is drawn from. */
export interface TenancyFlowInput {
  readonly rules: readonly RuleWithActions[];
  readonly topics: readonly TopicInfo[];
  readonly subscriptions: readonly SubscriptionInfo[];
  /** Names of functions, streams and topics not listed, by OCID, as far as they are known. */
  readonly targetNames: ReadonlyMap<string, string>;
  /** The compartments the map is of: a target elsewhere is drawn as in another compartment. */
  readonly compartments: ReadonlySet<string>;
  /** Their names, where known: a map too large to draw each rule draws each compartment's. */
  readonly compartmentNames?: ReadonlyMap<string, string>;
  /** Each compartment below the map's own, to its parent: the way down the Tenancy view to a node's row. */
  readonly compartmentParents?: ReadonlyMap<string, string>;
}

const ANY_EVENT = 'eventType:*';
const TARGET_KINDS: Readonly<Record<string, FlowNodeKind>> = { ONS: 'topic', FAAS: 'function', OSS: 'stream' };

/** The map's node of an action's target: a topic, a function or a stream; none for an action of another type. */
export function targetNodeId(action: ActionSummary): string | undefined {
  const kind = TARGET_KINDS[action.actionType];
  const target = targetOf(action);
  return kind && target ? `${kind}:${target}` : undefined;
}

/**
 * The chain an event takes, left to right: event types (from the rules' conditions) → rules →
 * targets (topics, functions, streams) → the topics' subscriptions.
 */
export function buildFlowGraph(input: TenancyFlowInput): FlowGraph {
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  const add = (node: FlowNode) => nodes.get(node.id) ?? (nodes.set(node.id, node), node);
  const topics = new Map(input.topics.map((t) => [t.topicId, t]));
  for (const { rule, actions } of input.rules) {
    const ruleId = `rule:${rule.id}`;
    add({
      id: ruleId,
      kind: 'rule',
      label: rule.displayName,
      ...(rule.lifecycleState !== 'ACTIVE' ? { detail: rule.lifecycleState } : {}),
      ocid: rule.id,
      flags: rule.isEnabled ? [] : ['disabled'],
    });
    const types = conditionEventTypes(rule.condition);
    for (const type of types.length ? types : ['*']) {
      const id = type === '*' ? ANY_EVENT : `eventType:${type}`;
      add({
        id,
        kind: 'eventType',
        // Every OCI type starts alike: the map shows what tells them apart, the node's id the whole type.
        label: type === '*' ? 'any event' : type.replace(/^com\.oraclecloud\./, ''),
        flags: type === '*' ? ['anyEvent'] : [],
      });
      edges.push({ from: id, to: ruleId, disabled: !rule.isEnabled });
    }
    for (const action of actions) {
      const target = targetOf(action);
      const kind = TARGET_KINDS[action.actionType];
      if (!target || !kind) {
        continue;
      }
      const topic = topics.get(target);
      const compartment = topic?.compartmentId;
      add({
        id: `${kind}:${target}`,
        kind,
        label: topic?.name ?? input.targetNames.get(target) ?? shortOcid(target),
        ocid: target,
        flags: kind === 'topic' && (!compartment || !input.compartments.has(compartment)) ? ['otherCompartment'] : [],
      });
      edges.push({ from: ruleId, to: `${kind}:${target}`, disabled: !rule.isEnabled || !action.isEnabled });
    }
  }
  for (const topic of input.topics) {
    add({ id: `topic:${topic.topicId}`, kind: 'topic', label: topic.name, ocid: topic.topicId, flags: [] });
  }
  for (const subscription of input.subscriptions) {
    const state = subscription.lifecycleState;
    add({
      id: `subscription:${subscription.id}`,
      kind: 'subscription',
      label: subscription.protocol,
      detail: `${maskEndpoint(subscription.protocol, subscription.endpoint)}${state === 'ACTIVE' ? '' : ` · ${state}`}`,
      ocid: subscription.id,
      flags: state === 'PENDING' ? ['pending'] : state === 'ACTIVE' ? [] : ['failed'],
    });
    edges.push({ from: `topic:${subscription.topicId}`, to: `subscription:${subscription.id}`, disabled: false });
  }
  return { nodes: [...nodes.values()], edges };
}

/** The end of an OCID, enough to tell targets apart when their names are not known. */
function shortOcid(ocid: string): string {
  const [type] = ocid.split('.').slice(1, 2);
  return `${type ?? 'target'} …${ocid.slice(-6)}`;
}
