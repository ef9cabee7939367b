import * as assert from 'assert';
import type { InboxRecord } from '../../../src/core/inbox/inboxRecord';
import { flowDeliveries, flowMapTrace, sendCompartment } from '../../../src/core/flowMap/traceView';
import type { RuleWithActions } from '../../../src/core/flowMap/flowGraph';
import { HOME, input, LAUNCH, OTHER, rule, topic, topicId } from './fixtures';

describe('a traced event as the map shows it', () => {
  const elsewhere = (r: RuleWithActions): RuleWithActions => ({ ...r, rule: { ...r.rule, compartmentId: OTHER } });
  const tenancy = input({
    rules: [
      rule('uploads', { eventType: 'com.oraclecloud.objectstorage.createobject' }, []),
      elsewhere(rule('launches', { eventType: LAUNCH }, ['alerts'])),
    ],
    topics: [topic('alerts')],
  });

  it('is sent where the first rule expected to match it lives, else into the map’s compartment', () => {
    const launch = flowMapTrace('a launch', { eventType: LAUNCH }, tenancy);
    assert.strictEqual(launch.eventType, LAUNCH);
    assert.strictEqual(sendCompartment(launch, tenancy, HOME), OTHER);
    const nothing = flowMapTrace('nothing', { eventType: 'com.example.none' }, tenancy);
    assert.strictEqual(sendCompartment(nothing, tenancy, HOME), HOME);
  });

  it('names each delivery’s subscription, masks its endpoint, and finds the inbox entry it made', () => {
    const record = (id: string, messageId: string, path: string) =>
      ({
        id,
        seq: 1,
        time: '',
        method: 'POST',
        path,
        query: {},
        headers: { 'x-oci-ns-messageid': messageId },
        body: Buffer.from('{}'),
      }) as unknown as InboxRecord;
    const deliveries = flowDeliveries(
      [
        {
          messageId: 'm1',
          topicId: topicId('alerts'),
          subscriptionId: 'sub1',
          endpoint: 'https://user:secret@127.0.0.1:9000/hooks/a?token=abc',
          state: 'delivered',
          attempts: [{ status: 200, ms: 4, at: '2026-12-05T00:00:00Z' }],
        },
      ],
      new Map([[topicId('alerts'), 'alerts']]),
      [record('other', 'm1', '/hooks/b'), record('mine', 'm1', '/hooks/a'), record('old', 'm0', '/hooks/a')],
    );
    assert.strictEqual(deliveries.length, 1);
    assert.strictEqual(deliveries[0].nodeId, 'subscription:sub1');
    assert.strictEqual(deliveries[0].topic, 'alerts');
    assert.ok(!deliveries[0].endpoint.includes('secret'), deliveries[0].endpoint);
    assert.strictEqual(deliveries[0].inboxEntry?.id, 'mine');
  });
});
