import Mocha from 'mocha';
import * as path from 'path';
import { readdirSync } from 'fs';

/**
 * npm run test:ui — Playwright drives the real workbench in Debian's Chromium. The steps of a
 * file build on each other, so the run stops at the first failure; screenshots of every step,
 * and on failure the server log, are kept under test-results/ui.
 */
const UI_DIR = path.resolve(__dirname, '..', 'ui');

const started = Date.now();
const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, bail: true, reporter: 'spec' });
for (const name of readdirSync(UI_DIR)
  .filter((f) => f.endsWith('.test.js'))
  .sort()) {
  mocha.addFile(path.join(UI_DIR, name));
}
const runner = mocha.run(() => {
  const passed = runner.stats?.passes ?? 0;
  const failed = runner.stats?.failures ?? 0;
  console.log(`test:ui: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/ui`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
});
