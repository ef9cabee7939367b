import * as path from 'path';
import { rmSync } from 'fs';
import { prepareWorkbench, SHOTS_DIR } from '../ui/workbench';
import { exitCodeOf, runMocha } from './runMocha';

/**
 * npm run test:ui — Playwright drives the real workbench in Debian's Chromium. The steps of a
 * file build on each other, so the run stops at the first failure; screenshots of every step,
 * and on failure the server log, are kept under test-results/ui.
 */
const started = Date.now();
rmSync(SHOTS_DIR, { recursive: true, force: true });
prepareWorkbench();
runMocha(path.resolve(__dirname, '..', 'ui'), { timeout: 60_000, bail: true }).then(
  (result) => {
    console.log(`test:ui: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/ui`);
    process.exit(exitCodeOf(result));
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
