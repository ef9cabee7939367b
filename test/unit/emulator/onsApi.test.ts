import * as assert from 'assert';
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from 'oci-ons';
import { buildOciEvent } from '../../../src/core/payloads/ociEvent';
import { startReceiver } from './receiver';
import { sdkError, useEmulator } from './sdkHelpers';

const CREATE = 'com.oraclecloud.objectstorage.createobject';

describe('emulator: ONS topics, subscriptions and deliveries through the real SDK', () => {
  const ctx = useEmulator({ dataset: 'demo' });
  let control: NotificationControlPlaneClient;
  let data: NotificationDataPlaneClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeEach(async () => {
    control = new NotificationControlPlaneClient({ authenticationDetailsProvider: ctx.provider });
    control.endpoint = ctx.emulator.server.url;
    data = new NotificationDataPlaneClient({ authenticationDetailsProvider: ctx.provider });
    data.endpoint = ctx.emulator.server.url;
    receiver = await startReceiver();
  });

  afterEach(async () => {
    control.close();
    data.close();
    await receiver.close();
  });

  const tenancy = () => ctx.emulator.state.tenancy.id;

  async function confirmedSubscription(topicId: string, endpoint = receiver.url) {
    const confirmation = receiver.next();
    const created = await data.createSubscription({
      createSubscriptionDetails: { topicId, compartmentId: tenancy(), protocol: 'CUSTOM_HTTPS', endpoint },
    });
    const request = await confirmation;
    await fetch(request.headers['x-oci-ns-confirmationurl'] as string);
    return { created, request };
  }

  it('creates topics that go CREATING → ACTIVE, and refuses a duplicate name with 409', async () => {
    const topic = await control.createTopic({ createTopicDetails: { name: 'orders', compartmentId: tenancy() } });
    assert.strictEqual(topic.notificationTopic.lifecycleState, 'CREATING');
    await new Promise((r) => setTimeout(r, 350));
    const listed = await control.listTopics({ compartmentId: tenancy() });
    assert.deepStrictEqual(
      listed.items.map((t) => [t.name, t.lifecycleState]),
      [['orders', 'ACTIVE']],
    );
    const duplicate = await sdkError(
      control.createTopic({ createTopicDetails: { name: 'orders', compartmentId: tenancy() } }),
    );
    assert.strictEqual(duplicate.statusCode, 409);
  });

  it('updates a topic’s description with its current ETag, and answers 412 to a stale one', async () => {
    const created = await control.createTopic({ createTopicDetails: { name: 'audit', compartmentId: tenancy() } });
    const updated = await control.updateTopic({
      topicId: created.notificationTopic.topicId,
      ifMatch: created.etag,
      topicAttributesDetails: { description: 'audit events for the SOC' },
    });
    assert.strictEqual(updated.notificationTopic.description, 'audit events for the SOC');
    assert.strictEqual(updated.notificationTopic.name, 'audit');
    assert.notStrictEqual(updated.etag, created.etag);
    const stale = await sdkError(
      control.updateTopic({
        topicId: created.notificationTopic.topicId,
        ifMatch: created.etag,
        topicAttributesDetails: { description: 'overwritten' },
      }),
    );
    assert.deepStrictEqual([stale.statusCode, stale.serviceCode], [412, 'NoEtagMatch']);
    const read = await control.getTopic({ topicId: created.notificationTopic.topicId });
    assert.strictEqual(read.notificationTopic.description, 'audit events for the SOC');
  });

  it('refuses the 101st topic of a compartment with 400 TopicLimitReached', async () => {
    for (let i = 0; i < 100; i++) {
      await control.createTopic({ createTopicDetails: { name: `topic-${i}`, compartmentId: tenancy() } });
    }
    const error = await sdkError(
      control.createTopic({ createTopicDetails: { name: 'one-too-many', compartmentId: tenancy() } }),
    );
    assert.deepStrictEqual([error.statusCode, error.serviceCode], [400, 'TopicLimitReached']);
  });

  it('POSTs a SubscriptionConfirmation to a new HTTPS subscription; its ConfirmationURL activates it', async () => {
    const topic = (await control.createTopic({ createTopicDetails: { name: 'alerts', compartmentId: tenancy() } }))
      .notificationTopic;
    const { created, request } = await confirmedSubscription(topic.topicId);
    assert.strictEqual(created.subscription.lifecycleState, 'PENDING');
    assert.strictEqual(request.method, 'POST');
    assert.strictEqual(request.headers['x-oci-ns-messagetype'], 'SubscriptionConfirmation');
    assert.strictEqual(request.headers['x-oci-ns-topicocid'], topic.topicId);
    assert.strictEqual(request.headers['x-oci-ns-topicname'], 'alerts');
    assert.strictEqual(request.headers['x-oci-ns-subscriptionid'], created.subscription.id);
    assert.strictEqual(
      (JSON.parse(request.body) as { ConfirmationURL: string }).ConfirmationURL,
      request.headers['x-oci-ns-confirmationurl'],
    );
    const read = await data.getSubscription({ subscriptionId: created.subscription.id });
    assert.strictEqual(read.subscription.lifecycleState, 'ACTIVE');
  });

  it('delivers a published message to active subscriptions, with Basic auth from the endpoint URL', async () => {
    const topic = (await control.createTopic({ createTopicDetails: { name: 'ops', compartmentId: tenancy() } }))
      .notificationTopic;
    await confirmedSubscription(topic.topicId, receiver.url.replace('http://', 'http://hook:s3cret@'));
    const delivered = receiver.next();
    await data.publishMessage({ topicId: topic.topicId, messageDetails: { title: 'hi', body: '{"hello":"world"}' } });
    const request = await delivered;
    assert.strictEqual(request.body, '{"hello":"world"}');
    assert.strictEqual(request.headers['x-oci-ns-messagetype'], 'Notification');
    assert.strictEqual(request.headers.authorization, `Basic ${Buffer.from('hook:s3cret').toString('base64')}`);
  });

  it('routes an event through matching rules to their topics’ subscriptions, and not through others', async () => {
    const topic = (await control.createTopic({ createTopicDetails: { name: 'uploads', compartmentId: tenancy() } }))
      .notificationTopic;
    await confirmedSubscription(topic.topicId);
    const rule = (d: string, eventType: string) => ({
      displayName: d,
      compartmentId: tenancy(),
      isEnabled: true,
      condition: JSON.stringify({ eventType, data: { additionalDetails: { bucketName: 'invoices' } } }),
      actions: { actions: [{ actionType: 'ONS', isEnabled: true, topicId: topic.topicId }] },
    });
    await ctx.events.createRule({ createRuleDetails: rule('uploads', CREATE) });
    await ctx.events.createRule({
      createRuleDetails: rule('deletes', 'com.oraclecloud.objectstorage.deleteobject'),
    });
    const child = [...ctx.emulator.state.compartments.values()].find((c) => c.name === 'apps-prod')!;
    const event = buildOciEvent({
      eventType: CREATE,
      compartmentId: child.id,
      additionalDetails: { bucketName: 'invoices' },
    });
    const delivered = receiver.next();
    const response = await fetch(`${ctx.emulator.server.url}/_emulator/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    const result = (await response.json()) as { matchedRules: { displayName: string; topics: string[] }[] };
    // The demo's own FAAS rule in apps-prod matches too; a rule of the ancestor (the tenancy) sees the event.
    assert.deepStrictEqual(result.matchedRules.map((r) => [r.displayName, r.topics]).sort(), [
      ['bucket-change-processor', []],
      ['uploads', [topic.topicId]],
    ]);
    const request = await delivered;
    assert.strictEqual((JSON.parse(request.body) as { eventID: string }).eventID, event.eventID);

    // What happened to the message, for Send Through Emulator: each delivery, its status and time.
    const { messages } = (
      result.matchedRules as unknown as { displayName: string; messages: { messageId: string }[] }[]
    ).find((r) => r.displayName === 'uploads')!;
    const deliveries = async () =>
      (
        (await (
          await fetch(`${ctx.emulator.server.url}/_emulator/deliveries?messageId=${messages[0].messageId}`)
        ).json()) as { items: { state: string; endpoint: string; attempts: { status: number; ms: number }[] }[] }
      ).items;
    let items = await deliveries();
    for (let i = 0; i < 50 && items[0]?.state !== 'delivered'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      items = await deliveries();
    }
    assert.deepStrictEqual(
      items.map((d) => [d.state, d.endpoint, d.attempts.map((a) => a.status)]),
      [['delivered', receiver.url, [200]]],
    );
    assert.ok(items[0].attempts[0].ms >= 0);
    const missing = await fetch(`${ctx.emulator.server.url}/_emulator/deliveries`);
    assert.strictEqual(missing.status, 400);
  });
});
