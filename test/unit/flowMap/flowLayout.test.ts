import * as assert from 'assert';
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildFlowGraph } from '../../../src/core/flowMap/flowGraph';
import { elkGraphOf, sizeOf } from '../../../src/core/flowMap/flowLayout';
import { input, LAUNCH, rule, subscription, topic, UPLOAD } from './fixtures';

describe('laying out the flow map with ELK', () => {
  it('puts event types, rules, topics and subscriptions in columns from left to right, each box fitting its text', async () => {
    const graph = buildFlowGraph(
      input({
        rules: [
          rule('launches', { eventType: [LAUNCH] }, ['alerts']),
          rule('uploads', { eventType: UPLOAD }, ['alerts']),
        ],
        topics: [topic('alerts')],
        subscriptions: [subscription('alerts', 'PENDING')],
      }),
    );
    const laid = await new ELK().layout(elkGraphOf(graph));
    const x = new Map((laid.children ?? []).map((c) => [c.id, c.x ?? -1]));
    const column = (kind: string) => graph.nodes.filter((n) => n.kind === kind).map((n) => x.get(n.id)!);
    const [types, rules, topics, subscriptions] = ['eventType', 'rule', 'topic', 'subscription'].map(column);
    assert.ok(Math.max(...types) < Math.min(...rules), 'event types before rules');
    assert.ok(Math.max(...rules) < Math.min(...topics), 'rules before topics');
    assert.ok(Math.max(...topics) < Math.min(...subscriptions), 'topics before subscriptions');
    const pending = graph.nodes.find((n) => n.kind === 'subscription')!;
    const plain = graph.nodes.find((n) => n.kind === 'rule')!;
    assert.ok(sizeOf(pending).height > sizeOf(plain).height, 'a detail adds a line');
    assert.ok(sizeOf({ ...plain, label: 'x'.repeat(500) }).width <= 320, 'a long label is cut to the widest box');
  });
});
