import * as assert from 'assert';
import { traceEvent } from '../../../src/core/flowMap/traceEvent';
import { input, LAUNCH, rule, subscription, topic, UPLOAD } from './fixtures';

describe('tracing an event through the flow map', () => {
  const tenancy = input({
    rules: [
      rule('launches', { eventType: [LAUNCH] }, ['alerts']),
      rule('storage', { eventType: 'com.oraclecloud.objectstorage.*' }, ['files']),
      rule('finance-uploads', { eventType: UPLOAD, data: { freeformTags: { Department: 'Finance' } } }, ['files']),
      rule('off', { eventType: UPLOAD }, ['alerts'], { enabled: false }),
    ],
    topics: [topic('alerts'), topic('files')],
    subscriptions: [subscription('files'), subscription('files', 'PENDING'), subscription('alerts')],
  });

  it('reaches the matching enabled rules, their targets and the ACTIVE subscriptions, and says why the others did not match', () => {
    const trace = traceEvent(tenancy, { eventType: UPLOAD, data: { freeformTags: { Department: 'Ops' } } });
    assert.deepStrictEqual(
      trace.rules.map((r) => [r.nodeId.split('.').pop(), r.matched, r.disabled]),
      [
        ['launches', false, false],
        ['storage', true, false],
        ['finance-uploads', false, false],
        ['off', true, true],
      ],
    );
    assert.strictEqual(
      trace.rules[2].deciding,
      'no match data.freeformTags.Department: condition "Finance", event "Ops" (exact)',
    );
    assert.deepStrictEqual(
      [...trace.path].map((id) => id.replace(/ocid1\.[a-z]+\.oc1\.iad\./, '')).sort(),
      [
        'eventType:com.oraclecloud.objectstorage.*',
        'rule:storage',
        `subscription:${subscription('files').id.replace(/ocid1\.[a-z]+\.oc1\.iad\./, '')}`,
        'topic:files',
      ].sort(),
    );
  });
});
