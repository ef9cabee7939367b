import type { ActionType } from './ruleFields';

/** A starting point for a new rule: its condition, and the kind of target its one action needs. */
export interface RuleTemplate {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly displayName: string;
  readonly condition: Readonly<Record<string, unknown>>;
  /** Undefined for the blank template: the user chooses. */
  readonly actionType?: ActionType;
  readonly actionDescription?: string;
}

/**
 * The templates of Create Rule…, which are also the rules of the emulator's demo tenancy: one
 * definition of each. Event types are from seed 000 and the CIS landing zone (oci-events.md).
 */
export const RULE_TEMPLATES: readonly RuleTemplate[] = [
  {
    id: 'instance-lifecycle',
    label: 'Instance lifecycle → Notifications',
    detail: 'Compute instances launched, terminated or stopped/started',
    displayName: 'instance-state-changes',
    condition: {
      eventType: [
        'com.oraclecloud.computeapi.launchinstance.end',
        'com.oraclecloud.computeapi.terminateinstance.end',
        'com.oraclecloud.computeapi.instanceaction.end',
      ],
    },
    actionType: 'ONS',
    actionDescription: 'Notify infra-alerts topic',
  },
  {
    id: 'bucket-objects',
    label: 'Bucket object changes → Functions',
    detail: 'Objects created or deleted in Object Storage',
    displayName: 'bucket-change-processor',
    condition: {
      eventType: ['com.oraclecloud.objectstorage.createobject', 'com.oraclecloud.objectstorage.deleteobject'],
    },
    actionType: 'FAAS',
    actionDescription: 'Process bucket changes',
  },
  {
    id: 'all-audit',
    label: 'All audit events → Notifications',
    detail: 'Every audit event in the compartment (a lot of messages)',
    displayName: 'audit-all',
    condition: { eventType: ['com.oraclecloud.audit.event'] },
    actionType: 'ONS',
    actionDescription: 'All audit events',
  },
  {
    id: 'iam-changes',
    label: 'IAM policy and user changes → Notifications',
    detail: 'Policies and users created, changed or deleted (CIS landing zone)',
    displayName: 'iam-changes',
    condition: {
      eventType: [
        'com.oraclecloud.identitycontrolplane.createpolicy',
        'com.oraclecloud.identitycontrolplane.deletepolicy',
        'com.oraclecloud.identitycontrolplane.updatepolicy',
        'com.oraclecloud.identitycontrolplane.createuser',
        'com.oraclecloud.identitycontrolplane.deleteuser',
        'com.oraclecloud.identitycontrolplane.updateuser',
      ],
    },
    actionType: 'ONS',
    actionDescription: 'IAM changes',
  },
  {
    id: 'network-changes',
    label: 'Network changes → Notifications',
    detail: 'VCNs, security lists, route tables and gateways (CIS landing zone)',
    displayName: 'network-changes',
    condition: {
      eventType: [
        'com.oraclecloud.virtualnetwork.createvcn',
        'com.oraclecloud.virtualnetwork.deletevcn',
        'com.oraclecloud.virtualnetwork.updatesecuritylist',
        'com.oraclecloud.virtualnetwork.updateroutetable',
        'com.oraclecloud.natgateway.createnatgateway',
        'com.oraclecloud.servicegateway.createservicegateway',
      ],
    },
    actionType: 'ONS',
    actionDescription: 'Network changes',
  },
  {
    id: 'blank',
    label: 'Blank',
    detail: 'An empty condition, which matches every event in the compartment, to edit',
    displayName: 'new-rule',
    condition: {},
  },
];

export function ruleTemplate(id: string): RuleTemplate {
  const template = RULE_TEMPLATES.find((t) => t.id === id);
  if (!template) {
    throw new Error(`No rule template ${id}.`);
  }
  return template;
}
