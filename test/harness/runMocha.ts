import { readdirSync, statSync } from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** The compiled test files under `dir`, in a stable order. */
export function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? testFiles(full) : name.endsWith('.test.js') ? [full] : [];
    });
}

/**
 * Runs mocha over the test files under `dir` and prints the closing line every layer ends
 * with, `N passed, N failed`, which the launchers and CI read.
 */
export function runMocha(dir: string, options: Mocha.MochaOptions): Promise<{ passed: number; failed: number }> {
  // OEW_TEST_GREP runs only the tests whose titles match, for a quicker look at one.
  const grep = process.env.OEW_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', ...options, ...(grep ? { grep } : {}) });
  for (const file of testFiles(dir)) {
    mocha.addFile(file);
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? 0;
        console.log(`${passed} passed, ${failed} failed`);
        resolve({ passed, failed });
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** Exit code of a layer: it fails when a test failed, and when none ran. */
export function exitCodeOf(result: { passed: number; failed: number }): number {
  return result.failed > 0 || result.passed === 0 ? 1 : 0;
}
