import { ruleTemplate } from '../../core/rules/ruleTemplates';
import { Compartment, Protocol, Rule, RuleAction, Tenancy } from './model';
import { ocid } from './ocids';
import { EmulatorState, etagOf } from './state';

export type DatasetName = 'demo' | 'large';

export interface DatasetOptions {
  readonly dataset: DatasetName;
  /** `large` only; 300 when absent. */
  readonly compartments?: number;
  /** `large` only; 20 when absent. */
  readonly rulesPerCompartment?: number;
}

const EPOCH = Date.parse('2026-01-15T09:00:00Z');

export function buildState(options: DatasetOptions): EmulatorState {
  const tenancy: Tenancy = {
    id: ocid('tenancy', 'emulator'),
    name: options.dataset === 'demo' ? 'acme-emulated' : 'large-emulated',
    description: 'A tenancy of the OCI Event Workbench emulator',
    homeRegionKey: 'IAD',
  };
  const state = new EmulatorState(tenancy);
  if (options.dataset === 'demo') {
    demo(state);
  } else {
    large(state, options.compartments ?? 300, options.rulesPerCompartment ?? 20);
  }
  return state;
}

function addCompartment(state: EmulatorState, name: string, parent: string, index: number): Compartment {
  const compartment: Compartment = {
    id: ocid('compartment', name),
    compartmentId: parent,
    name,
    description: `${name} compartment`,
    timeCreated: new Date(EPOCH + index * 60_000).toISOString(),
    lifecycleState: 'ACTIVE',
    isAccessible: true,
    freeformTags: {},
    definedTags: {},
  };
  state.compartments.set(compartment.id, compartment);
  return compartment;
}

function addRule(
  state: EmulatorState,
  compartmentId: string,
  displayName: string,
  condition: unknown,
  actions: Omit<RuleAction, 'id' | 'lifecycleState' | 'lifecycleMessage'>[],
  index: number,
  isEnabled = true,
): void {
  const rule: Rule = {
    id: ocid('eventrule', `${compartmentId}/${displayName}`, 'iad'),
    displayName,
    description: `${displayName} (emulated)`,
    lifecycleState: isEnabled ? 'ACTIVE' : 'INACTIVE',
    condition: JSON.stringify(condition),
    compartmentId,
    isEnabled,
    actions: {
      actions: actions.map((a, i) => ({
        ...a,
        id: ocid('eventaction', `${displayName}/${i}`, 'iad'),
        lifecycleState: 'ACTIVE',
        lifecycleMessage: '',
      })),
    },
    freeformTags: {},
    definedTags: {},
    timeCreated: new Date(EPOCH + index * 3_600_000).toISOString(),
  };
  state.rules.set(rule.id, { value: rule, etag: etagOf(rule) });
}

/** A small realistic tenancy: rules from the seed examples and the CIS landing zone. */
function demo(state: EmulatorState): void {
  const root = state.tenancy.id;
  const security = addCompartment(state, 'security', root, 1);
  const apps = addCompartment(state, 'apps', root, 2);
  const appsProd = addCompartment(state, 'apps-prod', apps.id, 3);
  const appsDev = addCompartment(state, 'apps-dev', apps.id, 4);
  const network = addCompartment(state, 'network', root, 5);
  const topic = (name: string) => ocid('onstopic', name, 'iad');
  demoTargets(state, {
    infra: appsProd.id,
    security: security.id,
    apps: appsProd.id,
    dev: appsDev.id,
    network: network.id,
  });
  const ons = (name: string, description: string) => ({
    actionType: 'ONS' as const,
    isEnabled: true,
    description,
    topicId: topic(name),
  });
  let index = 0;
  const add = (
    compartmentId: string,
    displayName: string,
    condition: unknown,
    actions: Omit<RuleAction, 'id' | 'lifecycleState' | 'lifecycleMessage'>[],
    isEnabled = true,
  ) => addRule(state, compartmentId, displayName, condition, actions, index++, isEnabled);
  // The rules Create Rule… offers as templates, with this tenancy's targets.
  const fromTemplate = (
    id: string,
    compartmentId: string,
    target: Omit<RuleAction, 'id' | 'lifecycleState' | 'lifecycleMessage' | 'actionType' | 'isEnabled' | 'description'>,
    options: { isEnabled?: boolean; extra?: Omit<RuleAction, 'id' | 'lifecycleState' | 'lifecycleMessage'>[] } = {},
  ) => {
    const t = ruleTemplate(id);
    const action = { actionType: t.actionType!, isEnabled: true, description: t.actionDescription, ...target };
    add(compartmentId, t.displayName, t.condition, [action, ...(options.extra ?? [])], options.isEnabled);
  };
  fromTemplate('instance-lifecycle', appsProd.id, { topicId: topic('infra-alerts') });
  fromTemplate('bucket-objects', appsProd.id, { functionId: ocid('fnfunc', 'bucket-processor', 'iad') });
  add(
    appsProd.id,
    'rman-vault-backups',
    {
      eventType: ['com.oraclecloud.objectstorage.createobject', 'com.oraclecloud.objectstorage.updateobject'],
      data: {
        resourceName: ['file_chunk/*VAULT*', 'sbt_catalog/*VAULT*'],
        additionalDetails: { bucketName: ['RMAN_BCS'] },
      },
    },
    [ons('backup-events', 'Backup objects')],
  );
  fromTemplate('all-audit', security.id, { topicId: topic('security-alerts') }, { isEnabled: false });
  fromTemplate('iam-changes', security.id, { topicId: topic('security-alerts') });
  fromTemplate(
    'network-changes',
    network.id,
    { topicId: topic('infra-alerts') },
    {
      extra: [
        { actionType: 'OSS', isEnabled: true, description: 'Stream to SIEM', streamId: ocid('stream', 'siem', 'iad') },
      ],
    },
  );
  add(
    appsDev.id,
    'dev-bucket-uploads',
    {
      eventType: 'com.oraclecloud.objectstorage.createobject',
      data: { compartmentName: 'apps-dev', freeformTags: { Department: 'Finance' } },
    },
    [ons('dev-notifications', 'Dev uploads')],
  );
  add(
    root,
    'budget-alerts',
    {
      eventType: ['com.oraclecloud.budgets.createtriggeredalert', 'com.oraclecloud.budgets.updatebudget'],
    },
    [ons('security-alerts', 'Budget alerts')],
  );
}

