import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_OIC_HOST } from '../../src/emulator/store/fusionState';
import type { FlowMapPanel } from '../../src/flowMap/flowMapPanel';
import type { FusionNode } from '../../src/fusion/fusionModel';
import type { ProfileNode } from '../../src/core/tenancy/profileNodes';
import type { ContainerNode } from '../../src/core/tenancy/resourceNodes';
import type { FlowMapHostMessage } from '../../src/protocol/webviewMessages';
import { answer, api, forgetFusionConnections, waitFor, workspaceFile } from './helpers';
import { open, shown, useTenancyEmulator } from './tenancyTree';

type MapMessage = Extract<FlowMapHostMessage, { type: 'map' }>;

/** Runs Show Event Flow on `row` and returns the map its panel drew, and the panel. */
async function showMap(row: unknown): Promise<{ map: MapMessage; panel: FlowMapPanel }> {
  const { flowMap } = await api();
  await vscode.commands.executeCommand('oew.flowMap.show', row);
  const panel = flowMap.panels().at(-1)!;
  const map = await new Promise<MapMessage>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no map was drawn in 30 s')), 30_000);
    const listener = panel.onDidPost((message) => {
      if (message.type === 'map') {
        clearTimeout(timer);
        listener.dispose();
        resolve(message);
      } else if (message.type === 'error') {
        clearTimeout(timer);
        listener.dispose();
        reject(new Error(message.message));
      }
    });
  });
  return { map, panel };
}

const labels = (map: MapMessage, kind: string) =>
  map.graph.nodes
    .filter((n) => n.kind === kind)
    .map((n) => n.label)
    .sort();

