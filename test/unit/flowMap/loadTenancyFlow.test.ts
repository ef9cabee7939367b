import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { flowFindings } from '../../../src/core/flowMap/flowFindings';
import { buildFlowGraph } from '../../../src/core/flowMap/flowGraph';
import { loadTenancyFlow } from '../../../src/core/flowMap/loadTenancyFlow';
import type { OciClients } from '../../../src/core/oci/ociClients';
import { emulatorClients, useEmulator } from '../emulator/sdkHelpers';

describe('loading the flow map of the demo tenancy from the emulator', () => {
  const ctx = useEmulator({ dataset: 'demo' });
  let clients: OciClients;
  beforeEach(async () => {
    clients = await emulatorClients(ctx.emulator);
  });
  afterEach(() => clients.close());

  it('reads every rule with its actions, the topics and their subscriptions, over signed requests', async () => {
    const steps: string[] = [];
    const input = await loadTenancyFlow(
      clients,
      { compartmentId: ctx.emulator.state.tenancy.id },
      { concurrency: 4 },
      (s) => steps.push(s),
    );
    const graph = buildFlowGraph(input);
    const labels = (kind: string) =>
      graph.nodes
        .filter((n) => n.kind === kind)
        .map((n) => n.label)
        .sort();
    assert.deepStrictEqual(steps, [
      'Listing compartments…',
      'Listing the rules and topics of 6 compartments…',
      'Reading 8 rules…',
      'Reading the targets in other compartments…',
    ]);
    assert.deepStrictEqual(labels('rule'), [
      'audit-all',
      'bucket-change-processor',
      'budget-alerts',
      'dev-bucket-uploads',
      'iam-changes',
      'instance-state-changes',
      'network-changes',
      'rman-vault-backups',
    ]);
    assert.deepStrictEqual(labels('topic'), ['backup-events', 'dev-notifications', 'infra-alerts', 'security-alerts']);
    // A function's and a stream's names, read from their services.
    assert.deepStrictEqual([labels('function'), labels('stream')], [['bucket-processor'], ['siem']]);
    const subscriptions = graph.nodes.filter((n) => n.kind === 'subscription');
    assert.strictEqual(subscriptions.length, 6);
    assert.strictEqual(subscriptions.filter((n) => n.flags.includes('pending')).length, 2);
    assert.ok(
      subscriptions.every((n) => !/builder:[^<]/.test(n.detail ?? '')),
      'no password in an endpoint',
    );
    assert.deepStrictEqual(
      flowFindings(input, EventTypeCatalogue.builtin()).map((f) => f.message),
      [
        'dev-bucket-uploads sends its events to dev-notifications, which has no ACTIVE subscription: they reach no one.',
        'A CUSTOM_HTTPS subscription of dev-notifications is PENDING: ONS delivers nothing to it until its endpoint confirms.',
        'A CUSTOM_HTTPS subscription of infra-alerts is PENDING: ONS delivers nothing to it until its endpoint confirms.',
      ],
    );
  });

  it('reads a topic of another compartment that a rule sends to, with its subscriptions, drawn as elsewhere', async () => {
    const network = [...ctx.emulator.state.compartments.values()].find((c) => c.name === 'network')!;
    const input = await loadTenancyFlow(clients, { compartmentId: network.id }, { concurrency: 4 });
    const graph = buildFlowGraph(input);
    const alerts = graph.nodes.find((n) => n.label === 'infra-alerts')!;
    assert.deepStrictEqual(alerts.flags, ['otherCompartment']);
    const reached = graph.edges.filter((e) => e.from === alerts.id).map((e) => graph.nodes.find((n) => n.id === e.to)!);
    assert.deepStrictEqual(reached.map((n) => n.label).sort(), ['CUSTOM_HTTPS', 'EMAIL']);
    // A topic elsewhere is not the map's to call unused.
    assert.ok(!flowFindings(input, EventTypeCatalogue.builtin()).some((f) => f.code === 'topic-unused'));
  });

  it('reads a compartment’s own rules only, when asked, and none of those below it', async () => {
    const appsProd = [...ctx.emulator.state.compartments.values()].find((c) => c.name === 'apps-prod')!;
    const apps = [...ctx.emulator.state.compartments.values()].find((c) => c.name === 'apps')!;
    const own = await loadTenancyFlow(clients, { compartmentId: apps.id, ownOnly: true }, { concurrency: 4 });
    assert.deepStrictEqual(own.rules, [], 'apps holds no rule of its own: they are in apps-prod and apps-dev');
    assert.deepStrictEqual([...own.compartments], [apps.id]);
    const prod = await loadTenancyFlow(clients, { compartmentId: appsProd.id, ownOnly: true }, { concurrency: 4 });
    assert.strictEqual(prod.rules.length, 3);
  });
});