/** The demo's topics with subscriptions of several protocols and states, and the FAAS and OSS targets. */
function demoTargets(
  state: EmulatorState,
  where: { infra: string; security: string; apps: string; dev: string; network: string },
): void {
  const created = new Date(EPOCH).toISOString();
  const topics: [string, string, [Protocol, string, 'ACTIVE' | 'PENDING'][]][] = [
    [
      'infra-alerts',
      where.infra,
      [
        ['EMAIL', 'ops@example.com', 'ACTIVE'],
        ['CUSTOM_HTTPS', 'https://hooks.example.com/oci/infra', 'PENDING'],
      ],
    ],
    [
      'security-alerts',
      where.security,
      [
        ['PAGERDUTY', 'https://events.pagerduty.com/integration/0000/enqueue', 'ACTIVE'],
        ['SLACK', 'https://hooks.slack.invalid/services/demo', 'ACTIVE'],
      ],
    ],
    ['backup-events', where.apps, [['ORACLE_FUNCTIONS', ocid('fnfunc', 'backup-indexer', 'iad'), 'ACTIVE']]],
    ['dev-notifications', where.dev, [['CUSTOM_HTTPS', 'https://builder:s3cret@dev.example.com/hooks/oci', 'PENDING']]],
  ];
  for (const [name, compartmentId, subscriptions] of topics) {
    const topicId = ocid('onstopic', name, 'iad');
    const value = {
      topicId,
      name,
      compartmentId,
      lifecycleState: 'ACTIVE' as const,
      description: `${name} (emulated)`,
      timeCreated: created,
      apiEndpoint: '',
      freeformTags: {},
      definedTags: {},
    };
    state.topics.set(topicId, { value, etag: etagOf(value) });
    subscriptions.forEach(([protocol, endpoint, lifecycleState], i) => {
      const subscription = {
        id: ocid('onssubscription', `${name}/${i}`, 'iad'),
        topicId,
        protocol,
        endpoint,
        lifecycleState,
        compartmentId,
        createdTime: EPOCH,
        deliverPolicy: JSON.stringify({
          backoffRetryPolicy: { maxRetryDuration: 7_200_000, policyType: 'EXPONENTIAL' },
        }),
        freeformTags: {},
        definedTags: {},
      };
      state.subscriptions.set(subscription.id, {
        value: subscription,
        etag: etagOf(subscription),
        confirmationToken: `demo-${name}-${i}`,
      });
    });
  }
  const applicationId = ocid('fnapp', 'event-handlers', 'iad');
  state.applications.set(applicationId, {
    id: applicationId,
    displayName: 'event-handlers',
    compartmentId: where.apps,
    lifecycleState: 'ACTIVE',
    subnetIds: [ocid('subnet', 'functions', 'iad')],
    timeCreated: created,
    freeformTags: {},
  });
  for (const fn of ['bucket-processor', 'backup-indexer']) {
    const id = ocid('fnfunc', fn, 'iad');
    state.functions.set(id, {
      id,
      displayName: fn,
      applicationId,
      compartmentId: where.apps,
      lifecycleState: 'ACTIVE',
      image: `iad.ocir.io/acme/${fn}:0.0.1`,
      memoryInMBs: 256,
      invokeEndpoint: 'https://functions.us-ashburn-1.oci.oraclecloud.com',
      timeCreated: created,
    });
  }
  const streamId = ocid('stream', 'siem', 'iad');
  state.streams.set(streamId, {
    id: streamId,
    name: 'siem',
    partitions: 1,
    retentionInHours: 24,
    compartmentId: where.network,
    streamPoolId: ocid('streampool', 'default', 'iad'),
    lifecycleState: 'ACTIVE',
    timeCreated: created,
    messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com',
  });
}

/** Generated: `compartments` flat under the tenancy, each with `rulesPerCompartment` rules. */
function large(state: EmulatorState, compartments: number, rulesPerCompartment: number): void {
  const types = [
    'com.oraclecloud.objectstorage.createobject',
    'com.oraclecloud.computeapi.launchinstance.end',
    'com.oraclecloud.virtualnetwork.createvcn',
  ];
  let index = 0;
  for (let c = 0; c < compartments; c++) {
    const compartment = addCompartment(state, `compartment-${String(c).padStart(4, '0')}`, state.tenancy.id, c);
    for (let r = 0; r < rulesPerCompartment; r++) {
      addRule(
        state,
        compartment.id,
        `rule-${String(r).padStart(3, '0')}`,
        { eventType: types[(c + r) % types.length] },
        [{ actionType: 'ONS', isEnabled: true, topicId: ocid('onstopic', `topic-${c}`, 'iad') }],
        index++,
      );
    }
  }
}
