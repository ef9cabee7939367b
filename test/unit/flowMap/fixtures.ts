import type { RuleWithActions, TenancyFlowInput } from '../../../src/core/flowMap/flowGraph';
import type { SubscriptionInfo, TopicInfo } from '../../../src/core/tenancy/resourceNodes';

export const HOME = 'ocid1.compartment.oc1..home';
export const OTHER = 'ocid1.compartment.oc1..other';
export const LAUNCH = 'com.oraclecloud.computeapi.launchinstance.end';
export const UPLOAD = 'com.oraclecloud.objectstorage.createobject';
/** An event type as the map labels it: without the prefix every OCI type shares. */
export const shortType = (type: string) => type.replace('com.oraclecloud.', '');

export function rule(
  name: string,
  condition: unknown,
  topics: readonly string[],
  options: { enabled?: boolean; actionEnabled?: boolean } = {},
): RuleWithActions {
  return {
    rule: {
      id: `ocid1.eventrule.oc1.iad.${name}`,
      displayName: name,
      lifecycleState: 'ACTIVE',
      isEnabled: options.enabled ?? true,
      condition: JSON.stringify(condition),
      compartmentId: HOME,
    },
    actions: topics.map((t) => ({ actionType: 'ONS', isEnabled: options.actionEnabled ?? true, topicId: topicId(t) })),
  };
}

export const topicId = (name: string) => `ocid1.onstopic.oc1.iad.${name}`;

export function topic(name: string, compartmentId = HOME): TopicInfo {
  return { topicId: topicId(name), name, lifecycleState: 'ACTIVE', compartmentId };
}

export function subscription(
  topicName: string,
  state = 'ACTIVE',
  endpoint = 'https://hooks.example.com/x',
): SubscriptionInfo {
  return {
    id: `ocid1.onssubscription.oc1.iad.${topicName}-${state}-${endpoint.length}`,
    protocol: 'CUSTOM_HTTPS',
    endpoint,
    lifecycleState: state,
    topicId: topicId(topicName),
    compartmentId: HOME,
  };
}

export function input(parts: Partial<TenancyFlowInput>): TenancyFlowInput {
  return {
    rules: [],
    topics: [],
    subscriptions: [],
    targetNames: new Map(),
    compartments: new Set([HOME]),
    ...parts,
  };
}
