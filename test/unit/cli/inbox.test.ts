import * as assert from 'assert';
import { spawn } from 'child_process';
import { createInterface, Interface } from 'readline';
import { testServer } from '../http/testServers';
import { CLI, runCli } from './runCli';

interface Line {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  bodyEncoding?: string;
  response: { status: number; autoAnswer?: string };
}

/** `oew inbox` as a user runs it: a child process whose stdout is read line by line. */
async function startInbox(...args: string[]) {
  const child = spawn(process.execPath, [CLI, 'inbox', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const lines: Interface = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)));
  const next = () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve)));
  const first = JSON.parse(await next()) as { url: string };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url: first.url,
    firstLine: first,
    next: async () => JSON.parse(await next()) as Line,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('oew inbox (dist/cli.js)', () => {
  it('prints {"url"} first, then one JSON line per request, answering with the configured status and delay', async () => {
    const inbox = await startInbox('--port', '0', '--status', '503', '--delay-ms', '50');
    try {
      assert.deepStrictEqual(Object.keys(inbox.firstLine), ['url']);
      assert.match(inbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const started = Date.now();
      const response = await fetch(`${inbox.url}/hooks/oci?x=1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Test': 'yes' },
        body: '{"a":1}',
      });
      assert.strictEqual(response.status, 503);
      assert.ok(Date.now() - started >= 50);
      const line = await inbox.next();
      assert.strictEqual(line.method, 'POST');
      assert.strictEqual(line.path, '/hooks/oci');
      assert.deepStrictEqual(line.query, { x: '1' });
      assert.strictEqual(line.headers['x-test'], 'yes');
      assert.strictEqual(line.body, '{"a":1}');
      assert.strictEqual(line.response.status, 503);
    } finally {
      assert.strictEqual(await inbox.stop(), 0);
    }
  });

  it('answers what `oew send` sends: Cloudpods VALIDATE gets 200 whatever the status, and an ONS confirmation on loopback is confirmed', async () => {
    const inbox = await startInbox('--status', '500');
    const console = await testServer((_req, res) => res.end('confirmed'));
    try {
      const validate = await runCli(['send', '--template', 'cloudpods-validate', `${inbox.url}/cloudpods`]);
      assert.strictEqual(validate.status, 0, validate.stderr);
      assert.match(validate.stdout, /^HTTP\/1\.1 200 OK/);
      const line = await inbox.next();
      assert.strictEqual(line.headers['x-yunion-event'], 'VALIDATE');
      assert.strictEqual(line.headers['content-length'], '37');
      assert.strictEqual(line.response.autoAnswer, 'cloudpods-validate');

      const confirmationUrl = `${console.url}/20181201/subscriptions/ocid1.onssubscription.oc1..x/confirmation?token=t&protocol=CUSTOM_HTTPS`;
      const confirm = await runCli([
        'send',
        '--template',
        'ons-confirmation',
        '--set',
        `confirmationUrl=${confirmationUrl}`,
        `${inbox.url}/ons`,
      ]);
      assert.strictEqual(confirm.status, 0, confirm.stderr);
      const handshake = await inbox.next();
      assert.strictEqual(handshake.headers['x-oci-ns-messagetype'], 'SubscriptionConfirmation');
      for (let i = 0; i < 100 && !console.received.length; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.strictEqual(console.received[0]?.method, 'GET');
      assert.strictEqual(console.received[0]?.url, confirmationUrl.slice(console.url.length));
      for (let i = 0; i < 100 && !/confirmation confirmed \(200\)/.test(inbox.stderr()); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.match(inbox.stderr(), /request 2: subscription confirmation confirmed \(200\)/);
    } finally {
      await console.close();
      await inbox.stop();
    }
  });

  it('gives bytes that are not UTF-8 as base64', async () => {
    const inbox = await startInbox();
    try {
      await fetch(inbox.url, { method: 'POST', body: Buffer.from([0xff, 0xfe, 0x00]) });
      const line = await inbox.next();
      assert.strictEqual(line.bodyEncoding, 'base64');
      assert.strictEqual(line.body, '//4A');
    } finally {
      await inbox.stop();
    }
  });

  it('refuses bad options with exit 2 and the usage', async () => {
    const result = await runCli(['inbox', '--port', 'eighty']);
    assert.strictEqual(result.status, 2);
    assert.match(
      result.stderr,
      /^oew inbox: --port takes a whole number from 0 to 65535, not "eighty"\nusage: oew inbox/,
    );
    const status = await runCli(['inbox', '--status', '700']);
    assert.strictEqual(status.status, 2);
    assert.match(status.stderr, /response status 700 is not one it can send\. Use 200 to 599\./);
  });
});
