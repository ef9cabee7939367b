import * as assert from 'assert';
import { OutgoingRequest } from '../../../src/core/http/outgoingRequest';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { Inbox, InboxOptions } from '../../../src/core/inbox/inboxTypes';
import {
  buildCloudpodsEvent,
  buildCloudpodsValidate,
  buildCloudpodsVerify,
} from '../../../src/core/payloads/cloudpods';
import { buildOnsNotification, buildSubscriptionConfirmation } from '../../../src/core/payloads/ons';
import { sendRequest } from '../../../src/core/http/sender';
import { nextEvent, request, startTarget, Target, useCleanup } from './httpHelpers';

const TOPIC = {
  topicId: 'ocid1.onstopic.oc1.iad.aaaa',
  topicName: 'orders',
  unsubscribeUrl: 'https://cell1.notification.us-ashburn-1.oci.oraclecloud.com/unsubscribe?token=u',
};

function confirmation(confirmationUrl: string) {
  return buildSubscriptionConfirmation({
    ...TOPIC,
    subscriptionId: 'ocid1.onssubscription.oc1.iad.bbbb',
    confirmationUrl,
  });
}

/** Subscribed before the request is sent: a loopback fetch can settle before the caller has its reply. */
const confirmationSettled = (inbox: Inbox) =>
  nextEvent(
    inbox,
    (e) =>
      e.kind === 'updated' &&
      (e.record.confirmation?.outcome === 'confirmed' || e.record.confirmation?.outcome === 'failed'),
  );

