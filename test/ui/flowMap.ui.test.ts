import * as assert from 'assert';
import { addEmulatorProfiles, writeDemoHome } from '../../scripts/demoHome';
import { Emulator, startEmulator } from '../../src/emulator/emulator';
import { ocid } from '../../src/emulator/store/ocids';
import { etagOf } from '../../src/emulator/store/state';
import { startReceiver } from '../unit/emulator/receiver';
import { Workbench } from './workbench';

describe('The event flow map in a real workbench', function () {
  this.timeout(180_000);
  let emulator: Emulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let wb: Workbench;
  const consoleErrors: string[] = [];

  before(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    receiver = await startReceiver();
    // A service of the user's behind infra-alerts, so that a sent event has a delivery to show.
    const topicId = ocid('onstopic', 'infra-alerts', 'iad');
    const topic = emulator.state.topics.get(topicId)!.value;
    const subscription = {
      id: ocid('onssubscription', 'infra-alerts/receiver', 'iad'),
      topicId,
      protocol: 'CUSTOM_HTTPS',
      endpoint: receiver.url,
      lifecycleState: 'ACTIVE',
      compartmentId: topic.compartmentId,
      createdTime: Date.now(),
      deliverPolicy: '{}',
      freeformTags: {},
      definedTags: {},
    };
    emulator.state.subscriptions.set(subscription.id, {
      value: subscription as never,
      etag: etagOf(subscription),
      confirmationToken: 'ui',
    });
    wb = await Workbench.start((home, _workspace, userDataDir) => {
      writeDemoHome(home);
      addEmulatorProfiles(home, userDataDir, emulator);
    });
    wb.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) {
        consoleErrors.push(message.text());
      }
    });
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'flow-map-');
  });

  after(async () => {
    await wb?.stop();
    await receiver?.close();
    await emulator?.close();
  });

  const map = () => wb.webview();
  const node = (label: string) => map().locator('g.node', { hasText: label }).first();

  it('1. draws the map of the emulator’s tenancy from its row, with the legend and the findings beside it', async () => {
    await wb.openContainer('OCI Events');
    // Both emulator profiles load their tenancy; the tree redraws until both are in.
    await wb.treeRowAt('Tenancy', emulator.state.tenancy.name, 2).nth(1).waitFor({ timeout: 60_000 });
    const tenancy = wb.treeRowAt('Tenancy', emulator.state.tenancy.name, 2).first();
    await wb.contextMenu(tenancy, 'Show Event Flow');

    await node('network-changes').waitFor({ timeout: 60_000 });
    for (const label of ['instance-state-changes', 'infra-alerts', 'dev-notifications', 'siem']) {
      await node(label).waitFor();
    }
    assert.match((await node('audit-all').getAttribute('class')) ?? '', /\bdisabled\b/);
    assert.match((await node('dev.example.com').getAttribute('class')) ?? '', /\bpending\b/);
    assert.ok(!(await map().locator('.canvas svg').innerHTML()).includes('s3cret'), 'endpoints are masked');
    const findings = map().locator('section.findings');
    await findings.getByText('Events go nowhere').first().waitFor();
    assert.match(
      await findings.innerText(),
      /dev-bucket-uploads sends its events to dev-notifications, which has no ACTIVE subscription/,
    );
    await map().locator('.legend').getByText('PENDING: the subscription is not confirmed yet').waitFor();
    assert.deepStrictEqual(consoleErrors, [], 'the page’s policy refused nothing');
  });

  it('2. selects a node from a finding, and moves between nodes with the arrow keys', async () => {
    await map().locator('section.findings a.node-link', { hasText: 'dev-bucket-uploads' }).first().click();
    const details = map().locator('section.details');
    await details.getByText('Rule: dev-bucket-uploads').waitFor();
    assert.match((await node('dev-bucket-uploads').getAttribute('class')) ?? '', /\bselected\b/);
    await map().locator('.canvas').press('ArrowRight');
    await details.getByText('Topic: dev-notifications').waitFor();
  });

  it('3. traces a generated event: the path it takes, the rules that turn it away and why', async () => {
    await map().locator('vscode-button', { hasText: 'Trace Event…' }).click();
    await wb.quickInput().locator('input').fill('An event instance-state-changes matches');
    await wb.page.keyboard.press('Enter');
    const trace = map().locator('section.trace');
    await trace.getByText(/rules? of the map match/).waitFor({ timeout: 30_000 });
    assert.match((await node('infra-alerts').getAttribute('class')) ?? '', /\btraced\b/);
    assert.match((await node('dev-bucket-uploads').getAttribute('class')) ?? '', /\bdim\b/);
    assert.match(await trace.innerText(), /✗ dev-bucket-uploads/);
  });

  it('4. sends it through the emulator and shows each delivery’s status', async () => {
    await map().locator('vscode-button', { hasText: 'Send Through Emulator' }).click();
    const sent = map().locator('section.trace .sent');
    await sent.getByText(/delivered: HTTP 200/).waitFor({ timeout: 30_000 });
    assert.ok(receiver.received.length >= 1, 'the receiver got the notification');
    assert.match((await node('127.0.0.1').getAttribute('class')) ?? '', /\bdelivered\b/);
    await wb.screenshotForDocs('event-flow-map');
  });

  it('5. copies the map as a Mermaid flowchart', async () => {
    await map().locator('vscode-button', { hasText: 'Copy as Mermaid' }).click();
    await map().getByText('Copied as a Mermaid flowchart').waitFor();
  });
});