describe('Show Event Flow', function () {
  this.timeout(120_000);
  const tenancyEmulator = useTenancyEmulator();

  beforeEach(async () => {
    await tenancyEmulator.start({ dataset: 'demo' });
  });

  afterEach(async () => {
    const { flowMap } = await api();
    for (const panel of flowMap.panels()) {
      panel.dispose();
    }
  });

  it('on a profile and its tenancy: every rule, topic and subscription, with the findings', async () => {
    const { tenancy } = await api();
    const profile = tenancy.model.roots().find((n) => n.kind === 'profile' && n.profile.name === 'EMULATOR')!;
    const { map } = await showMap(profile);
    assert.strictEqual(map.title, 'Event Flow: acme-emulated');
    assert.strictEqual(labels(map, 'rule').length, 8, labels(map, 'rule').join());
    assert.deepStrictEqual(labels(map, 'topic'), [
      'backup-events',
      'dev-notifications',
      'infra-alerts',
      'security-alerts',
    ]);
    assert.deepStrictEqual(labels(map, 'stream'), ['siem']);
    assert.ok(map.canSend, 'the emulator’s profile can send');
    assert.ok(
      map.findings.some((f) => f.code === 'no-active-subscription' && f.message.startsWith('dev-bucket-uploads')),
      map.findings.map((f) => f.message).join('\n'),
    );
    const [tenancyRow] = await shown(profile);
    const again = await showMap(tenancyRow.node);
    assert.strictEqual(again.map.graph.nodes.length, map.graph.nodes.length, 'the same map from the tenancy row');
  });

  it('on a compartment: its rules and those of the compartments below it', async () => {
    const rows = await open();
    const apps = rows.find((r) => r.label === 'apps')!;
    const { map } = await showMap(apps.node);
    assert.strictEqual(map.title, 'Event Flow: apps');
    assert.deepStrictEqual(labels(map, 'rule'), [
      'bucket-change-processor',
      'dev-bucket-uploads',
      'instance-state-changes',
      'rman-vault-backups',
    ]);
    assert.deepStrictEqual(labels(map, 'function'), ['bucket-processor']);
  });

  it('on a rule: only what flows through it; on a topic: every rule that sends to it', async () => {
    const rules = await open('network', 'Rules');
    const { map } = await showMap(rules.find((r) => r.label === 'network-changes')!.node);
    assert.strictEqual(map.title, 'Event Flow: network-changes');
    assert.deepStrictEqual(labels(map, 'rule'), ['network-changes']);
    assert.deepStrictEqual(labels(map, 'topic'), ['infra-alerts']);
    assert.deepStrictEqual(labels(map, 'stream'), ['siem']);
    assert.ok(map.graph.nodes.some((n) => n.kind === 'subscription' && n.detail?.includes('ops@example.com')));

    const topics = await open('apps', 'apps-prod', 'Topics');
    const topic = await showMap(topics.find((r) => r.label === 'infra-alerts')!.node);
    assert.strictEqual(topic.map.title, 'Event Flow: infra-alerts');
    // The map is of the topic's compartment: network-changes, in another, is not read for it.
    assert.deepStrictEqual(labels(topic.map, 'rule'), ['instance-state-changes']);
    assert.ok(
      map.graph.nodes.find((n) => n.label === 'infra-alerts')!.flags.includes('otherCompartment'),
      'on the rule’s map, the topic is drawn as in another compartment',
    );
  });

  it('reveals a node’s row in the Tenancy view, loading the lists on the way down from the map’s row', async () => {
    const { tenancy } = await api();
    const profile = tenancy.model
      .roots()
      .find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === 'EMULATOR')!;
    const [tenancyRow] = await shown(profile);
    const { map, panel } = await showMap(tenancyRow.node);
    const rule = map.graph.nodes.find((n) => n.label === 'dev-bucket-uploads')!;
    assert.strictEqual(tenancy.model.resources.loadedRule(profile, rule.ocid!), undefined, 'not loaded yet');
    const statuses: string[] = [];
    panel.onDidPost((m) => m.type === 'status' && statuses.push(m.text));
    await panel.receive({ type: 'reveal', nodeId: rule.id });
    assert.deepStrictEqual(statuses, []);
    assert.ok(tenancy.model.resources.loadedRule(profile, rule.ocid!), 'apps → apps-dev → Rules was loaded');
    const subscription = map.graph.nodes.find((n) => n.kind === 'subscription' && n.detail?.includes('ops@'))!;
    await panel.receive({ type: 'reveal', nodeId: subscription.id });
    assert.deepStrictEqual(statuses, []);
    await panel.receive({ type: 'reveal', nodeId: map.graph.nodes.find((n) => n.label === 'siem')!.id });
    assert.match(statuses[0], /siem has no row in the Tenancy view/);
  });

  it('traces an event through the map, then sends it through the emulator and reports each delivery', async () => {
    const { tenancy } = await api();
    const profile = tenancy.model.roots().find((n) => n.kind === 'profile' && n.profile.name === 'EMULATOR')!;
    const { map, panel } = await showMap(profile);
    await answer(['Trace an Event', 'An event dev-bucket-uploads matches']);
    const traces: FlowHostTrace[] = [];
    panel.onDidPost((m) => m.type === 'trace' && m.trace && traces.push(m.trace));
    // What the page sends for its buttons; the panel checks each like any input.
    await panel.receive({ type: 'trace' });
    const trace = traces.at(-1)!;
    assert.ok(trace, 'a trace was posted');
    const idOf = (label: string) => map.graph.nodes.find((n) => n.label === label)!.id;
    assert.ok(trace.path.includes(idOf('dev-bucket-uploads')), trace.path.join());
    assert.ok(trace.path.includes(idOf('dev-notifications')), 'it reaches the rule’s topic');
    assert.ok(
      trace.rules.some((r) => !r.matched && r.nodeId === idOf('network-changes') && /eventType/.test(r.deciding ?? '')),
      'a rule that turns it away says which clause',
    );
    await panel.receive({ type: 'send' });
    const sent = traces.at(-1)!.sent!;
    assert.ok(sent, 'the trace says what was sent');
    assert.deepStrictEqual(sent.matched, [idOf('dev-bucket-uploads')], 'the emulator matched the rule the map expects');
    // dev-notifications' only subscription is PENDING: nothing is delivered, and the map says so.
    assert.deepStrictEqual(sent.deliveries, []);
    assert.strictEqual(sent.pending, false);
  });

  it('traces a sample of .oew/samples, links each delivery to the inbox entry it made, and reads again on a refresh', async () => {
    const { tenancy } = await api();
    await vscode.commands.executeCommand('oew.inbox.start');
    const topics = await open('apps', 'apps-prod', 'Topics');
    await vscode.commands.executeCommand(
      'oew.inbox.subscribeToTopic',
      topics.find((r) => r.label === 'infra-alerts')!.node,
    );
    const sample = workspaceFile(
      '.oew/samples/flow-launch.json',
      JSON.stringify({ eventType: 'com.oraclecloud.computeapi.launchinstance.end', data: { resourceName: 'vm-1' } }),
    );
    const profile = tenancy.model
      .roots()
      .find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === 'EMULATOR')!;
    const { map, panel } = await showMap(profile);
    const traces: FlowHostTrace[] = [];
    panel.onDidPost((m) => m.type === 'trace' && m.trace && traces.push(m.trace));
    await answer(['Trace an Event', 'flow-launch.json']);
    await panel.receive({ type: 'trace' });
    assert.strictEqual(traces.at(-1)!.label, '.oew/samples/flow-launch.json');
    await panel.receive({ type: 'send' });
    const sent = traces.at(-1)!.sent!;
    const toInbox = sent.deliveries.find((d) => d.endpoint.includes('/ons/infra-alerts'));
    assert.ok(toInbox, sent.deliveries.map((d) => d.endpoint).join());
    assert.strictEqual(toInbox.state, 'delivered');
    assert.strictEqual(toInbox.attempts[0].status, 200);
    assert.ok(toInbox.inboxEntry, 'the delivery names the inbox entry it made');
    assert.ok(
      map.graph.nodes.some((n) => n.id === toInbox.nodeId),
      'on a subscription of the map',
    );

    // The tree is refreshed (as after a change made there): the map reads again by itself.
    const redrawn = new Promise<MapMessage>((resolve) => panel.onDidPost((m) => m.type === 'map' && resolve(m)));
    const [rulesGroup] = await open();
    tenancy.model.resources.refresh(rulesGroup.node as ContainerNode);
    const again = await redrawn;
    assert.strictEqual(again.graph.nodes.length, map.graph.nodes.length);
    await vscode.commands.executeCommand('oew.inbox.stop');
    await vscode.workspace.fs.delete(sample);
  });
});

