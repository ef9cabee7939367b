import * as path from 'path';
import { runInExtensionHost } from '../test/harness/hostTestRun';
import { ensureToolchain } from '../test/harness/install';
import { REPO_ROOT } from '../test/harness/paths';
import { createRunDir } from '../test/harness/runDir';
import { largeDataset, startEmulatorProcess } from './benchOci';
import { record } from './benchResults';

const REQUESTS = 10_000;
/** What the extension may add to the host's heap by browsing or by the inbox: this project's own bound. */
const BOUND_MB = 50;
const HOST_TIMEOUT_MS = 10 * 60_000;

/**
 * npm run bench -- hostheap: the heap of code-server's real extension host, with the extension
 * loaded from this folder, after activation, after browsing the `large` tenancy and after
 * 10,000 inbox requests, each after a full collection. The host runs VS Code's own built-in
 * extensions too: the figure after activation is the baseline the others are read against.
 */
export async function benchHostHeap(): Promise<void> {
  const emulator = await startEmulatorProcess(largeDataset(120, 5));
  try {
    const { configFile, endpoint, profile } = emulator.announcement;
    const run = createRunDir('bench-hostheap');
    const result = await runInExtensionHost(
      ensureToolchain(),
      run,
      REPO_ROOT,
      path.join(__dirname, 'benchHostHeapHost.js'),
      {
        OEW_BENCH_CONFIG: configFile,
        OEW_BENCH_ENDPOINT: endpoint,
        OEW_BENCH_PROFILE: profile,
        OEW_BENCH_EXTENSION: 'oew.oci-event-workbench',
        OEW_BENCH_REQUESTS: String(REQUESTS),
      },
      HOST_TIMEOUT_MS,
    );
    const line = /^hostheap (.+)$/m.exec(result.output)?.[1];
    if (result.exitCode !== 0 || !line) {
      throw new Error(`the extension host did not report its heap (exit ${result.exitCode}):\n${result.output}`);
    }
    const figures = JSON.parse(line) as Record<string, number>;
    const mb = (value: number) => `${value.toFixed(1)} MB`;
    console.log(`\nThe extension host's heap, after a full collection (code-server, extension from ${REPO_ROOT})`);
    console.log(`after activation: ${mb(figures.afterActivation)}`);
    console.log(`after browsing ${figures.rows} rows of the large tenancy: ${mb(figures.afterBrowsing)}`);
    console.log(`after ${REQUESTS.toLocaleString('en-US')} inbox requests: ${mb(figures.afterInbox)}`);
    const baseline = { label: 'after activation', value: figures.afterActivation };
    const target = { atMost: figures.afterActivation + BOUND_MB };
    record({
      figure: `Extension host's heap after browsing ${figures.rows.toLocaleString('en-US')} rows of the large tenancy`,
      value: figures.afterBrowsing,
      unit: 'MB',
      target,
      baseline,
    });
    record({
      figure: `Extension host's heap after ${REQUESTS.toLocaleString('en-US')} inbox requests (it keeps the newest 500)`,
      value: figures.afterInbox,
      unit: 'MB',
      target,
      baseline,
    });
  } finally {
    emulator.child.kill();
  }
}
