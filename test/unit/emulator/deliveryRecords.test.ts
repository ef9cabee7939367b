import * as assert from 'assert';
import { DeliveryRecords, MAX_RECORDED_MESSAGES } from '../../../src/emulator/store/deliveryRecords';
import { FusionState, MAX_FUSION_DELIVERIES } from '../../../src/emulator/store/fusionState';

describe('the emulator’s record of ONS deliveries', () => {
  it('keeps the deliveries of the latest messages only, so a burst cannot grow it without end', () => {
    const records = new DeliveryRecords();
    const record = (messageId: string, subscriptionId = 's') => ({
      messageId,
      topicId: 't',
      subscriptionId,
      endpoint: 'http://127.0.0.1/hook',
      state: 'delivering' as const,
      attempts: [],
    });
    records.add(record('m0'));
    records.add(record('m0', 's2'));
    assert.strictEqual(records.forMessage('m0').length, 2);
    for (let i = 1; i <= MAX_RECORDED_MESSAGES; i++) {
      records.add(record(`m${i}`));
    }
    assert.strictEqual(records.messageCount, MAX_RECORDED_MESSAGES);
    assert.deepStrictEqual(records.forMessage('m0'), []);
    assert.strictEqual(records.forMessage(`m${MAX_RECORDED_MESSAGES}`).length, 1);
  });
});

describe('the emulator’s record of Fusion deliveries', () => {
  it('keeps the latest ones only', () => {
    const fusion = new FusionState();
    for (let i = 0; i <= MAX_FUSION_DELIVERIES; i++) {
      fusion.recordDelivery({
        id: `d${i}`,
        subscriptionId: 'SUB-1',
        eventName: 'e',
        status: 'Queued',
        retries: 0,
        time: new Date(0).toISOString(),
      });
    }
    assert.strictEqual(fusion.deliveries.length, MAX_FUSION_DELIVERIES);
    assert.deepStrictEqual(
      [fusion.deliveries[0].id, fusion.deliveries.at(-1)!.id],
      ['d1', `d${MAX_FUSION_DELIVERIES}`],
    );
  });
});
