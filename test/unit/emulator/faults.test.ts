import * as assert from 'assert';
import * as http from 'http';
import { AddressInfo } from 'net';
import { NoRetryConfigurationDetails } from 'oci-common';
import { IdentityClient } from 'oci-identity';
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from 'oci-ons';
import { sdkError, useEmulator } from './sdkHelpers';

describe('emulator: faults and delivery retries', () => {
  const ctx = useEmulator({ dataset: 'demo', timeScale: 0.0001 });

  async function setFaults(settings: Record<string, number>): Promise<Response> {
    return fetch(`${ctx.emulator.server.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
  }

  it('answers 429 TooManyRequests when asked to at run time', async () => {
    assert.strictEqual((await setFaults({ fault429Every: 1 })).status, 200);
    // The SDK retries 429 by itself; this client must see the answer.
    const once = new IdentityClient(
      { authenticationDetailsProvider: ctx.provider },
      { retryConfiguration: NoRetryConfigurationDetails },
    );
    once.endpoint = ctx.emulator.server.url;
    const error = await sdkError(once.getTenancy({ tenancyId: ctx.emulator.state.tenancy.id }));
    once.close();
    assert.strictEqual(error.statusCode, 429);
    assert.strictEqual(error.serviceCode, 'TooManyRequests');
    await setFaults({ fault429Every: 0 });
    assert.ok((await ctx.identity.getTenancy({ tenancyId: ctx.emulator.state.tenancy.id })).tenancy.name);
  });

  it('refuses fault settings out of range', async () => {
    const response = await setFaults({ fault5xxRate: 2 });
    assert.strictEqual(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /from 0 to 1/);
  });

  it('retries a failed delivery on the backoff schedule until the endpoint accepts it', async () => {
    let calls = 0;
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    const receiver = http.createServer((req, res) => {
      req.resume();
      calls++;
      // Refuse the first delivery and its immediate retry; accept the one after the first backoff.
      res.writeHead(calls <= 2 ? 503 : 200).end();
      if (calls === 3) resolveDone();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const control = new NotificationControlPlaneClient({ authenticationDetailsProvider: ctx.provider });
    const data = new NotificationDataPlaneClient({ authenticationDetailsProvider: ctx.provider });
    control.endpoint = data.endpoint = ctx.emulator.server.url;
    try {
      const tenancy = ctx.emulator.state.tenancy.id;
      const topic = (await control.createTopic({ createTopicDetails: { name: 'retries', compartmentId: tenancy } }))
        .notificationTopic;
      await data.createSubscription({
        createSubscriptionDetails: {
          topicId: topic.topicId,
          compartmentId: tenancy,
          protocol: 'CUSTOM_HTTPS',
          endpoint: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        },
      });
      await done;
      assert.strictEqual(calls, 3);
    } finally {
      control.close();
      data.close();
      await new Promise((r) => receiver.close(r));
    }
  });
});
