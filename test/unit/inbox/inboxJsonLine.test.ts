import * as assert from 'assert';
import { inboxJsonLine } from '../../../src/core/inbox/inboxJsonLine';
import { InboxRecord } from '../../../src/core/inbox/inboxRecord';

function record(body: Buffer): InboxRecord {
  return {
    id: 'r1',
    seq: 1,
    time: '2026-01-02T03:04:05.000Z',
    method: 'POST',
    path: '/hook',
    query: { a: '1' },
    headers: { 'content-type': 'application/json' },
    body,
    bodySize: body.length,
    bodyTruncated: false,
    response: { status: 200 },
  };
}

describe('inbox: the JSON line of `oew inbox`', () => {
  it('shows a UTF-8 body as text', () => {
    const line = inboxJsonLine(record(Buffer.from('{"name":"café ☕"}', 'utf8')));
    assert.deepStrictEqual(line, {
      id: 'r1',
      time: '2026-01-02T03:04:05.000Z',
      method: 'POST',
      path: '/hook',
      query: { a: '1' },
      headers: { 'content-type': 'application/json' },
      body: '{"name":"café ☕"}',
      bodySize: 20,
      bodyTruncated: false,
      response: { status: 200 },
    });
  });

  it('gives bytes that are not UTF-8 as base64 and says so', () => {
    const bytes = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe]);
    const line = inboxJsonLine(record(bytes));
    assert.strictEqual(line.bodyEncoding, 'base64');
    assert.ok(Buffer.from(line.body, 'base64').equals(bytes));
  });

  it('keeps a byte-order mark rather than dropping it', () => {
    const line = inboxJsonLine(record(Buffer.from('\ufeffhello', 'utf8')));
    assert.strictEqual(line.body, '\ufeffhello');
    assert.strictEqual(line.bodyEncoding, undefined);
  });

  it('carries the confirmation and forward outcomes when there are some', () => {
    const line = inboxJsonLine({
      ...record(Buffer.alloc(0)),
      confirmation: { url: 'https://example.com/c', outcome: 'needs-approval' },
      forward: { url: 'http://127.0.0.1:1/hook', error: 'connect ECONNREFUSED' },
    });
    assert.deepStrictEqual(line.confirmation, { url: 'https://example.com/c', outcome: 'needs-approval' });
    assert.deepStrictEqual(line.forward, { url: 'http://127.0.0.1:1/hook', error: 'connect ECONNREFUSED' });
    assert.strictEqual(line.body, '');
  });
});
