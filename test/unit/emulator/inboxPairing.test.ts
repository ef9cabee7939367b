import * as assert from 'assert';
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from 'oci-ons';
import { sendRequest } from '../../../src/core/http/sender';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { Inbox } from '../../../src/core/inbox/inboxTypes';
import { InboxRecord } from '../../../src/core/inbox/inboxRecord';
import { useEmulator } from './sdkHelpers';

/** The inbox as the emulator's subscription endpoint: the whole ONS handshake and a delivery, with no Oracle account. */
describe('emulator and inbox together', () => {
  const ctx = useEmulator({ dataset: 'demo' });
  let inbox: Inbox;
  let control: NotificationControlPlaneClient;
  let data: NotificationDataPlaneClient;

  beforeEach(async () => {
    inbox = await startInbox({ send: sendRequest });
    control = new NotificationControlPlaneClient({ authenticationDetailsProvider: ctx.provider });
    control.endpoint = ctx.emulator.server.url;
    data = new NotificationDataPlaneClient({ authenticationDetailsProvider: ctx.provider });
    data.endpoint = ctx.emulator.server.url;
  });
  afterEach(async () => {
    control.close();
    data.close();
    await inbox.close();
  });

  const until = async <T>(probe: () => Promise<T | undefined> | T | undefined): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('timed out waiting');
  };

  it('confirms the emulator’s subscription by itself, then records the notifications published to the topic', async () => {
    const compartmentId = ctx.emulator.state.tenancy.id;
    const topic = await control.createTopic({ createTopicDetails: { name: 'inbox-pairing', compartmentId } });
    const topicId = topic.notificationTopic.topicId;
    const created = await data.createSubscription({
      createSubscriptionDetails: { topicId, compartmentId, protocol: 'CUSTOM_HTTPS', endpoint: `${inbox.url}/oci` },
    });
    assert.strictEqual(created.subscription.lifecycleState, 'PENDING');

    const confirmation = await until(() =>
      inbox.records().find((r: InboxRecord) => r.confirmation?.outcome === 'confirmed'),
    );
    assert.strictEqual(confirmation.headers['x-oci-ns-messagetype'], 'SubscriptionConfirmation');
    assert.strictEqual(confirmation.response.autoAnswer, 'ons-confirmation');
    const active = await data.getSubscription({ subscriptionId: created.subscription.id });
    assert.strictEqual(active.subscription.lifecycleState, 'ACTIVE');

    await data.publishMessage({ topicId, messageDetails: { title: 'hello', body: '{"eventType":"test"}' } });
    const notification = await until(() =>
      inbox.records().find((r) => r.headers['x-oci-ns-messagetype'] !== 'SubscriptionConfirmation'),
    );
    assert.strictEqual(notification.path, '/oci');
    assert.strictEqual(notification.headers['x-oci-ns-topicname'], 'inbox-pairing');
    assert.strictEqual(notification.body.toString(), '{"eventType":"test"}');
  });
});
