import * as assert from 'assert';
import { describeGrowth, measureGrowth } from './growth';

describe('measureGrowth', () => {
  it('tells a linear scan from a quadratic one', () => {
    const input = (n: number) => Array.from({ length: n }, (_, i) => i);
    let sink = 0;
    const linear = measureGrowth([4000, 8000, 16000, 32000], input, (xs) => {
      for (const x of xs) sink += x;
    });
    const quadratic = measureGrowth([250, 500, 1000, 2000], input, (xs) => {
      for (const x of xs) for (const y of xs) sink += x ^ y;
    });
    assert.ok(sink !== 0.5);
    assert.ok(linear.slope < 1.5, describeGrowth(linear));
    assert.ok(quadratic.slope > 1.6, describeGrowth(quadratic));
  });
});
