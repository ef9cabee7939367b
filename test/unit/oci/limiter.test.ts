import * as assert from 'assert';
import { limiter } from '../../../src/core/oci/limiter';

describe('a limiter shared by several lists of calls', () => {
  it('never has more than its limit in flight, runs every call, and passes on failures', async () => {
    const run = limiter(3);
    let inFlight = 0;
    let most = 0;
    const call = (i: number) =>
      run(async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
        inFlight--;
        if (i === 7) {
          throw new Error('seven');
        }
        return i;
      });
    const first = Promise.allSettled(Array.from({ length: 10 }, (_, i) => call(i)));
    const second = Promise.allSettled(Array.from({ length: 10 }, (_, i) => call(i + 10)));
    const results = [...(await first), ...(await second)];
    assert.strictEqual(most, 3);
    assert.strictEqual(results.filter((r) => r.status === 'fulfilled').length, 19);
    assert.strictEqual(((results[7] as PromiseRejectedResult).reason as Error).message, 'seven');
    assert.strictEqual(await run(() => Promise.resolve('after')), 'after', 'the slots are all free again');
  });
});
