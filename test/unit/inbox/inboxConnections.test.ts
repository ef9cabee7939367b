import * as assert from 'assert';
import { spawn } from 'child_process';
import { once } from 'events';
import * as net from 'net';
import { createInterface } from 'readline';
import { sendRequest } from '../../../src/core/http/sender';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { InboxOptions } from '../../../src/core/inbox/inboxTypes';
import { CLI } from '../cli/runCli';
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

describe('inbox: connections it holds', function () {
  // Each wait below is bounded; together they can outlast the default on a busy machine.
  this.timeout(30_000);
  const track = useCleanup();
  const start = async (options: Partial<InboxOptions>) => {
    const notices: string[] = [];
    const inbox = track(
      await startInbox({ send: sendRequest, onError: (err) => notices.push(String(err)), ...options }),
    );
    return { inbox, notices };
  };

  it('holds at most its cap of idle connections, still answers a request, and closes idle ones after the headers timeout', async () => {
    const { inbox, notices } = await start({ connections: { headersTimeoutMs: 2_000 } });
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

    await until(() => idle.size === 0, 8_000);
    assert.strictEqual(idle.size, 0, 'idle connections are closed after the headers timeout');
    assert.ok(
      notices.some((n) => /closed \d+ connection\(s\) that did not send a whole request in time/.test(n)),
      notices.join('\n'),
    );
  });

  it('oew inbox under a limit of 1,024 file descriptors still answers with 1,100 idle connections open', async () => {
    // A shell sets the limit for the inbox alone; this process keeps its own to hold the 1,100 sockets.
    const child = spawn('sh', ['-c', `ulimit -n 1024 && exec "${process.execPath}" "${CLI}" inbox`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      child.stdout.resume();
      const { url } = JSON.parse(line) as { url: string };
      const idle = await openIdle(Number(new URL(url).port), 1_100);
      const reply = await request(`${url}/real`, { body: 'still here' });
      assert.strictEqual(reply.status, 200);
      await until(() => /closed \d+ idle connection\(s\) to stay within its cap of 256/.test(stderr), 2_000);
      assert.match(stderr, /closed \d+ idle connection\(s\) to stay within its cap of 256/);
      idle.forEach((socket) => socket.destroy());
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
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
