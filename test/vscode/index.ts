import * as path from 'path';
import { runMocha } from '../harness/runMocha';

/**
 * Entry point the extension host calls with `extensionTestsPath`: runs the suite named by
 * OEW_HOST_SUITE (the normal one, or the harness self-test) and fails when a test failed or
 * when none ran.
 */
export async function run(): Promise<void> {
  const suiteDir =
    process.env.OEW_HOST_SUITE === 'selftest' ? path.join(__dirname, '..', 'vscode-selftest') : __dirname;
  const { passed, failed } = await runMocha(suiteDir, { timeout: 20_000, color: false });
  if (failed > 0) {
    throw new Error(`${failed} test(s) failed`);
  }
  if (passed === 0) {
    throw new Error('no test ran');
  }
}
