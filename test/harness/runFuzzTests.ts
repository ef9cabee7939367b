import * as path from 'path';
import { ensureDebianPackages } from './install';
import { exitCodeOf, runMocha } from './runMocha';
import { FUZZ_DEBIAN_PACKAGES } from './versions';

/**
 * npm run test:fuzz — the property-based fuzz layer, mocha in plain Node over out/test/fuzz.
 * `-- --full` runs 100,000 inputs per target instead of the CI count; OEW_FUZZ_SEED replays
 * another seed. The seed and the inputs run per target are printed for the README.
 */
if (process.argv.includes('--full')) {
  process.env.OEW_FUZZ_FULL = '1';
}
// Loaded after the flag is set, as it reads it once.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inputsRun, SEED, FULL } = require('../fuzz/fuzzRun') as typeof import('../fuzz/fuzzRun');

try {
  ensureDebianPackages(FUZZ_DEBIAN_PACKAGES, (line) => console.log(line));
} catch (err) {
  console.error(`test:fuzz: ${(err as Error).message}`);
  process.exit(1);
}
const started = Date.now();
console.log(`Fuzzing with seed ${SEED} (OEW_FUZZ_SEED to change), ${FULL ? 'full' : 'CI'} counts.`);
runMocha(path.resolve(__dirname, '..', 'fuzz'), { timeout: 0 }).then(
  (result) => {
    for (const [target, count] of inputsRun) {
      console.log(`  ${target}: ${count.toLocaleString('en-US')} inputs`);
    }
    console.log(`Seed ${SEED}; ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    process.exit(exitCodeOf(result));
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
