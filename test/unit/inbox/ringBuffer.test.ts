import * as assert from 'assert';
import { RingBuffer } from '../../../src/core/inbox/ringBuffer';

describe('inbox: ring buffer', () => {
  it('keeps the newest items in order and hands back the one it drops', () => {
    const ring = new RingBuffer<number>(3);
    assert.deepStrictEqual(
      [1, 2, 3, 4, 5].map((n) => ring.push(n)),
      [undefined, undefined, undefined, 1, 2],
    );
    assert.deepStrictEqual(ring.toArray(), [3, 4, 5]);
    assert.strictEqual(ring.size, 3);
  });

  it('starts over after clear()', () => {
    const ring = new RingBuffer<string>(2);
    ['a', 'b', 'c'].forEach((s) => ring.push(s));
    ring.clear();
    assert.deepStrictEqual(ring.toArray(), []);
    ring.push('d');
    assert.deepStrictEqual(ring.toArray(), ['d']);
  });

  it('refuses a capacity that could hold nothing', () => {
    assert.throws(() => new RingBuffer(0), RangeError);
    assert.throws(() => new RingBuffer(2.5), RangeError);
  });
});
