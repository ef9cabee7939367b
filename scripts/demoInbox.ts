import { randomBytes } from 'crypto';
import type { Emulator } from '../src/emulator/emulator';
import type { Subscription, Topic } from '../src/emulator/store/model';
import { ocid } from '../src/emulator/store/ocids';
import { etagOf } from '../src/emulator/store/state';
import { freePort } from '../test/harness/codeServer';
import { updateMachineSettings } from './demoHome';

/** The demo tenancy's topic that its instance rule notifies: Test Against Emulator on that rule reaches the inbox. */
export const DEMO_INBOX_TOPIC = 'infra-alerts';

/**
 * Makes the demo window's Webhook Inbox start with the extension on a fixed port, subscribed to
 * the demo topic. The subscription is put ACTIVE into the emulator's state in this process
 * rather than created through its API: through the API, the emulator would send the
 * confirmation at once, before code-server, the extension and so the inbox are up, and retry
 * only minutes later. A fixed port (written as machine settings, with `startOnActivation`) keeps
 * the subscription's endpoint valid whenever the inbox starts. Returns the inbox's URL.
 */
export async function subscribeDemoInbox(userDataDir: string, emulator: Emulator): Promise<string> {
  // Free now; the inbox binds it a few seconds later, when the window opens.
  const port = await freePort();
  updateMachineSettings(userDataDir, { 'oew.inbox.port': port, 'oew.inbox.startOnActivation': true });
  const url = `http://127.0.0.1:${port}`;
  const topic = demoTopic(emulator);
  const subscription: Subscription = {
    id: ocid('onssubscription', `${DEMO_INBOX_TOPIC}/inbox`, 'iad'),
    topicId: topic.topicId,
    protocol: 'CUSTOM_HTTPS',
    endpoint: `${url}/ons/${DEMO_INBOX_TOPIC}`,
    lifecycleState: 'ACTIVE',
    compartmentId: topic.compartmentId,
    createdTime: Date.now(),
    deliverPolicy: JSON.stringify({ backoffRetryPolicy: { maxRetryDuration: 7_200_000, policyType: 'EXPONENTIAL' } }),
    freeformTags: {},
    definedTags: {},
  };
  emulator.state.subscriptions.set(subscription.id, {
    value: subscription,
    etag: etagOf(subscription),
    confirmationToken: randomBytes(24).toString('hex'),
  });
  await emulator.state.onChange();
  return url;
}

/** An instance launch in the compartment of the demo topic, which the demo's instance rule sends to it. */
export async function emitInstanceEvent(emulator: Emulator): Promise<void> {
  const topic = demoTopic(emulator);
  const response = await fetch(`${emulator.server.url}/_emulator/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventType: 'com.oraclecloud.computeapi.launchinstance.end',
      cloudEventsVersion: '0.1',
      eventTypeVersion: '2.0',
      source: 'ComputeApi',
      eventTime: new Date().toISOString(),
      contentType: 'application/json',
      eventID: 'demo-launch',
      extensions: { compartmentId: topic.compartmentId },
      data: { compartmentId: topic.compartmentId, resourceName: 'demo-instance' },
    }),
  });
  if (!response.ok) {
    throw new Error(`The emulator refused the demo event: ${response.status} ${await response.text()}`);
  }
}

function demoTopic(emulator: Emulator): Topic {
  const topic = [...emulator.state.topics.values()].find((t) => t.value.name === DEMO_INBOX_TOPIC)?.value;
  if (!topic) {
    throw new Error(`The demo tenancy has no topic ${DEMO_INBOX_TOPIC}.`);
  }
  return topic;
}
