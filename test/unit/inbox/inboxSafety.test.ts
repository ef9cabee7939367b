import * as assert from 'assert';
import { sendRequest } from '../../../src/core/http/sender';
import { startInbox } from '../../../src/core/inbox/inboxServer';
import { buildSubscriptionConfirmation } from '../../../src/core/payloads/ons';
import { testServer } from '../http/testServers';
import { request } from './httpHelpers';

function confirmation(confirmationUrl: string) {
  return buildSubscriptionConfirmation({
    topicId: 'ocid1.onstopic.oc1..t',
    topicName: 'orders',
    unsubscribeUrl: 'https://notification.us-ashburn-1.oraclecloud.com/unsubscribe',
    subscriptionId: 'ocid1.onssubscription.oc1..s',
    confirmationUrl,
  });
}

async function settled(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('inbox: what a hostile sender cannot make it do', () => {
  it('does not follow a redirect from a trusted ConfirmationURL to another host', async () => {
    const elsewhere = await testServer((_req, res) => res.end('should not be reached'));
    const trusted = await testServer((_req, res) => res.writeHead(302, { Location: `${elsewhere.url}/steal` }).end());
    const inbox = await startInbox({ send: sendRequest });
    try {
      const delivery = confirmation(`${trusted.url}/confirm?token=t`);
      const reply = await request(inbox.url, { headers: delivery.headers, body: delivery.body });
      assert.strictEqual(reply.status, 200);
      await settled(() => inbox.records()[0]?.confirmation?.outcome === 'failed');
      assert.deepStrictEqual(
        {
          outcome: inbox.records()[0].confirmation?.outcome,
          status: (inbox.records()[0].confirmation as { status?: number }).status,
        },
        { outcome: 'failed', status: 302 },
      );
      assert.strictEqual(elsewhere.received.length, 0);
    } finally {
      await inbox.close();
      await trusted.close();
      await elsewhere.close();
    }
  });

  it('fetches a few confirmations at once and leaves the rest for the user', async () => {
    const slow = await testServer(() => undefined);
    const inbox = await startInbox({ send: sendRequest });
    try {
      const delivery = confirmation(`${slow.url}/confirm`);
      await Promise.all(
        Array.from({ length: 10 }, () => request(inbox.url, { headers: delivery.headers, body: delivery.body })),
      );
      const outcomes = inbox.records().map((r) => r.confirmation?.outcome);
      assert.strictEqual(outcomes.filter((o) => o === 'pending').length, 4);
      assert.strictEqual(outcomes.filter((o) => o === 'needs-approval').length, 6);
    } finally {
      const closing = Date.now();
      await inbox.close();
      assert.ok(Date.now() - closing < 2_000, 'closing aborts the fetches still waiting');
      await slow.close();
    }
  });
});
