import { row } from '../commands/commandArgs';
import type { ProfileErrorNode, ProfileNode, TenancyInfoNode, TenancyNode } from './profileNodes';
import type {
  ActionNode,
  CompartmentNode,
  EventTypeNode,
  GroupNode,
  ListErrorNode,
  LoadAllRulesNode,
  LoadMoreNode,
  ResourceNode,
  RuleNode,
  RuleRefNode,
  SubscriptionNode,
  TopicNode,
} from './resourceNodes';

// What the Tenancy view's commands take, by the rows their menus are on.
export const profileRow = row<ProfileNode>('a profile of the Tenancy view', 'profile');
export const profileErrorRow = row<ProfileErrorNode>("a profile's error row", 'profileError');
export const anyRow = row<TenancyNode>(
  'a row of the Tenancy view',
  'profile',
  'configError',
  'tenancy',
  'profileError',
  'compartment',
  'group',
  'rule',
  'topic',
  'subscription',
  'eventType',
  'action',
  'topicRules',
  'ruleRef',
  'loadAllRules',
  'loadMore',
  'listError',
);
export const withOcidRow = row<TenancyInfoNode | ResourceNode>(
  'a tenancy, compartment, rule, topic or subscription',
  'tenancy',
  'compartment',
  'rule',
  'topic',
  'subscription',
  'action',
);
/** Where a rule or a topic is created: a tenancy (its root compartment), a compartment or its group row. */
export const placeRow = row<TenancyInfoNode | CompartmentNode | GroupNode>(
  'a tenancy, a compartment or its Rules or Topics row',
  'tenancy',
  'compartment',
  'group',
);
export const consoleRow = row<
  TenancyInfoNode | CompartmentNode | RuleNode | RuleRefNode | TopicNode | SubscriptionNode
>(
  'a tenancy, compartment, rule, topic or subscription',
  'tenancy',
  'compartment',
  'rule',
  'ruleRef',
  'topic',
  'subscription',
);
export const ruleRow = row<RuleNode>('a rule of the Tenancy view', 'rule');
export const ruleOrRefRow = row<RuleNode | RuleRefNode>('a rule of the Tenancy view', 'rule', 'ruleRef');
export const ruleRefRow = row<RuleRefNode>('a rule under "Rules targeting this topic"', 'ruleRef');
export const topicRow = row<TopicNode>('a topic of the Tenancy view', 'topic');
export const subscriptionRow = row<SubscriptionNode>('a subscription of the Tenancy view', 'subscription');
export const actionRow = row<ActionNode>("a rule's action", 'action');
export const eventTypeRow = row<EventTypeNode>("a rule's event type", 'eventType');
export const loadAllRulesRow = row<LoadAllRulesNode>('a "Read every rule" row', 'loadAllRules');
export const loadMoreRow = row<LoadMoreNode | ListErrorNode>('a "Load more" or error row', 'loadMore', 'listError');
