import * as assert from 'assert';
import * as net from 'net';
import { sendRequest } from '../../../src/core/http/sender';
import { InboxOptions, startInbox } from '../../../src/core/inbox/inboxServer';
import { request, useCleanup } from './httpHelpers';

/** Opens `count` connections to `port` that send nothing, `batch` at a time; each is in `open` until the inbox closes it. */
async function openIdle(port: number, count: number, batch = 100): Promise<Set<net.Socket>> {
  const open = new Set<net.Socket>();
  for (let first = 0; first < count; first += batch) {
    await Promise.all(
      Array.from(
        { length: Math.min(batch, count - first) },
        () =>
          new Promise<void>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => resolve());
            open.add(socket);
            // Read, so that the inbox closing it reaches this end.
            socket.resume();
            socket.on('error', () => resolve());
            socket.on('close', () => {
              open.delete(socket);
              resolve();
            });
          }),
      ),
    );
  }
  return open;
}

/** Waits until `done`, checking every 50 ms for at most `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('inbox: connections it holds', () => {
  const track = useCleanup();
  const start = async (options: Partial<InboxOptions>) => {
    const notices: string[] = [];
    const inbox = track(
      await startInbox({ send: sendRequest, onError: (err) => notices.push(String(err)), ...options }),
    );
    return { inbox, notices };
  };

  it('holds at most its cap of idle connections, still answers a request, and closes idle ones after the headers timeout', async () => {
    const { inbox, notices } = await start({ connections: { headersTimeoutMs: 500 } });
    const idle = await openIdle(inbox.port, 1_100);
    await until(() => idle.size <= 256, 2_000);
    const held = idle.size;
    const reply = await request(`${inbox.url}/real`, { body: 'still here' });
    console.log(`      1,100 idle connections: ${held} held (cap 256), a real request answered ${reply.status}`);
    assert.ok(held <= 256, `${held} idle connections held`);
    assert.strictEqual(reply.status, 200);
    assert.deepStrictEqual(
      inbox.records().map((r) => r.path),
      ['/real'],
    );
    assert.ok(
      notices.some((n) => /closed \d+ idle connection\(s\) to stay within its cap of 256/.test(n)),
      notices.join('\n'),
    );

    await until(() => idle.size === 0, 5_000);
    assert.strictEqual(idle.size, 0, 'idle connections are closed after the headers timeout');
    assert.ok(
      notices.some((n) => /closed \d+ connection\(s\) that did not send a whole request in time/.test(n)),
      notices.join('\n'),
    );
  });

  it('refuses a connection when all it allows are busy with requests, and says so', async () => {
    const { inbox, notices } = await start({ connections: { maxConnections: 5, requestTimeoutMs: 1_000 } });
    const busy = await openIdle(inbox.port, 5);
    // Each sends whole headers and part of its body: a request the inbox is receiving.
    busy.forEach((socket) => socket.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await assert.rejects(request(`${inbox.url}/refused`, { body: 'x' }));
    assert.ok(
      notices.some((n) => /refused 1 connection\(s\): all 5 it allows at once were receiving or answering/.test(n)),
      notices.join('\n'),
    );
    await until(() => busy.size === 0, 5_000);
    assert.strictEqual(busy.size, 0, 'a body that does not arrive in time ends its connection');
    assert.strictEqual((await request(`${inbox.url}/after`, { body: 'x' })).status, 200);
  });

  it('refuses limits out of range with a clear message', async () => {
    for (const options of [{ capacity: 1e12 }, { maxBodyBytes: -1 }, { connections: { maxConnections: 0 } }]) {
      await assert.rejects(startInbox({ send: sendRequest, ...options }), /out of range/);
    }
  });
});
