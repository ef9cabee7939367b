import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { sendBurst } from '../../../src/core/http/burst';
import { testServer } from './testServers';

describe('Burst sending', () => {
  it('sends N copies at concurrency C, each with a fresh id, and reports statuses and latency percentiles', async () => {
    let n = 0;
    const server = await testServer((_req, res) => {
      res.statusCode = ++n % 10 === 0 ? 503 : 200;
      res.end('ok');
    });
    try {
      const result = await sendBurst(
        () => ({
          method: 'POST',
          url: `${server.url}/hook`,
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from(`{"id":"${randomUUID()}"}`),
        }),
        { count: 200, concurrency: 8 },
      );
      assert.strictEqual(result.sent, 200);
      assert.deepStrictEqual(result.statuses, { 200: 180, 503: 20 });
      assert.deepStrictEqual(result.errors, {});
      assert.strictEqual(new Set(server.received.map((r) => r.body.toString())).size, 200, 'every copy has its own id');
      const { p50, p95, p99, max } = result.latency;
      assert.ok(p50 > 0 && p50 <= p95 && p95 <= p99 && p99 <= max);
      assert.ok(result.requestsPerSecond > 0);
      await sendBurst(() => ({ method: 'POST', url: server.url.replace('//', '//ons:p%40ss@'), headers: {} }), {
        count: 3,
        concurrency: 2,
      });
      assert.deepStrictEqual(
        server.received.slice(-3).map((r) => r.headers.authorization),
        Array(3).fill(`Basic ${Buffer.from('ons:p@ss').toString('base64')}`),
        'every copy carries the URL’s credentials as Basic, as ONS sends them',
      );
    } finally {
      await server.close();
    }
  });

  it('counts copies that get no answer by their reason, and stops when cancelled', async () => {
    const server = await testServer((_req, res) => res.end());
    const url = server.url;
    await server.close();
    const refused = await sendBurst(() => ({ method: 'GET', url, headers: {} }), { count: 5, concurrency: 2 });
    assert.deepStrictEqual(Object.values(refused.errors), [5]);
    assert.match(Object.keys(refused.errors)[0], /refused the connection/);
    const slow = await testServer(() => undefined);
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const cancelled = await sendBurst(() => ({ method: 'GET', url: slow.url, headers: {} }), {
        count: 100,
        concurrency: 4,
        signal: controller.signal,
      });
      assert.strictEqual(cancelled.cancelled, true);
      assert.ok(cancelled.sent < 100);
    } finally {
      await slow.close();
    }
  });
});
