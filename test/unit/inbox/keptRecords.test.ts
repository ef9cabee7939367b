import * as assert from 'assert';
import { InboxRecord } from '../../../src/core/inbox/inboxRecord';
import { KeptRecords } from '../../../src/core/inbox/keptRecords';

function record(seq: number, bodyBytes = 1, id = `id-${seq}`): InboxRecord {
  return {
    id,
    seq,
    time: '2026-01-01T00:00:00.000Z',
    method: 'POST',
    path: `/${seq}`,
    query: {},
    headers: {},
    body: Buffer.alloc(bodyBytes),
    bodySize: bodyBytes,
    bodyTruncated: false,
    response: { status: 200 },
  };
}

const seqs = (kept: KeptRecords) => kept.all().map((r) => r.seq);

describe('inbox: the records it keeps', () => {
  it('keeps the newest up to its capacity, oldest first', () => {
    const kept = new KeptRecords({ capacity: 3, maxBodyBytes: 10, maxTotalBodyBytes: 100 });
    [1, 2, 3, 4, 5].forEach((seq) => kept.add(record(seq)));
    assert.deepStrictEqual(seqs(kept), [3, 4, 5]);
    assert.strictEqual(kept.get('id-2'), undefined);
  });

  it('keeps only as many bodies as fit in the total, and always the newest one', () => {
    const kept = new KeptRecords({ capacity: 100, maxBodyBytes: 60, maxTotalBodyBytes: 100 });
    [1, 2, 3, 4].forEach((seq) => kept.add(record(seq, 40)));
    assert.deepStrictEqual(seqs(kept), [3, 4]);
    kept.add(record(5, 150));
    assert.deepStrictEqual(seqs(kept), [5], 'a body over the total alone is still kept');
  });

  it('replaces a record read again in place, and leaves out a later line of one pushed out', () => {
    const kept = new KeptRecords({ capacity: 2, maxBodyBytes: 10, maxTotalBodyBytes: 100 });
    [1, 2].forEach((seq) => kept.add(record(seq)));
    const again = record(1);
    kept.add(again);
    assert.deepStrictEqual(seqs(kept), [1, 2]);
    assert.ok(kept.has(again));
    kept.add(record(3));
    kept.add(record(1));
    assert.deepStrictEqual(seqs(kept), [2, 3]);
  });

  it('starts over after clear()', () => {
    const kept = new KeptRecords({ capacity: 2, maxBodyBytes: 10, maxTotalBodyBytes: 100 });
    kept.add(record(1));
    kept.clear();
    kept.add(record(2));
    assert.deepStrictEqual(seqs(kept), [2]);
  });
});
