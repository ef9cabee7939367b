import * as path from 'path';
import { exitCodeOf, runMocha } from './runMocha';

/** npm run test:unit — mocha in plain Node over out/test/unit. */
runMocha(path.resolve(__dirname, '..', 'unit'), { timeout: 10_000 }).then(
  (result) => process.exit(exitCodeOf(result)),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
