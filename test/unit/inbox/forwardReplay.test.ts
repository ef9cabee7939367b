import * as assert from 'assert';
import { isUserError } from '../../../src/core/errors/userError';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { InboxOptions } from '../../../src/core/inbox/inboxTypes';
import { sendRequest } from '../../../src/core/http/sender';
import { nextEvent, request, startTarget, useCleanup } from './httpHelpers';

describe('inbox: forwarding and replay', () => {
  const track = useCleanup();
  const start = async (options: Partial<InboxOptions> = {}) =>
    track(await startInbox({ send: sendRequest, ...options }));

  it('forwards each request with its path, query, headers and body, without making the caller wait', async () => {
    const slow = track(await startTarget({ status: 201, delayMs: 1_000 }));
    const inbox = await start({ forwardTo: `${slow.url}/base/` });
    const arrived = slow.next();
    const outcome = nextEvent(inbox, (e) => e.kind === 'updated');
    const reply = await request(`${inbox.url}/hooks/ons?x=1&y=two`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-oci-ns-messageid': 'm-1', connection: 'keep-alive' },
      body: '{"eventType":"com.oraclecloud.objectstorage.createobject"}',
    });
    assert.strictEqual(reply.status, 200);
    const [record] = inbox.records();
    // The target holds its answer for a second; the caller already has the inbox's.
    assert.strictEqual(record.forward, undefined);

    const forwarded = await arrived;
    assert.strictEqual(forwarded.method, 'PUT');
    assert.strictEqual(forwarded.url, '/base/hooks/ons?x=1&y=two');
    assert.strictEqual(forwarded.headers['x-oci-ns-messageid'], 'm-1');
    assert.strictEqual(forwarded.headers['content-type'], 'application/json');
    assert.strictEqual(forwarded.headers.host, new URL(slow.url).host);
    assert.strictEqual(forwarded.body.toString(), '{"eventType":"com.oraclecloud.objectstorage.createobject"}');

    await outcome;
    assert.deepStrictEqual(record.forward, { url: `${slow.url}/base/hooks/ons?x=1&y=two`, status: 201 });
  });

  it('records why a forward failed', async () => {
    const gone = await startTarget();
    await gone.close();
    const inbox = await start();
    inbox.configure({ forwardTo: gone.url });
    const failed = nextEvent(inbox, (e) => e.kind === 'updated');
    await request(`${inbox.url}/hook`, { body: 'x' });
    const [record] = inbox.records();
    await failed;
    assert.strictEqual(record.forward?.url, `${gone.url}/hook`);
    assert.ok(record.forward && 'error' in record.forward && record.forward.error.length > 0);
  });

  it('stops forwarding when forwardTo is set to null', async () => {
    const target = track(await startTarget());
    const inbox = await start({ forwardTo: target.url });
    inbox.configure({ forwardTo: null });
    await request(`${inbox.url}/hook`, { body: 'x' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.strictEqual(target.received.length, 0);
    assert.strictEqual(inbox.records()[0].forward, undefined);
  });

  it('replays a recorded request to another URL', async () => {
    const target = track(await startTarget({ status: 202 }));
    const inbox = await start();
    await request(`${inbox.url}/original?q=1`, {
      headers: { 'content-type': 'text/plain', 'x-auth-token': 'abc123' },
      body: 'the same bytes',
    });
    const [record] = inbox.records();
    const result = await inbox.replay(record.id, `${target.url}/replayed`);
    assert.strictEqual(result.status, 202);
    const [replayed] = target.received;
    assert.strictEqual(replayed.method, 'POST');
    assert.strictEqual(replayed.url, '/replayed');
    assert.strictEqual(replayed.headers['x-auth-token'], 'abc123');
    assert.strictEqual(replayed.headers['content-type'], 'text/plain');
    assert.strictEqual(replayed.body.toString(), 'the same bytes');
  });

  it('refuses to replay or forward a body it only kept part of', async () => {
    const target = track(await startTarget());
    const inbox = await start({ maxBodyBytes: 10, forwardTo: target.url });
    const forwarded = nextEvent(inbox, (e) => e.kind === 'updated');
    await request(`${inbox.url}/big`, { body: 'x'.repeat(100) });
    const [record] = inbox.records();
    await assert.rejects(inbox.replay(record.id, target.url), isUserError);
    await forwarded;
    assert.ok(record.forward && 'error' in record.forward);
    assert.strictEqual(target.received.length, 0);
  });

  it('refuses to replay a record it no longer has', async () => {
    const inbox = await start();
    await assert.rejects(inbox.replay('no-such-id', 'http://127.0.0.1:1/'), isUserError);
  });
});
