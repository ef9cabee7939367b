import * as assert from 'assert';
import { buildFlowGraph } from '../../../src/core/flowMap/flowGraph';
import { input, LAUNCH, OTHER, rule, shortType, subscription, topic, UPLOAD } from './fixtures';

describe('the flow graph of a tenancy', () => {
  it('draws event types → rules → targets → subscriptions, with what is disabled, pending or elsewhere marked', () => {
    const graph = buildFlowGraph(
      input({
        rules: [
          rule('launches', { eventType: [LAUNCH, UPLOAD] }, ['alerts', 'remote']),
          rule('everything', {}, ['alerts'], { enabled: false }),
        ],
        topics: [topic('alerts'), topic('remote', OTHER)],
        subscriptions: [
          subscription('alerts', 'ACTIVE', 'https://user:secret@hooks.example.com/in'),
          subscription('alerts', 'PENDING'),
        ],
      }),
    );
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    assert.deepStrictEqual(
      graph.nodes.map((n) => [n.kind, n.label, n.flags.join()]),
      [
        ['rule', 'launches', ''],
        ['eventType', shortType(LAUNCH), ''],
        ['eventType', shortType(UPLOAD), ''],
        ['topic', 'alerts', ''],
        ['topic', 'remote', 'otherCompartment'],
        ['rule', 'everything', 'disabled'],
        ['eventType', 'any event', 'anyEvent'],
        ['subscription', 'CUSTOM_HTTPS', ''],
        ['subscription', 'CUSTOM_HTTPS', 'pending'],
      ],
    );
    const subscriptions = graph.nodes.filter((n) => n.kind === 'subscription');
    // The password in an endpoint never reaches the map.
    assert.ok(!subscriptions[0].detail!.includes('secret'), subscriptions[0].detail);
    assert.match(subscriptions[1].detail!, / · PENDING$/);
    assert.deepStrictEqual(
      graph.edges.filter((e) => e.disabled).map((e) => `${byId.get(e.from)!.label} → ${byId.get(e.to)!.label}`),
      ['any event → everything', 'everything → alerts'],
    );
    assert.strictEqual(graph.edges.filter((e) => e.to === 'topic:ocid1.onstopic.oc1.iad.alerts').length, 2);
  });
});
