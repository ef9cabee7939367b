import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { runInExtensionHost } from './hostTestRun';
import { ensureToolchain } from './install';
import { REPO_ROOT, RESULTS_DIR } from './paths';
import { createRunDir } from './runDir';

// The whole suite, with the fault run and the secret hygiene run, takes about four minutes here; CI allows 90.
const TIMEOUT_MS = 12 * 60_000;

/**
 * npm run test:vscode — the test/vscode suite inside code-server's real extension host, with
 * the extension loaded from this folder. Exits non-zero when a test fails, when no test ran,
 * or when the host never reports back.
 */
export async function runVscodeSuite(suite: 'main' | 'selftest'): Promise<number> {
  const started = Date.now();
  const toolchain = ensureToolchain();
  const run = createRunDir(`vscode-${suite}`);
  const result = await runInExtensionHost(
    toolchain,
    run,
    REPO_ROOT,
    path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js'),
    { OEW_HOST_SUITE: suite },
    TIMEOUT_MS,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `vscode-${suite}.log`), result.output);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let problem: string | undefined;
  if (result.exitCode === 124) {
    problem = 'the extension host never reported a result (codeAutomationExit)';
  } else if (result.passed + result.failed === 0) {
    problem = 'the extension host ran no test';
  } else if (result.exitCode !== 0) {
    problem = `the suite failed (exit code ${result.exitCode})`;
  }
  console.log(`test:vscode (${suite}): ${problem ?? 'ok'} in ${seconds} s; run folder ${run.root}`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  return problem ? 1 : 0;
}

if (require.main === module) {
  runVscodeSuite('main').then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
