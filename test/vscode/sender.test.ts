import * as assert from 'assert';
import * as vscode from 'vscode';
import { emptySenderRequest, SenderRequest } from '../../src/core/sender/senderTypes';
import type { SenderPanel } from '../../src/sender/senderPanel';
import { testServer } from '../unit/http/testServers';
import { api, waitFor, workspaceFile } from './helpers';
import { next, openPanel } from './senderPanel';

type Server = Awaited<ReturnType<typeof testServer>>;

describe('Webhook Sender panel', function () {
  this.timeout(60_000);
  let server: Server;
  let tlsServer: Server;

  before(async () => {
    server = await testServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ got: req.headers['x-yunion-event'] ?? req.method }));
    });
    tlsServer = await testServer((_req, res) => res.end('ok'), { tls: true });
  });

  after(async () => {
    (await vscode.commands.executeCommand<SenderPanel | undefined>('oew.sender.open'))?.panel.dispose();
    await server.close();
    await tlsServer.close();
  });

  it('opens, gets its context once the webview is ready, and answers a send with the response', async () => {
    const { panel, posted } = await openPanel();
    assert.strictEqual(panel.panel.viewType, 'oew.sender');
    const context = await next(posted, 'context', 0, 30_000).catch(async () => {
      // The webview said ready before the listener was added: ask again, as a reload would.
      await panel.receive({ type: 'ready' });
      return next(posted, 'context', 0);
    });
    assert.ok(context.context.templates.some((t) => t.id === 'cloudpods-validate'));
    assert.ok(context.context.eventTypes.includes('com.oraclecloud.objectstorage.createobject'));
    const from = posted.length;
    await panel.receive({
      type: 'send',
      request: { ...emptySenderRequest(), template: 'cloudpods-validate', url: `${server.url}/robot` },
      secrets: {},
    });
    const response = await next(posted, 'response', from);
    assert.strictEqual(response.response.status, 200);
    assert.strictEqual(response.response.bodyKind, 'json');
    assert.match(response.response.body, /"got": "VALIDATE"/);
    assert.ok(response.response.timings.some((t) => t.phase === 'Total'));
    assert.strictEqual(server.received.at(-1)?.headers['x-yunion-event'], 'VALIDATE');
    const history = await next(posted, 'history', from);
    assert.strictEqual(history.entries[0].sent.url, `${server.url}/robot`);
  });

  it('sends to the Webhook Inbox, which records the request, and offers the inbox’s address while it runs', async () => {
    const { panel, posted } = await openPanel();
    const { webhooks } = await api();
    let from = posted.length;
    const url = await vscode.commands.executeCommand<string>('oew.inbox.start');
    try {
      // Other changes (the Tenancy view loading) post the context too: wait for the one with the inbox.
      await waitFor(
        () => posted.slice(from).some((m) => m.type === 'context' && m.context.inboxUrl === url),
        (found) => found,
        'the context with the inbox address',
      );
      from = posted.length;
      await panel.receive({
        type: 'send',
        request: { ...emptySenderRequest(), template: 'cloudpods-event', url: `${url}/cloudpods` },
        secrets: {},
      });
      assert.strictEqual((await next(posted, 'response', from)).response.status, 200);
      const record = webhooks.inbox.inbox!.records().at(-1)!;
      assert.strictEqual(record.path, '/cloudpods');
      assert.strictEqual(record.headers['x-yunion-event'], 'HOST/UPDATE');
    } finally {
      await vscode.commands.executeCommand('oew.inbox.stop');
    }
  });

  it('holds a response that arrives while the panel is hidden, and delivers it when the panel is back', async () => {
    const { panel, posted } = await openPanel();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'elsewhere' }), {
      viewColumn: panel.panel.viewColumn,
    });
    await waitFor(
      () => panel.panel.visible,
      (visible) => !visible,
      'the panel hidden',
    );
    const before = server.received.length;
    const from = posted.length;
    await panel.receive({
      type: 'send',
      request: { ...emptySenderRequest(), template: 'cloudpods-verify', url: `${server.url}/hidden` },
      secrets: {},
    });
    await waitFor(
      () => server.received.length,
      (n) => n > before,
      'the request sent',
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!posted.slice(from).some((m) => m.type === 'response'), 'not posted to a hidden webview');
    panel.panel.reveal();
    const response = await next(posted, 'response', from, 30_000);
    assert.strictEqual(response.response.status, 200);
  });

  it('cancels a request still waiting for its response', async () => {
    const slow = await testServer(() => undefined);
    try {
      const { panel, posted } = await openPanel();
      const from = posted.length;
      const sending = panel.receive({
        type: 'send',
        request: { ...emptySenderRequest(), template: 'cloudpods-verify', url: `${slow.url}/slow` },
        secrets: {},
      });
      await waitFor(
        () => slow.received.length,
        (n) => n > 0,
        'the request at the slow server',
      );
      await panel.receive({ type: 'cancel' });
      await sending;
      assert.deepStrictEqual(
        posted
          .slice(from)
          .map((m) => m.type)
          .filter((t) => t !== 'context' && t !== 'history'),
        ['sending', 'cancelled'],
      );
    } finally {
      await slow.close();
    }
  });

  it('rejects and logs malformed messages, sending nothing', async () => {
    const { panel, posted } = await openPanel();
    const before = server.received.length;
    const from = posted.length;
    const reasons = await Promise.all([
      panel.receive({
        type: 'send',
        request: { ...emptySenderRequest(), url: server.url, method: 'TRACE' },
        secrets: {},
      }),
      panel.receive({ type: 'fetch', url: server.url }),
      panel.receive('send'),
      panel.receive({ type: 'burst', request: emptySenderRequest(), secrets: {}, count: -1, concurrency: 1 }),
    ]);
    assert.match(reasons[0] ?? '', /request\.method must be one of/);
    assert.match(reasons[1] ?? '', /message\.type must be one of/);
    assert.match(reasons[2] ?? '', /message must be an object/);
    assert.match(reasons[3] ?? '', /count must be a whole number/);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(server.received.length, before, 'no request went out');
    // A refusal is shown in the panel (held while it is hidden); nothing else is posted: no response, no history.
    const shown = posted.slice(from).filter((m) => m.type !== 'context');
    assert.ok(
      shown.every((m) => m.type === 'error' && m.message.startsWith('The request was not sent: ')),
      `nothing was acted on: ${JSON.stringify(shown)}`,
    );
  });

  it('keeps secrets in SecretStorage only: history has none, and a second send reuses the kept password', async () => {
    const { panel, posted } = await openPanel();
    const { sender } = await api();
    const request: SenderRequest = {
      ...emptySenderRequest(),
      template: 'custom',
      method: 'POST',
      url: `${server.url}/secure?api_key=qk-77777`,
      headers: [{ name: 'X-Api-Key', value: 'hk-88888', enabled: true }],
      body: '{"password":"bp-99999"}',
      auth: { kind: 'basic', username: 'ann' },
    };
    let from = posted.length;
    await panel.receive({ type: 'send', request, secrets: { auth: 'pw-s3cret-1' } });
    await next(posted, 'response', from);
    const expected = `Basic ${Buffer.from('ann:pw-s3cret-1').toString('base64')}`;
    assert.strictEqual(server.received.at(-1)?.headers.authorization, expected);
    from = posted.length;
    await panel.receive({ type: 'send', request, secrets: {} });
    const second = await next(posted, 'response', from);
    assert.strictEqual(server.received.at(-1)?.headers.authorization, expected, 'the kept password was used');
    from = posted.length;
    await panel.receive({ type: 'replay', id: sender.history.entries()[0].id, send: true });
    const refused = await waitFor(
      () => posted.slice(from).find((m) => m.type === 'failed'),
      (m) => m !== undefined,
      'the replay refused',
    );
    assert.match(JSON.stringify(refused), /holds <redacted> where history or a saved request hid a secret/);
    const plain: SenderRequest = { ...request, url: `${server.url}/plain`, headers: [], body: '{}' };
    from = posted.length;
    await panel.receive({ type: 'send', request: plain, secrets: {} });
    await next(posted, 'response', from);
    from = posted.length;
    await panel.receive({ type: 'replay', id: sender.history.entries()[0].id, send: true });
    await next(posted, 'response', from);
    assert.strictEqual(server.received.at(-1)?.url, '/plain');
    assert.strictEqual(
      server.received.at(-1)?.headers.authorization,
      expected,
      'a replay signs in with the kept password',
    );
    const history = JSON.stringify(sender.history.entries());
    for (const secret of ['pw-s3cret-1', expected.slice(6), 'qk-77777', 'hk-88888', 'bp-99999']) {
      assert.ok(!history.includes(secret), `history holds ${secret}`);
      assert.ok(!JSON.stringify(second.sent).includes(secret), `the shown request holds ${secret}`);
    }
  });

  it('fails on an untrusted certificate, and sends once self-signed certificates are allowed', async () => {
    const { panel, posted } = await openPanel();
    const request: SenderRequest = { ...emptySenderRequest(), template: 'cloudpods-verify', url: tlsServer.url };
    let from = posted.length;
    await panel.receive({ type: 'send', request, secrets: {} });
    const failed = await waitFor(
      () => posted.slice(from).find((m) => m.type === 'failed'),
      (m) => m !== undefined,
      'the TLS failure',
    );
    assert.match(failed!.type === 'failed' ? failed!.message : '', /TLS failed .* self-signed certificates/);
    from = posted.length;
    await panel.receive({ type: 'send', request: { ...request, allowSelfSigned: true }, secrets: {} });
    assert.strictEqual((await next(posted, 'response', from)).response.status, 200);
  });

  it('runs a burst and summarises statuses and percentiles', async () => {
    const { panel, posted } = await openPanel();
    const before = server.received.length;
    const from = posted.length;
    await panel.receive({
      type: 'burst',
      request: { ...emptySenderRequest(), template: 'oci-event', url: `${server.url}/burst` },
      secrets: {},
      count: 40,
      concurrency: 8,
    });
    const { summary } = await next(posted, 'burstResult', from);
    assert.deepStrictEqual(summary.statuses, { '200': 40 });
    assert.ok(summary.latency.p99 >= summary.latency.p50);
    const ids = new Set(
      server.received.slice(before).map((r) => (JSON.parse(r.body.toString()) as { eventID: string }).eventID),
    );
    assert.strictEqual(ids.size, 40, 'each copy is a new event');
  });

  it('saves a request without secrets to .oew/requests and opens it again in the sender', async () => {
    const { panel, posted } = await openPanel();
    const window = vscode.window as { showInputBox: unknown };
    const original = window.showInputBox;
    window.showInputBox = () => Promise.resolve('robot-check');
    try {
      await panel.receive({
        type: 'saveRequest',
        request: {
          ...emptySenderRequest(),
          template: 'cloudpods-validate',
          url: 'https://bob:pw-in-url-1@hooks.example/x',
        },
      });
    } finally {
      window.showInputBox = original;
    }
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.oew', 'requests', 'robot-check.json');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    assert.ok(!text.includes('pw-in-url-1'), text);
    const from = posted.length;
    await vscode.commands.executeCommand('oew.sender.openRequestFile', file);
    const loaded = await next(posted, 'load', from);
    assert.strictEqual(loaded.request.template, 'cloudpods-validate');
    const document = await vscode.workspace.openTextDocument(file);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    assert.ok(lenses.some((l) => l.command?.title === 'Open in Sender'));
  });

  it('opens a captured request with its credentials moved to SecretStorage and its other secret headers left out', async () => {
    const { posted } = await openPanel();
    const from = posted.length;
    await vscode.commands.executeCommand('oew.sender.open', {
      method: 'put',
      url: `${server.url}/captured`,
      headers: {
        authorization: `Basic ${Buffer.from('carl:cap-pw-31337').toString('base64')}`,
        cookie: 'session=cap-cookie-1',
        'content-type': 'application/json',
        'x-trace': 't-1',
      },
      body: '{"a":1}',
    });
    const loaded = await next(posted, 'load', from);
    assert.ok(!JSON.stringify(loaded.request).includes('cap-pw-31337'));
    assert.ok(!JSON.stringify(loaded.request).includes('cap-cookie-1'));
    assert.deepStrictEqual(loaded.request.auth, { kind: 'basic', username: 'carl' });
    assert.deepStrictEqual(loaded.request.headers, [{ name: 'x-trace', value: 't-1', enabled: true }]);
    assert.strictEqual(loaded.request.method, 'PUT');
    assert.match(loaded.notice ?? '', /Left out cookie/);
    const refused = await vscode.commands.executeCommand('oew.sender.open', { url: 42 });
    assert.strictEqual(refused, undefined, 'a seed of another shape is refused');
  });

  it('prefills a sample event of the type under the cursor of a condition document', async () => {
    const file = workspaceFile(
      'sender/launch.condition.json',
      '{"eventType": "com.oraclecloud.computeapi.launchinstance.end"}\n',
    );
    const { posted } = await openPanel();
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(0, 20, 0, 20);
    const from = posted.length;
    await vscode.commands.executeCommand('oew.sender.sendSampleEvent');
    const loaded = await next(posted, 'load', from);
    assert.strictEqual(loaded.request.template, 'oci-event');
    assert.strictEqual(loaded.request.fields.eventType, 'com.oraclecloud.computeapi.launchinstance.end');
  });
});
