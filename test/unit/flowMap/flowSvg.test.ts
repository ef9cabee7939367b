import * as assert from 'assert';
import { DOMParser } from '@xmldom/xmldom';
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildFlowGraph } from '../../../src/core/flowMap/flowGraph';
import { elkGraphOf } from '../../../src/core/flowMap/flowLayout';
import { flowSvg } from '../../../src/core/flowMap/flowSvg';
import { input, LAUNCH, rule, subscription, topic } from './fixtures';

describe('the flow map as SVG', () => {
  it('draws each node as a focusable group at its place with its text escaped, and each edge, dotted when disabled', async () => {
    const graph = buildFlowGraph(
      input({
        rules: [
          rule('<b>launches</b> & "more"', { eventType: [LAUNCH] }, ['alerts']),
          rule('off', { eventType: LAUNCH }, ['alerts'], { enabled: false }),
        ],
        topics: [topic('alerts')],
        subscriptions: [subscription('alerts', 'PENDING')],
      }),
    );
    const laidOut = await new ELK().layout(elkGraphOf(graph));
    const traced = new Set([`eventType:${LAUNCH}`, 'rule:ocid1.eventrule.oc1.iad.<b>launches</b> & "more"']);
    const svg = flowSvg(graph, laidOut, traced);
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(
      svg,
      'image/svg+xml',
    );
    assert.deepStrictEqual(errors, []);
    const groups = Array.from(doc.getElementsByTagName('g')).filter((g) => g.getAttribute('data-node-id'));
    assert.strictEqual(groups.length, graph.nodes.length);
    const ruleGroup = groups.find((g) => g.getAttribute('class')!.split(' ').includes('rule'))!;
    assert.strictEqual(ruleGroup.getElementsByTagName('text')[0].textContent, '<b>launches</b> & "more"');
    // Focusable, out of the Tab order: the map's page lets one node at a time take Tab (a roving tabindex).
    assert.strictEqual(ruleGroup.getAttribute('tabindex'), '-1');
    assert.match(ruleGroup.getAttribute('class')!, /\btraced\b/);
    assert.match(
      groups.find((g) => g.getAttribute('class')!.includes('subscription'))!.getAttribute('class')!,
      /\bpending\b/,
    );
    const edges = Array.from(doc.getElementsByTagName('polyline'));
    assert.strictEqual(edges.length, graph.edges.length);
    assert.deepStrictEqual(
      edges.map((e) => e.getAttribute('class')),
      ['edge traced', 'edge', 'edge disabled', 'edge disabled', 'edge'],
    );
    assert.ok(
      edges.every((e) => (e.getAttribute('points') ?? '').split(' ').length >= 2),
      'every edge has a start and an end',
    );
  });

  it('cuts a line longer than its box with "…", the whole of it in the node’s tooltip', async () => {
    const endpoint = `https://hooks.example.com/${'very-long-path/'.repeat(8)}in`;
    const graph = buildFlowGraph(
      input({
        rules: [rule('r', { eventType: LAUNCH }, ['alerts'])],
        topics: [topic('alerts')],
        subscriptions: [subscription('alerts', 'ACTIVE', endpoint)],
      }),
    );
    const laidOut = await new ELK().layout(elkGraphOf(graph));
    const doc = new DOMParser().parseFromString(flowSvg(graph, laidOut), 'image/svg+xml');
    const group = Array.from(doc.getElementsByTagName('g')).find((g) =>
      (g.getAttribute('class') ?? '').split(' ').includes('subscription'),
    )!;
    const box = laidOut.children!.find((c) => c.id === group.getAttribute('data-node-id'))!;
    const detail = group.getElementsByTagName('text')[1].textContent!;
    assert.ok(detail.endsWith('…'), detail);
    assert.ok(12 + detail.length * 7 <= box.width!, `"${detail}" fits ${box.width} px`);
    assert.ok(group.getElementsByTagName('title')[0].textContent!.includes(endpoint));
  });
});
