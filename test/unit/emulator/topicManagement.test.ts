import * as assert from 'assert';
import { UserError } from '../../../src/core/errors/userError';
import { OciClients } from '../../../src/core/oci/ociClients';
import { MAX_MESSAGE_BYTES } from '../../../src/core/ons/messageSize';
import { startReceiver } from './receiver';
import { emulatorClients, useEmulator } from './sdkHelpers';

const noWait = { sleep: () => Promise.resolve() };

describe('topics and subscriptions managed through the client layer, against the emulator', () => {
  const ctx = useEmulator({ dataset: 'demo' });
  let clients: OciClients;
  beforeEach(async () => {
    clients = await emulatorClients(ctx.emulator);
  });
  afterEach(() => clients.close());

  const root = () => ctx.emulator.state.tenancy.id;
  const refusal = async (call: Promise<unknown>): Promise<UserError> => {
    const err = await call.then(
      () => assert.fail('expected a refusal'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof UserError, String(err));
    return err;
  };

  it('creates a topic, and explains a name already taken and a full compartment', async () => {
    const topic = await clients.createTopic(root(), 'orders', 'Order events');
    assert.strictEqual(topic.name, 'orders');
    const taken = await refusal(clients.createTopic(root(), 'orders', undefined, noWait));
    assert.match(taken.message, /refused to create topic orders: A topic named orders already exists/);
    assert.match(taken.nextStep, /another name/);
    for (let i = 0; i < 99; i++) {
      await clients.createTopic(root(), `filler-${i}`);
    }
    const full = await refusal(clients.createTopic(root(), 'one-too-many', undefined, noWait));
    assert.match(full.message, /as many topics as its limit allows/);
    assert.match(full.nextStep, /another compartment/);
  });

  it('subscribes a local endpoint, which gets the confirmation; a resend sends it again', async () => {
    const receiver = await startReceiver();
    try {
      const topic = await clients.createTopic(root(), 'local-hooks');
      const first = receiver.next();
      const subscription = await clients.createSubscription({
        compartmentId: root(),
        topicId: topic.topicId,
        protocol: 'CUSTOM_HTTPS',
        endpoint: receiver.url,
      });
      assert.strictEqual(subscription.lifecycleState, 'PENDING');
      assert.strictEqual((await first).headers['x-oci-ns-messagetype'], 'SubscriptionConfirmation');
      const again = receiver.next();
      await clients.resendConfirmation(subscription.id);
      assert.strictEqual((await again).headers['x-oci-ns-subscriptionid'], subscription.id);
    } finally {
      await receiver.close();
    }
  });

  it('publishes a message to confirmed subscriptions, and the service refuses one over 64 KB', async () => {
    const receiver = await startReceiver();
    try {
      const topic = await clients.createTopic(root(), 'published');
      const confirmation = receiver.next();
      await clients.createSubscription({
        compartmentId: root(),
        topicId: topic.topicId,
        protocol: 'CUSTOM_HTTPS',
        endpoint: receiver.url,
      });
      const url = (JSON.parse((await confirmation).body) as { ConfirmationURL: string }).ConfirmationURL;
      assert.strictEqual((await fetch(url)).status, 200);
      const delivery = receiver.next();
      const result = await clients.publishMessage(topic.topicId, { title: 'Hello', body: 'a test message' });
      assert.ok(result.messageId);
      assert.strictEqual((await delivery).body, 'a test message');
      const big = await refusal(clients.publishMessage(topic.topicId, { body: 'x'.repeat(MAX_MESSAGE_BYTES + 1) }));
      assert.match(big.message, /at most 64 KB \(65536 bytes\)/);
    } finally {
      await receiver.close();
    }
  });

  it('deletes with the ETag it listed, and refuses when someone changed the topic since', async () => {
    const topic = await clients.createTopic(root(), 'to-delete');
    const [listed] = (await clients.topicsPage(root())).items.filter((t) => t.name === 'to-delete');
    assert.ok(listed.etag);
    await clients.onsControl.updateTopic({
      topicId: topic.topicId,
      topicAttributesDetails: { description: 'changed' },
    });
    const stale = await refusal(clients.deleteTopic(topic.topicId, listed.etag));
    assert.match(stale.message, /Someone else changed it/);
    const [fresh] = (await clients.topicsPage(root())).items.filter((t) => t.name === 'to-delete');
    await clients.deleteTopic(topic.topicId, fresh.etag);
    assert.deepStrictEqual(
      (await clients.topicsPage(root())).items.filter((t) => t.name === 'to-delete'),
      [],
    );
  });

  it('deletes a subscription with the ETag it listed', async () => {
    const topic = await clients.createTopic(root(), 'mail');
    const subscription = await clients.createSubscription({
      compartmentId: root(),
      topicId: topic.topicId,
      protocol: 'EMAIL',
      endpoint: 'dev@example.com',
    });
    const listed = (await clients.subscriptionsPage(root(), topic.topicId)).items.find((s) => s.id === subscription.id);
    assert.ok(listed?.etag);
    await clients.deleteSubscription(subscription.id, listed.etag);
    const after = (await clients.subscriptionsPage(root(), topic.topicId)).items;
    assert.strictEqual(
      after.some((s) => s.id === subscription.id),
      false,
    );
  });
});
