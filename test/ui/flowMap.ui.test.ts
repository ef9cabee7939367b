import * as assert from 'assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
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
  let settingsFile = '';
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
    wb = await Workbench.start((home, workspace, userDataDir) => {
      settingsFile = path.join(workspace, '.vscode', 'settings.json');
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
    // One node at a time is in the Tab order: the selected one.
    assert.strictEqual(await map().locator('.canvas g.node[tabindex="0"]').count(), 1);
    assert.strictEqual(await node('dev-notifications').getAttribute('tabindex'), '0');
  });

  it('3. traces a generated event: the path it takes, the rules that turn it away and why', async () => {
    await map().locator('vscode-button', { hasText: 'Trace Event…' }).click();
    await wb.quickInput().locator('input').fill('An event instance-state-changes matches');
    await wb.page.keyboard.press('Enter');
    const trace = map().locator('section.trace');
    await trace.getByText(/rules? of the map match/).waitFor({ timeout: 30_000 });
    assert.match((await node('infra-alerts').getAttribute('class')) ?? '', /\btraced\b/);
    assert.match((await node('dev-bucket-uploads').getAttribute('class')) ?? '', /\bdim\b/);
    await trace.getByText(/Turned away by \d+ rules/).click();
    assert.match(await trace.innerText(), /✗ dev-bucket-uploads\s+no match eventType/);
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

  const background = () =>
    map()
      .locator('.canvas')
      .evaluate((e) => getComputedStyle(e).backgroundColor);

  /** The theme as the workspace's settings name it; the workbench follows the file. */
  const setTheme = (theme: string | undefined) => {
    const settings = existsSync(settingsFile)
      ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)
      : {};
    mkdirSync(path.dirname(settingsFile), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'workbench.colorTheme': theme }, null, 2));
  };

  it('6. follows the theme: dark, then high contrast', async () => {
    const light = await background();
    for (const [theme, shot] of [
      ['Default Dark Modern', 'flow-map-06-dark'],
      ['Default High Contrast', 'flow-map-07-high-contrast'],
    ]) {
      const before = await background();
      setTheme(theme);
      for (let waited = 0; (await background()) === before; waited += 100) {
        assert.ok(waited < 10_000, `the map's background changed with ${theme}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await wb.screenshot(shot);
    }
    assert.notStrictEqual(await background(), light);
    setTheme(undefined);
  });

  it('7. draws the map again after a window reload, where it was left', async () => {
    await node('network-changes').click();
    await wb.runCommand('Developer: Reload Window');
    await wb.page.locator('.tab', { hasText: 'Event Flow: acme-emulated' }).click({ timeout: 60_000 });
    await node('network-changes').waitFor({ timeout: 60_000 });
    await map().locator('section.details').getByText('Rule: network-changes').waitFor({ timeout: 30_000 });
    await wb.screenshot('flow-map-08-restored-after-reload');
    assert.deepStrictEqual(consoleErrors, []);
  });
});
