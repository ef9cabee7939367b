import * as assert from 'assert';
import { focusGraph } from '../../../src/core/flowMap/focusGraph';
import { buildFlowGraph } from '../../../src/core/flowMap/flowGraph';
import { flowFindings } from '../../../src/core/flowMap/flowFindings';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { input, LAUNCH, rule, shortType, subscription, topic, topicId, UPLOAD } from './fixtures';

const tenancy = input({
  rules: [
    rule('launches', { eventType: LAUNCH }, ['alerts']),
    rule('uploads', { eventType: UPLOAD }, ['alerts', 'quiet']),
    rule('uploads-too', { eventType: UPLOAD }, ['archive']),
  ],
  topics: [topic('alerts'), topic('quiet'), topic('archive'), topic('unused')],
  subscriptions: [subscription('alerts'), subscription('archive')],
});

describe('the map focused on one node', () => {
  const graph = buildFlowGraph(tenancy);
  const findings = flowFindings(tenancy, EventTypeCatalogue.builtin());
  const labels = (g: { nodes: readonly { label: string }[] }) => g.nodes.map((n) => n.label).sort();

  it('keeps, for a rule, its event types, its targets and their subscriptions, with their findings', () => {
    const focused = focusGraph(graph, findings, 'rule:ocid1.eventrule.oc1.iad.uploads');
    assert.deepStrictEqual(
      labels(focused.graph),
      ['CUSTOM_HTTPS', shortType(UPLOAD), 'alerts', 'quiet', 'uploads'].sort(),
    );
    assert.ok(focused.graph.edges.every((e) => focused.graph.nodes.some((n) => n.id === e.to)));
    assert.deepStrictEqual(
      focused.findings.map((f) => f.code),
      ['no-active-subscription'],
      'the quiet topic has no subscription; the unused topic is not on this map',
    );
  });

  it('keeps, for a topic, every rule that sends to it and what those rules listen to', () => {
    const focused = focusGraph(graph, findings, `topic:${topicId('alerts')}`);
    assert.deepStrictEqual(
      labels(focused.graph),
      ['CUSTOM_HTTPS', shortType(LAUNCH), shortType(UPLOAD), 'alerts', 'launches', 'uploads'].sort(),
    );
  });

  it('keeps everything when the node is not on the map', () => {
    const focused = focusGraph(graph, findings, 'rule:gone');
    assert.strictEqual(focused.graph.nodes.length, graph.nodes.length);
    assert.strictEqual(focused.findings.length, findings.length);
  });
});
