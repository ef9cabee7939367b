import { performance } from 'perf_hooks';
import type * as OciBundle from '../src/core/oci';
import { cachedRequire } from '../src/core/runtime/cachedRequire';

/**
 * One cold start for bench oci, in a fresh process: load dist/oci.js as the extension does
 * (with its code cache in `cacheDir`), then list one page.
 */
async function main(): Promise<void> {
  const [bundle, cacheDir, configFile, endpoint, compartmentId] = process.argv.slice(2);
  let start = performance.now();
  const { OciClients } = cachedRequire(bundle, cacheDir) as typeof OciBundle;
  const loadMs = performance.now() - start;
  start = performance.now();
  const clients = await OciClients.open({ configFile, profile: 'EMULATOR', endpoint });
  await clients.listRules([compartmentId], { pageSize: 50 });
  const firstPageMs = performance.now() - start;
  clients.close();
  process.stdout.write(`\n${JSON.stringify({ loadMs, firstPageMs })}\n`);
}

void main();
