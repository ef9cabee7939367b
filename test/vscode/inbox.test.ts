import * as assert from 'assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as vscode from 'vscode';
import { startInbox } from '../../src/core/inbox/inboxServer';
import { Inbox } from '../../src/core/inbox/inboxTypes';
import { InboxRecord } from '../../src/core/inbox/inboxRecord';
import { api, messagesShownBy, waitFor, workspaceFile, answerNext, answer } from './helpers';
import { open, shown, useTenancyEmulator } from './tenancyTree';

const LAUNCH = 'com.oraclecloud.computeapi.launchinstance.end';
const EVENT = {
  eventType: LAUNCH,
  cloudEventsVersion: '0.1',
  eventTypeVersion: '2.0',
  source: 'ComputeApi',
  eventTime: '2026-11-28T09:00:00Z',
  contentType: 'application/json',
  eventID: 'inbox-test',
  data: { resourceName: 'inbox-vm', compartmentId: 'ocid1.compartment.oc1..x' },
};

interface Row {
  record: InboxRecord;
  label: string;
  description: string;
  tooltip: string;
  contextValue?: string;
}

/** The Webhook Inbox view's rows as a user sees them, newest first. */
async function rows(): Promise<Row[]> {
  const { provider } = (await api()).webhooks;
  return provider.getChildren().map((record) => {
    const item = provider.getTreeItem(record);
    return {
      record,
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: String(item.description ?? ''),
      tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''),
      contextValue: item.contextValue,
    };
  });
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  await response.arrayBuffer();
  return response.status;
}

async function waitForRows(count: number): Promise<Row[]> {
  return waitFor(rows, (r) => r.length === count, `${count} rows in the Webhook Inbox`);
}

function samplesDir(): string {
  return path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.oew', 'samples');
}

