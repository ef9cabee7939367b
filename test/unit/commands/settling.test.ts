import * as assert from 'assert';
import { isTransitional, settleDelay, SETTLE_LIMIT_MS } from '../../../src/core/tenancy/settling';

describe('polling a resource until OCI settles it', () => {
  it('polls only states that change by themselves', () => {
    for (const state of ['CREATING', 'UPDATING', 'DELETING', 'PENDING']) {
      assert.ok(isTransitional(state), state);
    }
    for (const state of ['ACTIVE', 'INACTIVE', 'FAILED', 'DELETED', undefined]) {
      assert.ok(!isTransitional(state), String(state));
    }
  });

  it('backs off from a second to at most 30 s, and gives up after ten minutes', () => {
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => settleDelay(attempt, 0)),
      [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000],
    );
    assert.strictEqual(settleDelay(30, SETTLE_LIMIT_MS - 30_000), 30_000);
    assert.strictEqual(settleDelay(30, SETTLE_LIMIT_MS - 29_999), undefined);
  });
});
