import { runVscodeSuite } from './runVscodeTests';

/**
 * npm run test:harness — proves that the launcher can fail: it runs a suite with a failing
 * test on purpose and passes only if the launcher reports the failure.
 */
runVscodeSuite('selftest').then(
  (code) => {
    if (code === 0) {
      console.error('harness self-test: the launcher passed a suite with a failing test');
      process.exit(1);
    }
    console.log('harness self-test: the launcher failed the failing suite, as it must');
    console.log('harness self-test: 1 passed, 0 failed');
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