describe('inbox: platform handshakes it answers by itself', () => {
  const track = useCleanup();
  let target: Target;
  let sent: OutgoingRequest[];
  /** The sender, noting each request so a test can tell nothing was fetched. */
  const countingSend = (request: OutgoingRequest) => {
    sent.push(request);
    return sendRequest(request);
  };
  const start = async (options: Partial<InboxOptions> = {}) =>
    track(await startInbox({ send: countingSend, response: { status: 500 }, ...options }));

  beforeEach(async () => {
    sent = [];
    target = track(await startTarget());
  });

  it('answers an ONS confirmation 200 despite a configured 500, and fetches a loopback ConfirmationURL', async () => {
    const inbox = await start();
    const delivery = confirmation(`${target.url}/20181201/subscriptions/s1/confirmation?token=abc`);
    const fetched = target.next();
    const settled = confirmationSettled(inbox);
    const reply = await request(`${inbox.url}/ons`, { headers: delivery.headers, body: delivery.body });
    assert.strictEqual(reply.status, 200);
    const [record] = inbox.records();
    const hit = await fetched;
    assert.strictEqual(hit.method, 'GET');
    assert.strictEqual(hit.url, '/20181201/subscriptions/s1/confirmation?token=abc');
    await settled;
    assert.deepStrictEqual(record.response, { status: 200, autoAnswer: 'ons-confirmation' });
    assert.deepStrictEqual(record.confirmation, {
      url: `${target.url}/20181201/subscriptions/s1/confirmation?token=abc`,
      outcome: 'confirmed',
      status: 200,
    });
  });

  it('finds the ConfirmationURL in the body when the header is missing', async () => {
    const inbox = await start();
    const delivery = confirmation(`${target.url}/confirm-from-body`);
    const headers = Object.fromEntries(
      Object.entries(delivery.headers).filter(([name]) => name !== 'X-OCI-NS-ConfirmationURL'),
    );
    const fetched = target.next();
    assert.strictEqual((await request(`${inbox.url}/ons`, { headers, body: delivery.body })).status, 200);
    assert.strictEqual((await fetched).url, '/confirm-from-body');
  });

  it('does not fetch a ConfirmationURL elsewhere until confirm() is called', async () => {
    const inbox = await start({
      // Stands in for the network: example.com is served by the local target.
      send: (request) => countingSend({ ...request, url: request.url.replace('https://example.com', target.url) }),
    });
    const delivery = confirmation('https://example.com/confirm?token=xyz');
    const reply = await request(`${inbox.url}/ons`, { headers: delivery.headers, body: delivery.body });
    assert.strictEqual(reply.status, 200);
    const [record] = inbox.records();
    assert.deepStrictEqual(record.confirmation, {
      url: 'https://example.com/confirm?token=xyz',
      outcome: 'needs-approval',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.strictEqual(sent.length, 0);
    assert.strictEqual(target.received.length, 0);

    const outcome = await inbox.confirm(record.id);
    assert.deepStrictEqual(outcome, {
      url: 'https://example.com/confirm?token=xyz',
      outcome: 'confirmed',
      status: 200,
    });
    assert.strictEqual(target.received[0].url, '/confirm?token=xyz');
    assert.deepStrictEqual(record.confirmation, outcome);
  });

  it('reports a ConfirmationURL that does not answer 2xx as failed', async () => {
    const refusing = track(await startTarget({ status: 404 }));
    const inbox = await start();
    const delivery = confirmation(`${refusing.url}/expired`);
    const settled = confirmationSettled(inbox);
    await request(`${inbox.url}/ons`, { headers: delivery.headers, body: delivery.body });
    const [record] = inbox.records();
    await settled;
    assert.deepStrictEqual(record.confirmation, {
      url: `${refusing.url}/expired`,
      outcome: 'failed',
      status: 404,
      error: 'The ConfirmationURL answered 404.',
    });
  });

  it('gives an ONS confirmation the configured status when its auto-answer is off; confirm() still works', async () => {
    const inbox = await start({ autoAnswer: { onsConfirmation: false } });
    const delivery = confirmation(`${target.url}/later`);
    assert.strictEqual(
      (await request(`${inbox.url}/ons`, { headers: delivery.headers, body: delivery.body })).status,
      500,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [record] = inbox.records();
    assert.strictEqual(record.confirmation, undefined);
    assert.strictEqual(target.received.length, 0);
    assert.strictEqual((await inbox.confirm(record.id)).outcome, 'confirmed');
    assert.strictEqual(target.received[0].url, '/later');
  });

  it('gives ordinary ONS notifications and Cloudpods events the configured status', async () => {
    const inbox = await start();
    const notification = buildOnsNotification({ ...TOPIC, body: '{"eventType":"com.oraclecloud.x"}' });
    assert.strictEqual((await request(`${inbox.url}/ons`, notification)).status, 500);
    const event = buildCloudpodsEvent(`${inbox.url}/cp`, { resourceType: 'host', action: 'update' });
    assert.strictEqual((await request(event.url, { headers: event.headers, body: event.body })).status, 500);
    assert.deepStrictEqual(
      inbox.records().map((r) => r.response),
      [{ status: 500 }, { status: 500 }],
    );
  });

  it('answers Cloudpods VALIDATE and verification calls 200 despite a configured 500', async () => {
    const inbox = await start();
    for (const call of [buildCloudpodsValidate(`${inbox.url}/cp`), buildCloudpodsVerify(`${inbox.url}/cp`)]) {
      assert.strictEqual((await request(call.url, { headers: call.headers, body: call.body })).status, 200);
    }
    assert.deepStrictEqual(
      inbox.records().map((r) => r.response),
      [
        { status: 200, autoAnswer: 'cloudpods-validate' },
        { status: 200, autoAnswer: 'cloudpods-verify' },
      ],
    );
  });

  it('gives Cloudpods handshakes the configured status when their auto-answer is off', async () => {
    const inbox = await start();
    inbox.configure({ autoAnswer: { cloudpods: false } });
    for (const call of [buildCloudpodsValidate(`${inbox.url}/cp`), buildCloudpodsVerify(`${inbox.url}/cp`)]) {
      assert.strictEqual((await request(call.url, { headers: call.headers, body: call.body })).status, 500);
    }
    assert.ok(inbox.records().every((r) => r.response.autoAnswer === undefined));
  });
});
