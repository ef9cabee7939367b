import * as assert from 'assert';
import { RETRY_TOKEN_TTL_MS, RetryTokenCache } from '../../../src/emulator/store/retryTokenCache';

describe('The emulator’s retry tokens', () => {
  it('replays the first answer to a token for 24 hours, as OCI does, and forgets it after', () => {
    const cache = new RetryTokenCache<string>();
    cache.set('createRule t1', 'rule A', 0);
    assert.strictEqual(cache.get('createRule t1', RETRY_TOKEN_TTL_MS - 1), 'rule A');
    assert.strictEqual(cache.get('createRule t1', RETRY_TOKEN_TTL_MS - 1 + RETRY_TOKEN_TTL_MS), undefined);
    assert.strictEqual(cache.size, 0, 'an expired token is dropped, not kept');
  });

  it('keeps at most its bound, forgetting the least recently used token first', () => {
    const cache = new RetryTokenCache<number>(3);
    cache.set('a', 1, 0);
    cache.set('b', 2, 1);
    cache.set('c', 3, 2);
    assert.strictEqual(cache.get('a', 3), 1, 'a retry of a makes it recent');
    cache.set('d', 4, 4);
    assert.strictEqual(cache.size, 3);
    assert.strictEqual(cache.get('b', 5), undefined, 'b was the least recently used');
    assert.deepStrictEqual(
      ['a', 'c', 'd'].map((k) => cache.get(k, 6)),
      [1, 3, 4],
    );
  });

  it('stays bounded however many distinct tokens a client sends', () => {
    const cache = new RetryTokenCache<number>(1000);
    for (let i = 0; i < 50_000; i++) {
      cache.set(`token ${i}`, i, i);
    }
    assert.strictEqual(cache.size, 1000);
    assert.strictEqual(cache.get('token 49999', 50_000), 49_999);
  });

  it('drops expired tokens as new ones arrive, so a quiet emulator does not keep a day-old crowd', () => {
    const cache = new RetryTokenCache<number>(100, 1000);
    for (let i = 0; i < 50; i++) {
      cache.set(`old ${i}`, i, 0);
    }
    cache.set('new', 1, 5000);
    assert.strictEqual(cache.size, 1);
  });
});
