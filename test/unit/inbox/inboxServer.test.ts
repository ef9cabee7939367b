import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { performance } from 'perf_hooks';
import { isUserError } from '../../../src/core/errors/userError';
import { InboxEvent } from '../../../src/core/inbox/inboxRecord';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { InboxOptions } from '../../../src/core/inbox/inboxTypes';
import { sendRequest } from '../../../src/core/http/sender';
import { request, useCleanup } from './httpHelpers';

describe('inbox: receiving and recording', () => {
  const track = useCleanup();
  const start = async (options: Partial<InboxOptions> = {}) =>
    track(await startInbox({ send: sendRequest, ...options }));

  it('listens on 127.0.0.1 and records what it is sent', async () => {
    const inbox = await start();
    assert.match(inbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(inbox.url, `http://127.0.0.1:${inbox.port}`);
    const reply = await request(`${inbox.url}/hooks/oci?a=1&a=2&b=x`, {
      headers: {
        'Content-Type': 'application/json',
        'X-Repeat': ['one', 'two'],
        Constructor: 'plain header',
        ['__proto__']: 'also a header',
      },
      body: '{"ok":true}',
    });
    assert.strictEqual(reply.status, 200);
    const [record] = inbox.records();
    assert.strictEqual(record.method, 'POST');
    assert.strictEqual(record.path, '/hooks/oci');
    assert.deepStrictEqual({ ...record.query }, { a: ['1', '2'], b: 'x' });
    assert.strictEqual(record.headers['content-type'], 'application/json');
    assert.strictEqual(record.headers['x-repeat'], 'one, two');
    assert.strictEqual(record.headers['constructor'], 'plain header');
    assert.strictEqual(Object.getOwnPropertyDescriptor(record.headers, '__proto__')?.value, 'also a header');
    assert.strictEqual(record.body.toString(), '{"ok":true}');
    assert.strictEqual(record.bodySize, 11);
    assert.strictEqual(record.bodyTruncated, false);
    assert.deepStrictEqual(record.response, { status: 200 });
    assert.ok(Math.abs(Date.parse(record.time) - Date.now()) < 60_000);
    assert.strictEqual(inbox.get(record.id), record);
  });

  it('records 1,000 concurrent POSTs without losing one', async () => {
    const inbox = await start({ capacity: 1_000 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    try {
      const replies = await Promise.all(
        Array.from({ length: 1_000 }, (_, n) =>
          request(`${inbox.url}/load`, { agent, headers: { 'content-type': 'application/json' }, body: `{"n":${n}}` }),
        ),
      );
      assert.ok(replies.every((r) => r.status === 200));
    } finally {
      agent.destroy();
    }
    const records = inbox.records();
    assert.strictEqual(records.length, 1_000);
    assert.strictEqual(new Set(records.map((r) => r.seq)).size, 1_000);
    assert.strictEqual(new Set(records.map((r) => r.id)).size, 1_000);
    assert.deepStrictEqual(
      records.map((r) => (JSON.parse(r.body.toString()) as { n: number }).n).sort((a, b) => a - b),
      Array.from({ length: 1_000 }, (_, n) => n),
    );
    assert.ok(records.every((r, i) => i === 0 || r.seq > records[i - 1].seq));
  });

  it('keeps only the newest records, oldest first, once full', async () => {
    const inbox = await start({ capacity: 5 });
    const first = [];
    for (let n = 0; n < 8; n++) {
      await request(`${inbox.url}/${n}`, { body: String(n) });
      first.push(inbox.records().at(-1)!.id);
    }
    assert.deepStrictEqual(
      inbox.records().map((r) => r.path),
      ['/3', '/4', '/5', '/6', '/7'],
    );
    assert.strictEqual(inbox.get(first[0]), undefined);
    assert.ok(inbox.get(first[7]));
  });

  it('keeps the first maxBodyBytes of a larger body and still answers', async () => {
    const inbox = await start({ maxBodyBytes: 1_048_576, response: { status: 202 } });
    const body = Buffer.alloc(2 * 1_048_576);
    for (let i = 0; i < body.length; i++) {
      body[i] = i % 251;
    }
    const reply = await request(`${inbox.url}/big`, { body });
    assert.strictEqual(reply.status, 202);
    const [record] = inbox.records();
    assert.strictEqual(record.bodyTruncated, true);
    assert.strictEqual(record.bodySize, 2 * 1_048_576);
    assert.strictEqual(record.body.length, 1_048_576);
    assert.ok(record.body.equals(body.subarray(0, 1_048_576)));
  });

  it('answers with the configured status, body and delay', async () => {
    const inbox = await start();
    const settings = inbox.configure({ response: { status: 503, delayMs: 300, body: '{"error":"busy"}' } });
    assert.strictEqual(settings.response.status, 503);
    const began = performance.now();
    const reply = await request(`${inbox.url}/retry-me`, { body: 'x' });
    const elapsed = performance.now() - began;
    assert.strictEqual(reply.status, 503);
    assert.strictEqual(reply.body.toString(), '{"error":"busy"}');
    assert.strictEqual(reply.headers['content-type'], 'application/json');
    assert.ok(elapsed >= 300, `answered after ${elapsed} ms`);
    assert.deepStrictEqual(inbox.records()[0].response, { status: 503 });

    inbox.configure({ response: { status: 200, delayMs: 0, body: 'thanks', contentType: 'text/x-ack' } });
    const later = await request(`${inbox.url}/again`, { body: 'x' });
    assert.strictEqual(later.status, 200);
    assert.strictEqual(later.headers['content-type'], 'text/x-ack');
  });

  it('refuses settings it cannot honour, and forwarding to itself', async () => {
    const inbox = await start();
    for (const change of [
      { response: { status: 99 } },
      { response: { delayMs: -1 } },
      { response: { contentType: 'text/plain\r\nx: y' } },
      { forwardTo: 'ftp://example.com' },
      { forwardTo: inbox.url },
    ]) {
      assert.throws(() => inbox.configure(change), isUserError, JSON.stringify(change));
    }
    assert.strictEqual(inbox.settings.response.status, 200);
    assert.strictEqual(inbox.settings.forwardTo, undefined);
  });

  it('tells listeners of each new record until disposed, and of clear()', async () => {
    const inbox = await start();
    const events: InboxEvent[] = [];
    const subscription = inbox.onRecord((event) => events.push(event));
    await request(`${inbox.url}/one`, { body: '1' });
    assert.strictEqual(events.length, 1);
    assert.strictEqual(events[0].kind, 'added');
    assert.strictEqual(events[0].kind === 'added' && events[0].record.path, '/one');
    inbox.clear();
    assert.deepStrictEqual(inbox.records(), []);
    assert.deepStrictEqual(events[1], { kind: 'cleared' });
    subscription.dispose();
    await request(`${inbox.url}/two`, { body: '2' });
    assert.strictEqual(events.length, 2);
    assert.strictEqual(inbox.records().length, 1);
  });

  it('keeps serving when a listener throws or a caller hangs up mid-body', async () => {
    const errors: unknown[] = [];
    const inbox = await start({ onError: (err) => errors.push(err) });
    inbox.onRecord(() => {
      throw new Error('listener bug');
    });
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(inbox.port, '127.0.0.1', () => {
        socket.write('POST /cut HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\npartial');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on('error', reject);
    });
    const reply = await request(`${inbox.url}/after`, { body: 'ok' });
    assert.strictEqual(reply.status, 200);
    assert.deepStrictEqual(
      inbox.records().map((r) => r.path),
      ['/after'],
    );
    assert.strictEqual((errors[0] as Error).message, 'listener bug');
  });

  it('says plainly when its port is taken', async () => {
    const inbox = await start();
    await assert.rejects(startInbox({ send: sendRequest, port: inbox.port }), (err) => isUserError(err));
  });
});
