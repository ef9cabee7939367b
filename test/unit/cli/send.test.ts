import * as assert from 'assert';
import { createHmac } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as net from 'net';
import { AddressInfo } from 'net';
import * as path from 'path';
import { testServer } from '../http/testServers';
import { useTempDir } from '../tempDir';
import { runCli } from './runCli';

describe('oew send (dist/cli.js)', () => {
  const dir = useTempDir();
  let server: Awaited<ReturnType<typeof testServer>>;
  let status = 200;
  beforeEach(async () => {
    status = 200;
    server = await testServer((req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Seen': req.headers['x-yunion-event'] ?? '-' });
      res.end(status === 500 ? '{"error":"boom"}' : '{"ok":true}');
    });
  });
  afterEach(() => server.close());
  const env = () => ({ XDG_CONFIG_HOME: path.join(dir(), 'config') });

  it('sends Cloudpods VALIDATE and prints the status line, the headers and the body, exit 0', async () => {
    const result = await runCli(['send', '--template', 'cloudpods-validate', `${server.url}/hook`], env());
    assert.strictEqual(result.status, 0, result.stderr);
    const [head, body] = result.stdout.split('\n\n');
    assert.match(head, /^HTTP\/1\.1 200 OK\n/);
    assert.match(head, /^x-seen: VALIDATE$/m);
    assert.strictEqual(body, '{"ok":true}\n');
    assert.match(result.stderr, /connect \d+\.\d ms · first byte \d+\.\d ms · total \d+\.\d ms · 11 bytes/);
    const received = server.received[0];
    assert.strictEqual(received.body.toString(), '{"Msg":"This is a validate message."}');
    assert.strictEqual(received.headers['content-length'], '37');
  });

  it('exits 1 on a 500 reply, still printing it', async () => {
    status = 500;
    const result = await runCli(['send', '--template', 'oci-event', server.url], env());
    assert.strictEqual(result.status, 1);
    assert.match(result.stdout, /^HTTP\/1\.1 500 Internal Server Error\n/);
    assert.match(result.stdout, /\{"error":"boom"\}\n$/);
  });

  it('exits 2 with one line and no stack trace for an unreachable URL and for a usage mistake', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const unreachable = await runCli(['send', '--template', 'cloudpods-verify', `http://127.0.0.1:${port}/`], env());
    assert.strictEqual(unreachable.status, 2);
    assert.strictEqual(unreachable.stdout, '');
    assert.strictEqual(
      unreachable.stderr,
      `oew send: 127.0.0.1:${port} refused the connection: is the server running on that port? Start the server, or check the port and the endpoint setting.\n`,
    );
    const usage = await runCli(['send', '--template', 'oci-event', '--set', 'evenType=x', server.url], env());
    assert.strictEqual(usage.status, 2);
    assert.match(usage.stderr, /^oew send: The oci-event template has no field evenType; its fields are eventType/);
    assert.doesNotMatch(usage.stderr, /\n\s+at /);
    const missing = await runCli(['send', '--template', 'oci-event'], env());
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /the URL to send to is missing\nusage: oew send/);
  });

  it('prints the exact request on --dry-run and sends nothing; credentials are shown redacted', async () => {
    const result = await runCli(
      [
        'send',
        '--template',
        'cloudpods-event',
        '--set',
        'resource_type=server',
        '--set',
        'action=create',
        '--secret',
        'k3y',
        '--header',
        'Test: test',
        '--dry-run',
        `${server.url}/hook`,
      ],
      env(),
    );
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(server.received.length, 0);
    const [head, body] = result.stdout.split('\n\n');
    const lines = head.split('\n');
    assert.strictEqual(lines[0], 'POST /hook HTTP/1.1');
    assert.strictEqual(lines[1], `Host: 127.0.0.1:${server.port}`);
    assert.ok(lines.includes('X-Yunion-Event: SERVER/CREATE'));
    assert.ok(lines.includes('Test: test'));
    assert.ok(
      lines.includes(`X-Auth-Token: ${createHmac('sha256', 'k3y').update(body).digest('hex')}`),
      'the HMAC is shown, so that it can be compared with the receiver’s',
    );
    assert.ok(lines.includes(`Content-Length: ${Buffer.byteLength(body)}`));
    const basic = await runCli(
      [
        'send',
        '--template',
        'oic-rest',
        '--set',
        'auth=basic',
        '--set',
        'username=int',
        '--secret',
        'pa55word',
        '--dry-run',
        server.url,
      ],
      env(),
    );
    assert.match(basic.stdout, /^Authorization: Basic <redacted>$/m);
    assert.doesNotMatch(basic.stdout, /pa55word|cGE1NXdvcmQ/);
  });

  it('signs with --secret the bytes it sends, and fills {{uuid}}, environments and a body file', async () => {
    await runCli(['send', '--template', 'cloudpods-event', '--secret', 'k3y', server.url], env());
    const signed = server.received[0];
    assert.strictEqual(signed.headers['x-auth-token'], createHmac('sha256', 'k3y').update(signed.body).digest('hex'));

    mkdirSync(path.join(dir(), '.oew'));
    writeFileSync(
      path.join(dir(), '.oew', 'environments.json'),
      JSON.stringify({ environments: { local: { hook: `${server.url}/from-env` } } }),
    );
    const body = path.join(dir(), 'body.json');
    writeFileSync(body, '{"id":"{{uuid}}","to":"{{hook}}"}');
    const result = await runCli(
      ['send', '--template', 'custom', '--env', 'local', '--workspace', dir(), '--body', body, '{{hook}}'],
      env(),
    );
    assert.strictEqual(result.status, 0, result.stderr);
    const sent = server.received[1];
    assert.strictEqual(sent.url, '/from-env');
    const value = JSON.parse(sent.body.toString()) as { id: string; to: string };
    assert.match(value.id, /^[0-9a-f-]{36}$/);
    assert.strictEqual(value.to, `${server.url}/from-env`);
  });

  it('expands {{env:…}} in a body file only after --allow-env approved it once', async () => {
    const body = path.join(dir(), 'secret.json');
    writeFileSync(body, '{"token":"{{env:OEW_TEST_TOKEN}}"}');
    const withToken = { ...env(), OEW_TEST_TOKEN: 'tkn' };
    const refused = await runCli(['send', '--template', 'custom', '--body', body, server.url], withToken);
    assert.strictEqual(refused.status, 2);
    assert.match(
      refused.stderr,
      /secret\.json reads environment variables \(\{\{env:OEW_TEST_TOKEN\}\}\); approve the file once .* Run again with --allow-env/,
    );
    assert.strictEqual(server.received.length, 0);
    assert.strictEqual(
      (await runCli(['send', '--template', 'custom', '--body', body, '--allow-env', server.url], withToken)).status,
      0,
    );
    assert.strictEqual(
      (await runCli(['send', '--template', 'custom', '--body', body, server.url], withToken)).status,
      0,
      'approved once is enough',
    );
    assert.deepStrictEqual(
      server.received.map((r) => r.body.toString()),
      ['{"token":"tkn"}', '{"token":"tkn"}'],
    );
    const ledger = readFileSync(path.join(dir(), 'config', 'oew', 'env-approvals.json'), 'utf8');
    assert.doesNotMatch(ledger, /tkn/, 'the approval keeps names, never values');
  });

  it('sends a burst and prints status counts and latency percentiles', async () => {
    const result = await runCli(
      ['send', '--template', 'oci-event', '--burst', '40', '--concurrency', '4', server.url],
      env(),
    );
    assert.strictEqual(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /^40 sent in \d+\.\d\d s \(\d+ req\/s\) at concurrency 4\nstatuses: 200×40\nlatency: p50 [\d.]+ ms · p95 [\d.]+ ms · p99 [\d.]+ ms · max [\d.]+ ms\n$/,
    );
    const ids = server.received.map((r) => (JSON.parse(r.body.toString()) as { eventID: string }).eventID);
    assert.strictEqual(new Set(ids).size, 40, 'each copy is built anew');
  });

  it('lists the templates with their fields', async () => {
    const result = await runCli(['send', '--list']);
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /^oci-event — OCI event envelope/m);
    assert.match(result.stdout, /^ {4}resource_type \(default host\)/m);
  });
});
