import * as assert from 'assert';
import { stats } from '../../../scripts/benchStats';
import { met, table } from '../../../scripts/benchResults';

describe('the benchmark statistics', () => {
  it('gives the median, p90 and p95 of a known list by nearest rank, whatever its order', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20, 19, …, 1
    assert.deepStrictEqual(stats(samples), { n: 20, median: 10.5, p90: 18, p95: 19, min: 1, max: 20 });
    assert.deepStrictEqual(stats([7, 1, 3]), { n: 3, median: 3, p90: 7, p95: 7, min: 1, max: 7 });
    assert.deepStrictEqual(stats([5]), { n: 1, median: 5, p90: 5, p95: 5, min: 5, max: 5 });
    assert.throws(() => stats([]), /at least one sample/);
  });

  it('marks a missed target as missed, and gives the ratio to the baseline of the same run', () => {
    const row = {
      bench: 'conditions',
      figure: '10k events × 100 rules',
      value: 250,
      unit: 'ms' as const,
      target: { atMost: 200 },
      baseline: { label: 'string compares', value: 50 },
    };
    assert.strictEqual(met(row), false);
    assert.strictEqual(met({ ...row, value: 150 }), true);
    assert.strictEqual(met({ ...row, target: undefined }), undefined);
    const [, , line] = table([row]).split('\n');
    assert.strictEqual(
      line,
      '| conditions | 10k events × 100 rules | 250 ms (missed) | ≤ 200 ms | string compares: 50.0 ms | 5.00× |',
    );
  });
});
