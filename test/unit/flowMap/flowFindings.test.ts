import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { FlowFindingCode, flowFindings } from '../../../src/core/flowMap/flowFindings';
import { input, LAUNCH, OTHER, rule, subscription, topic, UPLOAD } from './fixtures';

const catalogue = EventTypeCatalogue.builtin();
const codes = (parts: Parameters<typeof input>[0], code: FlowFindingCode) =>
  flowFindings(input(parts), catalogue).filter((f) => f.code === code);

describe('flow map findings', () => {
  it('a rule whose topic has no ACTIVE subscription: its events reach no one', () => {
    const [found] = codes(
      {
        rules: [rule('launches', { eventType: LAUNCH }, ['alerts'])],
        topics: [topic('alerts')],
        subscriptions: [subscription('alerts', 'PENDING')],
      },
      'no-active-subscription',
    );
    assert.deepStrictEqual(found.nodeIds, [
      'rule:ocid1.eventrule.oc1.iad.launches',
      'topic:ocid1.onstopic.oc1.iad.alerts',
    ]);
    assert.strictEqual(
      found.message,
      'launches sends its events to alerts, which has no ACTIVE subscription: they reach no one.',
    );
    assert.match(found.fix, /Create Subscription/);
    assert.deepStrictEqual(
      codes(
        {
          rules: [rule('launches', { eventType: LAUNCH }, ['alerts'])],
          topics: [topic('alerts')],
          subscriptions: [subscription('alerts')],
        },
        'no-active-subscription',
      ),
      [],
    );
    // A disabled rule sends nothing, so its topic's subscribers are not its problem.
    assert.deepStrictEqual(
      codes(
        { rules: [rule('off', { eventType: LAUNCH }, ['alerts'], { enabled: false })], topics: [topic('alerts')] },
        'no-active-subscription',
      ),
      [],
    );
  });

  it('a topic of the map that no enabled rule sends to', () => {
    const parts = {
      rules: [
        rule('launches', { eventType: LAUNCH }, ['used']),
        rule('off', { eventType: LAUNCH }, ['unused'], { enabled: false }),
      ],
      topics: [topic('used'), topic('unused'), topic('elsewhere', OTHER)],
    };
    assert.deepStrictEqual(
      codes(parts, 'topic-unused').map((f) => f.nodeIds),
      [['topic:ocid1.onstopic.oc1.iad.unused']],
    );
  });

  it('a rule that matches every event: no clause, or only "*" on fields every event has', () => {
    const parts = {
      rules: [
        rule('everything', {}, []),
        rule('any-type', { eventType: '*' }, []),
        rule('any-bucket', { data: { bucketName: '*' } }, []),
        rule('launches', { eventType: LAUNCH }, []),
      ],
    };
    assert.deepStrictEqual(
      codes(parts, 'matches-everything').map((f) => f.message),
      [
        'everything matches every event of its compartment and those below it.',
        'any-type matches every event of its compartment and those below it.',
      ],
    );
  });

  it('two enabled rules sending an event both match to one topic: it is delivered twice', () => {
    const parts = {
      rules: [
        rule('uploads', { eventType: [UPLOAD] }, ['files']),
        rule('storage', { eventType: 'com.oraclecloud.objectstorage.*' }, ['files']),
        rule('launches', { eventType: LAUNCH }, ['files']),
        rule('uploads-elsewhere', { eventType: UPLOAD }, ['other']),
        rule('uploads-off', { eventType: UPLOAD }, ['files'], { enabled: false }),
      ],
      topics: [topic('files'), topic('other')],
    };
    const found = codes(parts, 'duplicate-delivery');
    assert.deepStrictEqual(
      found.map((f) => f.message),
      [
        `uploads and storage send ${UPLOAD} events to files: an event that meets two of their conditions is delivered twice.`,
      ],
    );
    assert.deepStrictEqual(found[0].nodeIds, [
      'rule:ocid1.eventrule.oc1.iad.uploads',
      'rule:ocid1.eventrule.oc1.iad.storage',
      'topic:ocid1.onstopic.oc1.iad.files',
    ]);
  });

  it('rules that overlap on one topic are one finding, however many there are', () => {
    const rules = ['a', 'b', 'c', 'd'].map((name) => rule(name, { eventType: [UPLOAD, LAUNCH] }, ['files']));
    const found = codes({ rules, topics: [topic('files')] }, 'duplicate-delivery');
    assert.deepStrictEqual(
      found.map((f) => [f.message, f.nodeIds.length]),
      [
        [
          `a, b and 2 more send ${UPLOAD} events to files: an event that meets two of their conditions is delivered twice.`,
          5,
        ],
      ],
    );
  });

  it('an event type that is not in the catalogue, a wildcard that matches none of it too', () => {
    const parts = {
      rules: [
        rule('typo', { eventType: ['com.oraclecloud.computeapi.launchinstance.ends', LAUNCH] }, []),
        rule('nothing', { eventType: 'com.oraclecloud.nosuchservice.*' }, []),
        rule('fine', { eventType: 'com.oraclecloud.objectstorage.*' }, []),
      ],
    };
    assert.deepStrictEqual(
      codes(parts, 'unknown-event-type').map((f) => f.nodeIds[1]),
      ['eventType:com.oraclecloud.computeapi.launchinstance.ends', 'eventType:com.oraclecloud.nosuchservice.*'],
    );
  });

  it('a PENDING subscription, which gets nothing until it confirms', () => {
    const found = codes(
      { topics: [topic('alerts')], subscriptions: [subscription('alerts', 'PENDING'), subscription('alerts')] },
      'subscription-pending',
    );
    assert.deepStrictEqual(
      found.map((f) => f.message),
      ['A CUSTOM_HTTPS subscription of alerts is PENDING: ONS delivers nothing to it until its endpoint confirms.'],
    );
  });
});
