/** Resources as the real APIs return them (field names from the SDK models). */

export interface Tenancy {
  id: string;
  name: string;
  description: string;
  homeRegionKey: string;
}

export interface Compartment {
  id: string;
  /** The parent compartment (the tenancy for top-level ones). */
  compartmentId: string;
  name: string;
  description: string;
  timeCreated: string;
  lifecycleState: 'ACTIVE';
  isAccessible: boolean;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
}

export type ActionType = 'ONS' | 'OSS' | 'FAAS';

export interface RuleAction {
  actionType: ActionType;
  id: string;
  lifecycleState: 'ACTIVE';
  lifecycleMessage: string;
  isEnabled: boolean;
  description?: string;
  topicId?: string;
  streamId?: string;
  functionId?: string;
}

export type RuleLifecycle = 'CREATING' | 'ACTIVE' | 'INACTIVE' | 'UPDATING' | 'DELETING' | 'DELETED' | 'FAILED';

export interface Rule {
  id: string;
  displayName: string;
  description?: string;
  lifecycleState: RuleLifecycle;
  condition: string;
  compartmentId: string;
  isEnabled: boolean;
  actions: { actions: RuleAction[] };
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
  timeCreated: string;
}

/** The list operation returns summaries: a rule without its actions. */
export function ruleSummary(rule: Rule): Omit<Rule, 'actions'> {
  const { actions, ...summary } = rule;
  return summary;
}

export interface Topic {
  topicId: string;
  name: string;
  compartmentId: string;
  lifecycleState: 'CREATING' | 'ACTIVE' | 'DELETING';
  description?: string;
  timeCreated: string;
  apiEndpoint: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
}

export type Protocol = 'CUSTOM_HTTPS' | 'EMAIL' | 'HTTPS' | 'ORACLE_FUNCTIONS' | 'PAGERDUTY' | 'SLACK' | 'SMS';

export interface Subscription {
  id: string;
  topicId: string;
  protocol: Protocol;
  endpoint: string;
  lifecycleState: 'PENDING' | 'ACTIVE' | 'DELETED';
  compartmentId: string;
  createdTime: number;
  /** A JSON string here; the summary's deliveryPolicy is an object (a quirk of the real API). */
  deliverPolicy: string;
  freeformTags: Record<string, string>;
  definedTags: Record<string, Record<string, unknown>>;
}

export interface Application {
  id: string;
  displayName: string;
  compartmentId: string;
  lifecycleState: 'ACTIVE';
  subnetIds: string[];
  timeCreated: string;
  freeformTags: Record<string, string>;
}

export interface FunctionSummary {
  id: string;
  displayName: string;
  applicationId: string;
  compartmentId: string;
  lifecycleState: 'ACTIVE';
  image: string;
  memoryInMBs: number;
  invokeEndpoint: string;
  timeCreated: string;
}

export interface StreamSummary {
  id: string;
  name: string;
  partitions: number;
  /** Required in the API's Stream, which getStream returns; the listing's summary leaves it out. */
  retentionInHours: number;
  compartmentId: string;
  streamPoolId: string;
  lifecycleState: 'ACTIVE';
  timeCreated: string;
  messagesEndpoint: string;
}
