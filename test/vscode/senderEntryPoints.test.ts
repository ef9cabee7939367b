import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Emulator } from '../../src/emulator/emulator';
import { emptySenderRequest } from '../../src/core/sender/senderTypes';
import type { SenderPanel } from '../../src/sender/senderPanel';
import { testServer } from '../unit/http/testServers';
import { answer } from './helpers';
import { next, openPanel } from './senderPanel';
import { open, shown, useTenancyEmulator } from './tenancyTree';

describe('Webhook Sender: entry points and OCI signatures', function () {
  this.timeout(60_000);
  const ctx = useTenancyEmulator();
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await ctx.start({ dataset: 'demo' });
  });
  after(async () => {
    (await vscode.commands.executeCommand<SenderPanel>('oew.sender.open')).panel.dispose();
  });

  it('calls an OCI endpoint signed with a Tenancy profile; the same call unsigned gets 401', async () => {
    const { panel, posted } = await openPanel();
    const request = {
      ...emptySenderRequest(),
      template: 'custom' as const,
      method: 'GET',
      url: `${emulator.server.url}/20181201/topics?compartmentId=${emulator.state.tenancy.id}`,
    };
    let from = posted.length;
    await panel.receive({ type: 'send', request, secrets: {} });
    assert.strictEqual((await next(posted, 'response', from)).response.status, 401);
    from = posted.length;
    await panel.receive({
      type: 'send',
      request: { ...request, auth: { kind: 'oci', profile: 'EMULATOR' } },
      secrets: {},
    });
    const signed = await next(posted, 'response', from);
    assert.strictEqual(signed.response.status, 200, signed.response.body);
    assert.ok(Array.isArray(JSON.parse(signed.response.body)), 'the topics of the tenancy');
    assert.match(signed.sent.headers.authorization ?? '', /^Signature <redacted>$/, 'the signature is not shown');
  });

  it('prefills what ONS would send to a subscription, with its password moved to SecretStorage', async () => {
    const receiver = await testServer((_req, res) => res.end());
    try {
      const topics = await open('apps', 'apps-dev', 'Topics');
      const topic = topics.find((t) => t.label === 'dev-notifications')!;
      await answer(
        ['Create Subscription', 'CUSTOM_HTTPS'],
        ['Create CUSTOM_HTTPS Subscription', receiver.url.replace('http://', 'http://hook:pw-sub-4242@')],
      );
      await vscode.commands.executeCommand('oew.tenancy.createSubscription', topic.node);
      const subscription = (await shown(topic.node)).find((r) => r.label.includes('hook:<redacted>@'))!;
      assert.ok(subscription, 'the new subscription');
      const { panel, posted } = await openPanel();
      let from = posted.length;
      await vscode.commands.executeCommand('oew.sender.sendToSubscription', subscription.node);
      const { request } = await next(posted, 'load', from);
      assert.strictEqual(request.template, 'ons-confirmation', 'a PENDING subscription gets its confirmation');
      assert.strictEqual(request.fields.topicName, 'dev-notifications');
      assert.ok(!JSON.stringify(request).includes('pw-sub-4242'), JSON.stringify(request));
      assert.deepStrictEqual(request.auth, { kind: 'basic', username: 'hook' });
      from = posted.length;
      await panel.receive({ type: 'send', request, secrets: {} });
      await next(posted, 'response', from);
      const got = receiver.received.at(-1)!;
      assert.strictEqual(got.headers['x-oci-ns-messagetype'], 'SubscriptionConfirmation');
      assert.strictEqual(got.headers.authorization, `Basic ${Buffer.from('hook:pw-sub-4242').toString('base64')}`);
    } finally {
      await receiver.close();
    }
  });

  it('prefills a Fusion event node’s payload', async () => {
    const { posted } = await openPanel();
    const from = posted.length;
    const name = '{http://xmlns.oracle.com/apps/prc/po/approval/PrcPoApprovalComposite/PurchaseOrder}PurchaseOrder';
    await vscode.commands.executeCommand('oew.sender.sendFusionEvent', {
      kind: 'event',
      info: { event: { id: 'po', name, displayName: 'Purchase Order' }, custom: false },
    });
    const { request } = await next(posted, 'load', from);
    assert.strictEqual(request.template, 'fusion-event');
    assert.strictEqual(request.fields.event, name);
  });
});
