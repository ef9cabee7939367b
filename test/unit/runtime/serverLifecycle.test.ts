import * as assert from 'assert';
import { ServerLifecycle } from '../../../src/core/runtime/serverLifecycle';

class FakeServer {
  closed = false;
  constructor(readonly n: number) {}
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

function lifecycle(launchDelays: number[] = []) {
  const events: string[] = [];
  let launches = 0;
  const servers: FakeServer[] = [];
  const life = new ServerLifecycle<FakeServer>({
    name: 'The test server',
    launch: async () => {
      const n = ++launches;
      events.push(`launch ${n}`);
      await new Promise((r) => setTimeout(r, launchDelays[n - 1] ?? 0));
      const server = new FakeServer(n);
      servers.push(server);
      return server;
    },
    started: (s) => events.push(`started ${s.n}`),
    stopping: () => events.push('stopping'),
    closed: (s) => events.push(`closed ${s.n}`),
  });
  return { life, events, servers };
}

describe('A local server’s start and stop', () => {
  it('shares one launch between starts that overlap', async () => {
    const { life, events } = lifecycle([10]);
    const [a, b] = await Promise.all([life.start(), life.start()]);
    assert.strictEqual(a, b);
    assert.deepStrictEqual(events, ['launch 1', 'started 1']);
    assert.strictEqual(life.server, a);
  });

  it('closes what a start opens when a stop overtakes it, and that start fails with a clear message', async () => {
    const { life, events, servers } = lifecycle([20]);
    const starting = life.start();
    assert.strictEqual(await life.stop(), true);
    await assert.rejects(starting, /The test server was stopped while it started\./);
    assert.ok(servers[0].closed, 'the overtaken server was closed');
    assert.ok(!events.includes('started 1'), 'an overtaken start shows nothing');
    assert.strictEqual(life.isRunning, false);
  });

  it('starts again only after the last stop closed: both use the same files', async () => {
    const { life, events } = lifecycle();
    await life.start();
    const stopping = life.stop();
    const restarted = life.start();
    await stopping;
    await restarted;
    assert.deepStrictEqual(events, ['launch 1', 'started 1', 'stopping', 'closed 1', 'launch 2', 'started 2']);
  });

  it('says when there was nothing to stop, and starts again after a failed launch', async () => {
    let fail = true;
    const life = new ServerLifecycle<FakeServer>({
      name: 'The test server',
      launch: () => (fail ? Promise.reject(new Error('port 8080 is in use')) : Promise.resolve(new FakeServer(1))),
      started: () => undefined,
      stopping: () => undefined,
      closed: () => undefined,
    });
    assert.strictEqual(await life.stop(), false);
    await assert.rejects(life.start(), /port 8080 is in use/);
    assert.strictEqual(life.isRunning, false);
    fail = false;
    assert.ok(await life.start());
  });
});
