import type { ProfileNode, TenancyInfoNode } from './profileNodes';

/** What the tree keeps of a rule: the summary the list call returns. */
export interface RuleInfo {
  readonly id: string;
  readonly displayName: string;
  readonly description?: string;
  readonly lifecycleState: string;
  readonly isEnabled: boolean;
  readonly condition: string;
  readonly compartmentId: string;
}

export interface TopicInfo {
  readonly topicId: string;
  readonly name: string;
  readonly description?: string;
  readonly lifecycleState: string;
  readonly compartmentId: string;
  /** As listed: a delete sends it as if-match, so that a topic changed since is not deleted unseen. */
  readonly etag?: string;
}

export interface SubscriptionInfo {
  readonly id: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly lifecycleState: string;
  readonly topicId: string;
  readonly compartmentId: string;
  readonly etag?: string;
}

/** A compartment below the tenancy (the tenancy node itself stands for the root compartment). */
export interface CompartmentNode {
  readonly kind: 'compartment';
  readonly parent: TenancyInfoNode | CompartmentNode;
  readonly profile: ProfileNode;
  readonly id: string;
  readonly name: string;
  readonly description?: string;
}

/** A compartment's Rules or Topics. */
export interface GroupNode {
  readonly kind: 'group';
  readonly parent: TenancyInfoNode | CompartmentNode;
  readonly profile: ProfileNode;
  readonly group: 'rules' | 'topics';
  readonly compartmentId: string;
}

export interface RuleNode {
  readonly kind: 'rule';
  readonly parent: GroupNode;
  readonly profile: ProfileNode;
  readonly rule: RuleInfo;
}

export interface TopicNode {
  readonly kind: 'topic';
  readonly parent: GroupNode;
  readonly profile: ProfileNode;
  readonly topic: TopicInfo;
}

export interface SubscriptionNode {
  readonly kind: 'subscription';
  readonly parent: TopicNode;
  readonly profile: ProfileNode;
  readonly subscription: SubscriptionInfo;
}

/** An event type a rule's condition names, as written (a wildcard stays one). */
export interface EventTypeNode {
  readonly kind: 'eventType';
  readonly parent: RuleNode;
  readonly eventType: string;
}

/** Where a rule sends what it matches: an ONS topic, a function or a stream, by name when it could be read. */
export interface ActionNode {
  readonly kind: 'action';
  readonly parent: RuleNode;
  readonly actionType: 'ONS' | 'FAAS' | 'OSS';
  readonly targetId: string;
  readonly targetName?: string;
  /** Why the name could not be read (not found, no permission), when it could not. */
  readonly unresolved?: string;
  readonly isEnabled: boolean;
  readonly description?: string;
}

/** A topic's "Rules targeting this topic" row: the rules read so far whose actions send to it. */
export interface TopicRulesNode {
  readonly kind: 'topicRules';
  readonly parent: TopicNode;
}

/** A rule under "Rules targeting this topic"; clicking it reveals the rule when its list is loaded. */
export interface RuleRefNode {
  readonly kind: 'ruleRef';
  readonly parent: TopicRulesNode;
  readonly rule: RuleInfo;
}

/** Says that not every rule has been read yet, and offers to read them all. */
export interface LoadAllRulesNode {
  readonly kind: 'loadAllRules';
  readonly parent: TopicRulesNode;
}

/** A node whose children are loaded a page at a time (a rule's, in one page). */
export type ContainerNode = TenancyInfoNode | CompartmentNode | GroupNode | TopicNode | RuleNode;

/** The "Load more" row at the end of a list that has another page. */
export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly parent: ContainerNode;
  readonly loaded: number;
}

/** Why a list could not be (fully) loaded, in place of its missing items; its Retry loads again. */
export interface ListErrorNode {
  readonly kind: 'listError';
  readonly parent: ContainerNode;
  readonly message: string;
  readonly nextStep: string;
}

export type ResourceNode =
  | CompartmentNode
  | GroupNode
  | RuleNode
  | TopicNode
  | SubscriptionNode
  | EventTypeNode
  | ActionNode
  | LoadMoreNode
  | ListErrorNode
  | TopicRulesNode
  | RuleRefNode
  | LoadAllRulesNode;

/** The OCID a Tenancy row stands for: the tenancy, a compartment, rule, topic, subscription, or an action's target. */
export function ocidOf(node: TenancyInfoNode | ResourceNode): string | undefined {
  switch (node.kind) {
    case 'tenancy':
    case 'compartment':
      return node.id;
    case 'rule':
    case 'ruleRef':
      return node.rule.id;
    case 'topic':
      return node.topic.topicId;
    case 'subscription':
      return node.subscription.id;
    case 'action':
      return node.targetId;
    default:
      return undefined;
  }
}
