import { readdirSync, statSync } from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/**
 * Entry point the extension host calls with `extensionTestsPath`: runs the suite named by
 * OEW_HOST_SUITE (the normal one, or the harness self-test), prints the closing count line
 * the launchers and CI read, and fails when a test failed or when none ran.
 */
export async function run(): Promise<void> {
  const suiteDir =
    process.env.OEW_HOST_SUITE === 'selftest' ? path.join(__dirname, '..', 'vscode-selftest') : __dirname;
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  for (const file of testFiles(suiteDir)) {
    mocha.addFile(file);
  }
  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() =>
        resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }),
      );
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
  console.log(`${passes} passed, ${failures} failed`);
  if (failures > 0) {
    throw new Error(`${failures} test(s) failed`);
  }
  if (passes === 0) {
    throw new Error('no test ran');
  }
}

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? testFiles(full) : name.endsWith('.test.js') ? [full] : [];
    });
}
