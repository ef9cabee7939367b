import { record } from './benchResults';
import { stats } from './benchStats';
import autocannon from 'autocannon';
import { ChildProcess, fork } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { EventTypeCatalogue } from '../src/core/condition/catalogue';
import { referenceCatalog } from '../src/core/fusion/referenceCatalog';
import { sendBurst } from '../src/core/http/burst';
import { buildTemplate } from '../src/core/payloads/templates/webhookTemplates';

const SECONDS = 3;
const BURST = 40_000;
const CONNECTIONS = 50;
const ROUNDS = 5;

interface Server {
  readonly url: string;
  count(): Promise<number>;
  /** The heap in use after a full collection, in MB. */
  heapMB(): Promise<number>;
  close(): Promise<void>;
}

/**
 * npm run bench -- webhooks: the inbox's throughput on loopback under autocannon, beside the same
 * load on a bare Node http server measured in the same run, and burst sending against that bare
 * server beside autocannon's own rate. Each server runs in a process of its own; the request is
 * a real ONS notification of an event (about 1 KB).
 */
export async function benchWebhooks(): Promise<void> {
  const request = buildTemplate(
    'ons-notification',
    { url: 'http://127.0.0.1/', fields: { eventType: 'com.oraclecloud.computeapi.launchinstance.end' } },
    { catalogue: EventTypeCatalogue.builtin(), fusionEvents: referenceCatalog() },
  );
  console.log(
    `${os.cpus().length} cores; ${SECONDS} s autocannon runs of ${request.body.length}-byte requests over ${CONNECTIONS} kept-alive connections, bursts of ${BURST}; ${ROUNDS} interleaved rounds, medians shown`,
  );
  const rows: Record<string, number[]> = {};
  const add = (key: string, value: number) => (rows[key] ??= []).push(value);
  // By duration: autocannon checks `amount` once a second, which would round every rate.
  const load = (url: string, duration = SECONDS) =>
    autocannon({
      url: `${url}/hook`,
      method: 'POST',
      headers: request.headers,
      body: request.body,
      connections: CONNECTIONS,
      duration,
    });
  const bare = await startServer('bare');
  const inbox = await startServer('inbox');
  try {
    const url = `${bare.url}/hook`;
    const burst = (count: number) => sendBurst(() => ({ ...request, url }), { count, concurrency: CONNECTIONS });
    const inboxHeapAtStart = await inbox.heapMB();
    await load(bare.url, 1);
    await load(inbox.url, 1);
    await burst(5_000);
    // Rounds interleave the three measurements, and the ratios are taken within a round, so that
    // another process slowing the machine for a while shifts both sides of a ratio alike.
    for (let round = 0; round < ROUNDS; round++) {
      const onBare = await load(bare.url);
      const sent = await burst(BURST);
      const before = await inbox.count();
      const onInbox = await load(inbox.url);
      const recorded = (await inbox.count()) - before;
      add('bare server: autocannon req/s', rate(onBare));
      add('inbox: autocannon req/s (target ≥ 3,000)', rate(onInbox));
      add('inbox ÷ bare (target ≥ 0.5)', rate(onInbox) / rate(onBare));
      // A request still in flight when autocannon stops is recorded but not counted as answered.
      add('inbox: answered but not recorded (target 0)', Math.max(0, onInbox.requests.total - recorded));
      add('inbox: errors, timeouts, non-2xx seen by autocannon', onInbox.errors + onInbox.timeouts + onInbox.non2xx);
      add('burst sending to the bare server: req/s', sent.requestsPerSecond);
      add('burst ÷ autocannon on the bare server (target ≥ 0.7)', sent.requestsPerSecond / rate(onBare));
      add('burst: copies without a 2xx', BURST - (sent.statuses['200'] ?? 0));
      add('burst latency p50 ms', sent.latency.p50);
      add('burst latency p99 ms', sent.latency.p99);
    }
    const requests = await inbox.count();
    const heap = await inbox.heapMB();
    console.log(
      `inbox heap: ${inboxHeapAtStart.toFixed(1)} MB at start, ${heap.toFixed(1)} MB after ${requests} requests`,
    );
    record({
      figure: `webhook inbox's heap after ${requests.toLocaleString('en-US')} requests (it keeps the newest 500)`,
      value: heap,
      unit: 'MB',
      target: { atMost: inboxHeapAtStart + 50 },
      baseline: { label: 'at start', value: inboxHeapAtStart },
    });
  } finally {
    await bare.close();
    await inbox.close();
  }
  const median = (key: string) => stats(rows[key]).median;
  record({
    figure: 'webhook inbox: requests recorded per second (autocannon)',
    value: median('inbox: autocannon req/s (target ≥ 3,000)'),
    unit: 'req/s',
    target: { atLeast: Math.max(3000, 0.5 * median('bare server: autocannon req/s')) },
    baseline: { label: 'a bare Node http server', value: median('bare server: autocannon req/s') },
  });
  record({
    figure: 'burst sender: requests per second',
    value: median('burst sending to the bare server: req/s'),
    unit: 'req/s',
    target: { atLeast: 0.7 * median('bare server: autocannon req/s') },
    baseline: { label: 'autocannon, same server', value: median('bare server: autocannon req/s') },
  });
  for (const [label, values] of Object.entries(rows)) {
    const { median } = stats(values);
    const shown = median >= 100 ? median.toFixed(0) : median.toFixed(2);
    console.log(
      `${label.padEnd(58)} ${shown.padStart(9)}   (runs: ${values.map((v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2))).join(', ')})`,
    );
  }
}

function rate(result: autocannon.Result): number {
  return result.requests.total / ((result.finish.getTime() - result.start.getTime()) / 1000);
}

function startServer(mode: 'bare' | 'inbox'): Promise<Server> {
  const child: ChildProcess = fork(path.join(__dirname, 'benchWebhookServer.js'), [mode], {
    stdio: 'inherit',
    execArgv: ['--expose-gc'],
  });
  const ask = <T>(message: string, key: string) =>
    new Promise<T>((resolve) => {
      const listener = (reply: Record<string, T>) => {
        if (key in reply) {
          child.off('message', listener);
          resolve(reply[key]);
        }
      };
      child.on('message', listener);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (reply: { port: number }) =>
      resolve({
        url: `http://127.0.0.1:${reply.port}`,
        count: () => ask<number>('count', 'count'),
        heapMB: () => ask<number>('heap', 'heap'),
        close: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send('close');
          }),
      }),
    );
  });
}