type FlowHostTrace = NonNullable<Extract<FlowMapHostMessage, { type: 'trace' }>['trace']>;

describe('Show Event Flow on a Fusion connection', function () {
  this.timeout(120_000);
  const tenancyEmulator = useTenancyEmulator();

  after(() => forgetFusionConnections());

  it('draws events → subscriptions → OIC hosts, with the stale and disabled ones and their findings', async () => {
    const emulator = await tenancyEmulator.start({ dataset: 'demo' });
    const { url, username, password } = emulator.announcement.fusion;
    await vscode.workspace
      .getConfiguration('oew')
      .update(
        'fusion.connections',
        [{ name: 'acme-map', baseUrl: url, username, expectedOicHosts: [DEMO_OIC_HOST] }],
        vscode.ConfigurationTarget.Global,
      );
    const { fusion } = await api();
    const connection = await waitFor(
      async () => (await Promise.resolve(fusion.provider.getChildren())).find((n) => n.kind === 'connection'),
      (n) => n !== undefined,
      'the Fusion connection',
    );
    await answer(['Password of', password]);
    await vscode.commands.executeCommand('oew.fusion.setPassword', connection);
    fusion.model.reload();
    const rows: FusionNode[] = await Promise.resolve(fusion.provider.getChildren());
    const [row] = rows;
    const { map } = await showMap(row);
    assert.strictEqual(map.title, 'Event Flow: acme-map');
    assert.ok(labels(map, 'fusionSubscription').length > 0);
    assert.ok(labels(map, 'oicHost').includes(DEMO_OIC_HOST), labels(map, 'oicHost').join());
    assert.ok(
      map.graph.nodes.some((n) => n.kind === 'fusionSubscription' && n.flags.includes('stale')),
      'the subscription of another environment is flagged',
    );
    assert.ok(
      map.findings.some((f) => f.code === 'fusion-event-disabled'),
      map.findings.map((f) => f.code).join(),
    );
    assert.strictEqual(map.canSend, false);
  });
});
