import { execFile } from 'child_process';
import { promisify } from 'util';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as common from 'oci-common';
import { EventsClient } from 'oci-events';
import { startEmulator } from '../src/emulator/emulator';
import type { OciClients as OciClientsType } from '../src/core/oci/ociClients';

const ROOT = path.resolve(__dirname, '..', '..');
const LATENCY_MS = 40;
const CONCURRENCY = 8;

/**
 * npm run bench -- oci: the first call from a cold process (dist/oci.js load plus the first
 * page), and listing every rule of the `large` dataset at 40 ms latency, beside the ideal
 * (requests × latency ÷ concurrency) and a serial walk with the SDK's record iterators.
 */
export async function benchOci(): Promise<void> {
  const emulator = await startEmulator({
    dataset: 'large',
    compartments: 300,
    rulesPerCompartment: 20,
    latencyMs: LATENCY_MS,
  });
  const compartments = [...emulator.state.compartments.keys()];
  try {
    // Not execFileSync: the emulator runs in this process and must keep answering.
    const { stdout: cold } = await promisify(execFile)(
      process.execPath,
      [
        path.join(__dirname, 'benchOciCold.js'),
        path.join(ROOT, 'dist', 'oci.js'),
        emulator.identity.configFile,
        emulator.server.url,
        compartments[0],
      ],
      { encoding: 'utf8' },
    );
    // The SDK prints notes on stdout too; the figures are the last line.
    const { loadMs, firstPageMs } = JSON.parse(cold.trim().split('\n').pop()!) as {
      loadMs: number;
      firstPageMs: number;
    };
    console.log(
      `cold: load dist/oci.js ${loadMs.toFixed(1)} ms + first page ${firstPageMs.toFixed(1)} ms = ${(loadMs + firstPageMs).toFixed(1)} ms (target ≤ 200 ms; the page includes ${LATENCY_MS} ms latency)`,
    );

    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same bundle the extension will load
    const { OciClients } = require(path.join(ROOT, 'dist', 'oci.js')) as { OciClients: typeof OciClientsType };
    const clients = await OciClients.open({
      configFile: emulator.identity.configFile,
      profile: 'EMULATOR',
      endpoint: emulator.server.url,
    });
    emulator.server.stats.clear();
    let start = performance.now();
    const rules = await clients.listRules(compartments, { concurrency: CONCURRENCY, pageSize: 50 });
    const parallelMs = performance.now() - start;
    const requests = emulator.server.stats.get('events.listRules') ?? 0;
    const ideal = (requests * LATENCY_MS) / CONCURRENCY;
    clients.close();
    console.log(
      `parallel: ${rules.length} rules of ${compartments.length} compartments, ${requests} requests, ${parallelMs.toFixed(0)} ms; ideal ${ideal.toFixed(0)} ms; ratio ${(parallelMs / ideal).toFixed(2)} (target ≤ 1.5)`,
    );

    const provider = new common.ConfigFileAuthenticationDetailsProvider(emulator.identity.configFile, 'EMULATOR');
    const events = new EventsClient({ authenticationDetailsProvider: provider });
    events.endpoint = emulator.server.url;
    start = performance.now();
    let serialCount = 0;
    for (const compartmentId of compartments) {
      for await (const rule of events.listRulesRecordIterator({ compartmentId })) {
        serialCount += rule ? 1 : 0;
      }
    }
    const serialMs = performance.now() - start;
    events.close();
    console.log(
      `baseline: serial walk with the SDK's record iterators, ${serialCount} rules, ${serialMs.toFixed(0)} ms; the parallel listing is ${(serialMs / parallelMs).toFixed(1)}× faster (target ≥ 6×)`,
    );
  } finally {
    await emulator.server.close();
  }
}
