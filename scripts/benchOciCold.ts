import { performance } from 'perf_hooks';
import type { OciClients as OciClientsType } from '../src/core/oci/ociClients';

/** One cold start for bench oci, in a fresh process: load dist/oci.js, then list one page. */
async function main(): Promise<void> {
  const [bundle, configFile, endpoint, compartmentId] = process.argv.slice(2);
  let start = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- timing the load is the point
  const { OciClients } = require(bundle) as { OciClients: typeof OciClientsType };
  const loadMs = performance.now() - start;
  start = performance.now();
  const clients = await OciClients.open({ configFile, profile: 'EMULATOR', endpoint });
  await clients.listRules([compartmentId], { pageSize: 50 });
  const firstPageMs = performance.now() - start;
  clients.close();
  process.stdout.write(`\n${JSON.stringify({ loadMs, firstPageMs })}\n`);
}

void main();
