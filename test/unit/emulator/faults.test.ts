import { FAULT_MIX } from './faultMix';
import * as assert from 'assert';
import * as http from 'http';
import { AddressInfo } from 'net';
import { NoRetryConfigurationDetails } from 'oci-common';
import { IdentityClient } from 'oci-identity';
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from 'oci-ons';
import { FaultInjector, NO_FAULTS } from '../../../src/emulator/http/faults';
import { sdkError, useEmulator } from './sdkHelpers';

describe('emulator: the fault injector', () => {
  const mix = FAULT_MIX;
  const run = (n: number) => {
    const injector = new FaultInjector(mix);
    return Array.from({ length: n }, () => injector.next());
  };

  it('decides the same faults for the same requests, at the rates asked for', () => {
    const first = run(10_000);
    assert.deepStrictEqual(run(10_000), first, 'the fixed seed repeats the run');
    const share = (p: (f: (typeof first)[number]) => boolean) => first.filter(p).length / first.length;
    assert.ok(first.every((f, i) => (i + 1) % 3 !== 0 || (f.kind === 'error' && f.error.status === 429)));
    // Of the two requests in three that are not throttled.
    const near = (actual: number, expected: number) =>
      assert.ok(Math.abs(actual - expected) < 0.01, `${actual} is near ${expected}`);
    near(
      share((f) => f.kind === 'error' && f.error.status === 500),
      (2 / 3) * 0.1,
    );
    near(
      share((f) => f.kind === 'reset'),
      (2 / 3) * 0.05,
    );
    near(
      share((f) => f.kind === 'body' && f.body === 'truncate'),
      (2 / 3) * 0.05,
    );
    near(
      share((f) => f.kind === 'body' && f.body === 'malformed'),
      (2 / 3) * 0.05,
    );
    near(
      share((f) => f.delayMs === 800),
      0.05,
    );
    assert.ok(first.every((f) => f.delayMs === 0 || f.delayMs === 800));
  });

  it('spoils a JSON answer so that it never parses, and counts what it injected', () => {
    const injector = new FaultInjector(mix);
    for (const json of ['{}', '[]', '{"items":[{"id":"a"}]}', '[1,2,3]']) {
      assert.throws(() => JSON.parse(injector.spoil(json, 'truncate')) as unknown, SyntaxError, json);
      assert.throws(() => JSON.parse(injector.spoil(json, 'malformed')) as unknown, SyntaxError, json);
    }
    assert.strictEqual(injector.injected.get('fault.truncate'), 4);
    assert.strictEqual(injector.injected.get('fault.malformed'), 4);
    for (let i = 0; i < 30; i++) injector.next();
    assert.strictEqual(injector.injected.get('fault.429'), 10);
  });

  it('refuses settings out of range, naming the setting, and keeps the ones it had', () => {
    const injector = new FaultInjector(mix);
    for (const [key, value, message] of [
      ['faultTruncateRate', 1.5, /faultTruncateRate must be a number from 0 to 1/],
      ['faultMalformedRate', -0.1, /faultMalformedRate must be a number from 0 to 1/],
      ['faultLatencyRate', '0.5', /faultLatencyRate must be a number from 0 to 1/],
      ['faultLatencyMs', 60_001, /faultLatencyMs must be a whole number of milliseconds from 0 to 60000/],
      ['faultLatencyMs', 1.5, /faultLatencyMs must be a whole number/],
      ['fault429Every', 2.5, /fault429Every must be a whole number/],
    ] as const) {
      assert.throws(() => injector.update({ [key]: value }), message);
    }
    assert.deepStrictEqual(injector.settings, mix);
    assert.deepStrictEqual(injector.update({ faultLatencyMs: 60_000 }), { ...mix, faultLatencyMs: 60_000 });
  });
});

describe('emulator: faults and delivery retries', () => {
  const ctx = useEmulator({ dataset: 'demo', timeScale: 0.0001 });

  async function setFaults(settings: object): Promise<Response> {
    return fetch(`${ctx.emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
  }

  it('answers 429 TooManyRequests when asked to at run time', async () => {
    assert.strictEqual((await setFaults({ fault429Every: 1 })).status, 200);
    // The SDK retries 429 by itself; this client must see the answer.
    const once = new IdentityClient(
      { authenticationDetailsProvider: ctx.provider },
      { retryConfiguration: NoRetryConfigurationDetails },
    );
    once.endpoint = ctx.emulator.server.url;
    const error = await sdkError(once.getTenancy({ tenancyId: ctx.emulator.state.tenancy.id }));
    once.close();
    assert.strictEqual(error.statusCode, 429);
    assert.strictEqual(error.serviceCode, 'TooManyRequests');
    await setFaults({ fault429Every: 0 });
    assert.ok((await ctx.identity.getTenancy({ tenancyId: ctx.emulator.state.tenancy.id })).tenancy.name);
  });

  it('answers a handled request with a cut or malformed body, which the SDK reports as unreadable', async () => {
    const tenancyId = ctx.emulator.state.tenancy.id;
    for (const settings of [{ faultTruncateRate: 1 }, { faultMalformedRate: 1 }]) {
      assert.strictEqual((await setFaults({ ...NO_FAULTS, ...settings })).status, 200);
      await assert.rejects(ctx.identity.getTenancy({ tenancyId }), SyntaxError);
    }
    await setFaults(NO_FAULTS);
    const stats = (await (await fetch(`${ctx.emulator.server.url}/_emulator/stats`)).json()) as Record<string, number>;
    assert.strictEqual(stats['fault.truncate'], 1);
    assert.strictEqual(stats['fault.malformed'], 1);
    assert.ok((await ctx.identity.getTenancy({ tenancyId })).tenancy.name);
  });

  it('holds a request for a latency spike, then answers it', async () => {
    await setFaults({ faultLatencyRate: 1, faultLatencyMs: 300 });
    assert.ok((await ctx.identity.getTenancy({ tenancyId: ctx.emulator.state.tenancy.id })).tenancy.name);
    const stats = (await (await fetch(`${ctx.emulator.server.url}/_emulator/stats`)).json()) as Record<string, number>;
    assert.strictEqual(stats['fault.latency'], 1);
  });

  it('refuses fault settings out of range', async () => {
    const response = await setFaults({ fault5xxRate: 2 });
    assert.strictEqual(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /from 0 to 1/);
  });

  it('retries a failed delivery on the backoff schedule until the endpoint accepts it', async () => {
    let calls = 0;
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    const receiver = http.createServer((req, res) => {
      req.resume();
      calls++;
      // Refuse the first delivery and its immediate retry; accept the one after the first backoff.
      res.writeHead(calls <= 2 ? 503 : 200).end();
      if (calls === 3) resolveDone();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const control = new NotificationControlPlaneClient({ authenticationDetailsProvider: ctx.provider });
    const data = new NotificationDataPlaneClient({ authenticationDetailsProvider: ctx.provider });
    control.endpoint = data.endpoint = ctx.emulator.server.url;
    try {
      const tenancy = ctx.emulator.state.tenancy.id;
      const topic = (await control.createTopic({ createTopicDetails: { name: 'retries', compartmentId: tenancy } }))
        .notificationTopic;
      await data.createSubscription({
        createSubscriptionDetails: {
          topicId: topic.topicId,
          compartmentId: tenancy,
          protocol: 'CUSTOM_HTTPS',
          endpoint: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        },
      });
      await done;
      assert.strictEqual(calls, 3);
    } finally {
      control.close();
      data.close();
      await new Promise((r) => receiver.close(r));
    }
  });
});