describe('Webhook Inbox view', () => {
  let url: string;
  beforeEach(async () => {
    url = (await vscode.commands.executeCommand<string>('oew.inbox.start'))!;
    (await api()).webhooks.inbox.inbox!.clear();
  });
  afterEach(async () => {
    await (await api()).webhooks.inbox.configure({ response: { status: 200, delayMs: 0, body: '' }, forwardTo: null });
    await vscode.commands.executeCommand('oew.inbox.stop');
    await vscode.workspace.getConfiguration('oew').update('inbox.port', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(samplesDir(), { recursive: true, force: true });
  });

  it('shows each request it receives, newest first, with time, method, path and what it is; Open Entry shows it', async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(await post(`${url}/hooks/oci?x=1`, JSON.stringify(EVENT)), 200);
    await post(`${url}/cloudpods`, '{"action":"update"}', { 'X-Yunion-Event': 'HOST/UPDATE' });
    const [cloudpods, oci] = await waitForRows(2);
    // What it is as the label, short enough for the side bar; its time beside it; the rest on hover.
    assert.strictEqual(oci.label, 'computeapi.launchinstance.end');
    assert.match(oci.description, /^\d\d:\d\d:\d\d$/);
    assert.match(oci.tooltip, new RegExp(`^${LAUNCH}\nPOST /hooks/oci\\?x=1\n`));
    assert.match(oci.tooltip, /Answered 200/);
    assert.strictEqual(cloudpods.label, 'HOST/UPDATE');

    await vscode.commands.executeCommand('oew.inbox.openEntry', oci.record);
    const document = vscode.window.activeTextEditor!.document;
    assert.strictEqual(document.languageId, 'jsonc');
    const text = document.getText();
    assert.ok(text.startsWith('// POST /hooks/oci?x=1\n'), text);
    assert.ok(text.includes('// content-type: application/json'), text);
    assert.deepStrictEqual(JSON.parse(text.slice(text.indexOf('\n\n'))), EVENT);
  });

  it('keeps up with a burst: every request of it becomes a row', async () => {
    await Promise.all(Array.from({ length: 300 }, (_, i) => post(`${url}/burst/${i}`, '{}')));
    const shown = await waitForRows(300);
    assert.match(
      shown[0].label,
      /^POST \/burst\/\d+$/,
      'a request with nothing to summarise is labelled by method and path',
    );
  });

  it('saves a JSON body as a sample without overwriting, which Test against sample events then uses', async () => {
    await post(`${url}/ons/infra-alerts`, JSON.stringify(EVENT), { 'X-OCI-NS-MessageType': 'Notification' });
    const [row] = await waitForRows(1);
    assert.strictEqual(row.label, 'computeapi.launchinstance.end');
    const first = await vscode.commands.executeCommand<vscode.Uri>('oew.inbox.saveSample', row.record);
    const second = await vscode.commands.executeCommand<vscode.Uri>('oew.inbox.saveSample', row.record);
    assert.strictEqual(path.basename(first.fsPath), `${LAUNCH}.json`);
    assert.strictEqual(path.basename(second.fsPath), `${LAUNCH}-2.json`);
    assert.deepStrictEqual(JSON.parse(readFileSync(first.fsPath, 'utf8')), EVENT);

    const condition = workspaceFile(
      'conditions/inbox.condition.json',
      JSON.stringify({ eventType: LAUNCH, data: { resourceName: 'inbox-vm' } }),
    );
    const result = await vscode.commands.executeCommand<{ results: { origin: string; matched: boolean }[] }>(
      'oew.condition.testAgainstSamples',
      condition,
    );
    const fromInbox = result.results.filter((r) => r.origin.endsWith(`samples/${LAUNCH}.json`));
    assert.deepStrictEqual(
      fromInbox.map((r) => r.matched),
      [true],
      JSON.stringify(result),
    );

    await post(`${url}/text`, 'hello', { 'content-type': 'text/plain' });
    const [text] = await waitForRows(2);
    const { errors } = await messagesShownBy(() => vscode.commands.executeCommand('oew.inbox.saveSample', text.record));
    assert.match(errors.join('\n'), /The body of POST \/text is not an OCI event/);

    // Add to Test…: the event was delivered, so it is a "match" case of a test of the condition picked.
    await answer(
      ['The test file to add the case to', '$(new-file) New Test File…'],
      ['The rule or condition the new test file tests', 'conditions/inbox.condition.json'],
      ["The case's name", 'a launch the inbox received'],
    );
    const testFile = await vscode.commands.executeCommand<vscode.Uri>('oew.inbox.addToTest', row.record);
    assert.strictEqual(vscode.workspace.asRelativePath(testFile), '.oew/tests/inbox.eventtest.json');
    assert.deepStrictEqual(JSON.parse(readFileSync(testFile.fsPath, 'utf8')), {
      condition: '../../conditions/inbox.condition.json',
      cases: [{ name: 'a launch the inbox received', event: EVENT, expect: 'match' }],
    });
  });

  it('asks before opening a ConfirmationURL on a host it does not trust, then confirms', async () => {
    const opened: string[] = [];
    // 127.0.0.2 reaches this machine, but is not among the hosts the inbox trusts by itself.
    const confirmer = http.createServer((req, res) => {
      opened.push(req.url ?? '');
      res.end('{}');
    });
    await new Promise<void>((resolve) => confirmer.listen(0, '127.0.0.2', resolve));
    try {
      const confirmationUrl = `http://127.0.0.2:${(confirmer.address() as { port: number }).port}/confirm?token=1`;
      await post(`${url}/ons/topic`, JSON.stringify({ ConfirmationURL: confirmationUrl }), {
        'X-OCI-NS-MessageType': 'SubscriptionConfirmation',
        'X-OCI-NS-ConfirmationURL': confirmationUrl,
      });
      const [row] = await waitForRows(1);
      assert.strictEqual(row.label, 'SubscriptionConfirmation (needs approval)');
      assert.strictEqual(row.contextValue, 'oew.inbox.entry.needsApproval');
      assert.deepStrictEqual(opened, [], 'not opened without the user');
      await answerNext('Confirm the subscription at', 'Confirm Subscription');
      const outcome = await vscode.commands.executeCommand('oew.inbox.confirm', row.record);
      assert.deepStrictEqual(outcome, { url: confirmationUrl, outcome: 'confirmed', status: 200 });
      assert.deepStrictEqual(opened, ['/confirm?token=1']);
      await waitFor(rows, (r) => r[0]?.label === 'SubscriptionConfirmation (confirmed)', 'the row marked confirmed');
    } finally {
      confirmer.close();
    }
  });

  it('replays a request to another server as it came, and says clearly when nothing listens there', async () => {
    const other: Inbox = await startInbox({ send: () => Promise.reject(new Error('unused')) });
    try {
      await post(`${url}/hooks/oci`, JSON.stringify(EVENT), { 'X-Custom': 'kept' });
      const [row] = await waitForRows(1);
      await answer(['Replay POST /hooks/oci to', `${other.url}/replayed`]);
      const status = await vscode.commands.executeCommand('oew.inbox.replay', row.record);
      assert.strictEqual(status, 200);
      const [replayed] = other.records();
      assert.strictEqual(replayed.path, '/replayed');
      assert.strictEqual(replayed.headers['x-custom'], 'kept');
      assert.deepStrictEqual(JSON.parse(replayed.body.toString()), EVENT);
      const closedUrl = other.url;
      await other.close();
      await answer(['Replay POST /hooks/oci to', `${closedUrl}/replayed`]);
      const { errors } = await messagesShownBy(() => vscode.commands.executeCommand('oew.inbox.replay', row.record));
      assert.match(errors.join('\n'), /Not replayed: 127\.0\.0\.1:\d+ refused the connection/);
    } finally {
      await other.close();
    }
  });

  it('answers the next request with the status set in Inbox Settings, keeps it for the next start, and refuses a bad one', async () => {
    // Escape closes the settings list once the status is changed.
    await answer(['Inbox Settings', 'Response status'], ['Response status', '503'], ['Inbox Settings', undefined]);
    await vscode.commands.executeCommand('oew.inbox.configure');
    assert.strictEqual(await post(`${url}/a`, '{}'), 503);
    await answer(['Inbox Settings', 'Response status'], ['Response status', '99']);
    const { errors } = await messagesShownBy(() => vscode.commands.executeCommand('oew.inbox.configure'));
    assert.match(errors.join('\n'), /The inbox's response status 99 is not one it can send\. Use 200 to 599\./);
    await vscode.commands.executeCommand('oew.inbox.stop');
    const restarted = await vscode.commands.executeCommand<string>('oew.inbox.start');
    assert.strictEqual(await post(`${restarted}/b`, '{}'), 503);
    const [row] = await waitFor(rows, (r) => r.some((x) => x.record.path === '/b'), 'the request to /b');
    assert.match(row.tooltip, /Answered 503/);
  });

  it('says when it cannot save what it received, and keeps answering', async () => {
    const dir = (await api()).webhooks.inbox.storageDir!;
    const { errors } = await messagesShownBy(async () => {
      // The folder becomes a file: every write into it fails, as on a disk gone read-only.
      rmSync(dir, { recursive: true, force: true });
      writeFileSync(dir, 'not a folder');
      try {
        assert.strictEqual(await post(`${url}/unsaved-1`, '{}'), 200);
        assert.strictEqual(await post(`${url}/unsaved-2`, '{}'), 200);
        await vscode.commands.executeCommand('oew.inbox.stop');
      } finally {
        rmSync(dir, { force: true });
        mkdirSync(dir);
      }
    });
    assert.strictEqual(errors.length, 1, errors.join('\n'));
    assert.match(
      errors[0],
      /The inbox could not save \d request\(s\) to .*records\.jsonl: .* They stay in the inbox while it runs/,
    );
  });

  it('frees its port when stopped, and listens on the port set in oew.inbox.port', async () => {
    const port = Number(new URL(url).port);
    await vscode.commands.executeCommand('oew.inbox.stop');
    assert.strictEqual((await api()).webhooks.inbox.inbox, undefined);
    assert.deepStrictEqual(await rows(), []);
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
    await vscode.workspace.getConfiguration('oew').update('inbox.port', port, vscode.ConfigurationTarget.Global);
    assert.strictEqual(await vscode.commands.executeCommand('oew.inbox.start'), `http://127.0.0.1:${port}`);
  });
});

describe('Subscribe Inbox to Topic', () => {
  const ctx = useTenancyEmulator();
  afterEach(() => vscode.commands.executeCommand('oew.inbox.stop'));

  it('subscribes the inbox to an emulator topic, which confirms by itself and turns ACTIVE', async () => {
    const emulator = await ctx.start({ dataset: 'demo' });
    const topics = await open('apps', 'apps-prod', 'Topics');
    const topicRow = topics.find((t) => t.label === 'infra-alerts')!;
    const before = (await shown(topicRow.node)).length;

    // As from the topic's context menu in the Tenancy view.
    const result = await vscode.commands.executeCommand<{
      subscriptionId: string;
      endpoint: string;
      confirmation: string;
    }>('oew.inbox.subscribeToTopic', topicRow.node);
    const inbox = (await api()).webhooks.inbox.inbox!;
    assert.strictEqual(result.endpoint, `${inbox.url}/ons/infra-alerts`);
    assert.strictEqual(result.confirmation, 'confirmed');
    assert.strictEqual(emulator.state.subscriptions.get(result.subscriptionId)!.value.lifecycleState, 'ACTIVE');
    const confirmation = (await rows()).find(
      (r) => r.record.headers['x-oci-ns-subscriptionid'] === result.subscriptionId,
    )!;
    assert.strictEqual(confirmation.label, 'SubscriptionConfirmation (confirmed)');
    assert.match(confirmation.tooltip, /Subscription confirmation confirmed \(200\)/);
    // The topic's subscriptions reloaded, with the new one ACTIVE.
    const subscriptions = await waitFor(
      () => shown(topicRow.node),
      (children) => children.length === before + 1,
      'the new subscription under infra-alerts',
    );
    const subscribed = subscriptions.find((r) => r.label === result.endpoint);
    assert.strictEqual(subscribed?.description, 'CUSTOM_HTTPS · ACTIVE', subscriptions.map((r) => r.label).join(', '));
  });

  it('refuses a profile that calls OCI itself, and asks for a topic when given the inbox’s focused row', async () => {
    await ctx.start({ dataset: 'demo' });
    const profile = (await api()).tenancy.model.profileNamed('DEFAULT')!;
    const topic = {
      kind: 'topic',
      profile,
      topic: { topicId: 'ocid1.onstopic.oc1..x', name: 'x', compartmentId: 'ocid1.compartment.oc1..x' },
    };
    const { errors } = await messagesShownBy(() => vscode.commands.executeCommand('oew.inbox.subscribeToTopic', topic));
    assert.match(
      errors.join('\n'),
      /Profile DEFAULT calls OCI itself, whose Notifications service cannot reach the inbox on 127\.0\.0\.1/,
    );
    assert.strictEqual((await api()).webhooks.inbox.inbox, undefined, 'refused before the inbox started');
    // From the inbox's title bar the argument is its focused row, which names no topic: the user picks one.
    await answerNext('Subscribe the Webhook Inbox to a topic of EMULATOR', undefined);
    const focused = { id: 'focused', method: 'POST', path: '/' };
    assert.strictEqual(await vscode.commands.executeCommand('oew.inbox.subscribeToTopic', focused), undefined);
    assert.strictEqual((await api()).prompts.unanswered.length, 0, 'the topic was asked for');
  });
});
