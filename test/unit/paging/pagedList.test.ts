import * as assert from 'assert';
import { Page, PagedList } from '../../../src/core/paging/pagedList';

/** A listing of `total` numbers served `size` at a time, counting calls and able to fail or stall once. */
function listing(total: number, size: number) {
  const calls: (string | undefined)[] = [];
  let failNext = false;
  let release: (() => void) | undefined;
  const fetch = async (page: string | undefined): Promise<Page<number>> => {
    calls.push(page);
    if (release === null) {
      await new Promise<void>((r) => (release = r));
    }
    if (failNext) {
      failNext = false;
      throw new Error('503 from the service');
    }
    const start = Number(page ?? 0);
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    return { items, ...(start + size < total ? { nextPage: String(start + size) } : {}) };
  };
  return {
    fetch,
    calls,
    failOnce: () => (failNext = true),
    stallNext: () => (release = null as unknown as undefined),
    release: () => release?.(),
  };
}

describe('PagedList: what a tree parent loads behind "Load more"', () => {
  it('loads a page per call until the last, then says there is no more', async () => {
    const source = listing(120, 50);
    const list = new PagedList(source.fetch);
    assert.strictEqual(list.hasMore, true);
    await list.loadMore();
    assert.strictEqual(list.items.length, 50);
    assert.strictEqual(list.hasMore, true);
    await list.loadMore();
    await list.loadMore();
    assert.deepStrictEqual(
      list.items,
      Array.from({ length: 120 }, (_, i) => i),
    );
    assert.strictEqual(list.hasMore, false);
    await list.loadMore();
    assert.deepStrictEqual(source.calls, [undefined, '50', '100'], 'no call after the last page');
  });

  it('shares one load between two clicks made while it runs', async () => {
    const source = listing(120, 50);
    const list = new PagedList(source.fetch);
    await Promise.all([list.loadMore(), list.loadMore()]);
    assert.strictEqual(source.calls.length, 1);
    assert.strictEqual(list.items.length, 50);
  });

  it('keeps what it had and the error when a page fails, and retries that page next', async () => {
    const source = listing(120, 50);
    const list = new PagedList(source.fetch);
    await list.loadMore();
    source.failOnce();
    await list.loadMore();
    assert.match(String(list.error), /503/);
    assert.strictEqual(list.items.length, 50);
    await list.loadMore();
    assert.strictEqual(list.error, undefined);
    assert.strictEqual(list.items.length, 100);
    assert.deepStrictEqual(source.calls, [undefined, '50', '50']);
  });

  it('drops a page that arrives after a reset', async () => {
    const source = listing(120, 50);
    const list = new PagedList(source.fetch);
    source.stallNext();
    const late = list.loadMore();
    await new Promise((r) => setImmediate(r));
    list.reset();
    source.release();
    await late;
    assert.deepStrictEqual(list.items, []);
    assert.strictEqual(list.isLoading, false);
    await list.loadMore();
    assert.strictEqual(list.items.length, 50);
  });
});
