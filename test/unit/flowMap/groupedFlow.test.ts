import * as assert from 'assert';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { flowFindings } from '../../../src/core/flowMap/flowFindings';
import { buildFlowGraph, RuleWithActions } from '../../../src/core/flowMap/flowGraph';
import { groupByCompartment } from '../../../src/core/flowMap/groupedFlow';
import { HOME, input, LAUNCH, OTHER, rule, subscription, topic } from './fixtures';

const inCompartment = (r: RuleWithActions, compartmentId: string): RuleWithActions => ({
  ...r,
  rule: { ...r.rule, compartmentId },
});

describe('a map too large to draw each rule', () => {
  const tenancy = input({
    rules: [
      rule('a', { eventType: LAUNCH }, ['quiet']),
      rule('b', { eventType: LAUNCH }, ['quiet']),
      inCompartment(rule('c', { eventType: LAUNCH }, ['alerts'], { enabled: false }), OTHER),
    ],
    topics: [topic('quiet'), topic('alerts')],
    subscriptions: [subscription('alerts')],
    compartments: new Set([HOME, OTHER]),
    compartmentNames: new Map([
      [HOME, 'home'],
      [OTHER, 'other'],
    ]),
  });
  const graph = buildFlowGraph(tenancy);
  const grouped = groupByCompartment(tenancy, graph, flowFindings(tenancy, EventTypeCatalogue.builtin()));

  it('draws each compartment’s rules as one node, named and counted, disabled when all its rules are', () => {
    const groups = grouped.graph.nodes.filter((n) => n.kind === 'ruleGroup');
    assert.deepStrictEqual(
      groups.map((n) => [n.label, n.detail, n.flags.join()]),
      [
        ['home', '2 rules', ''],
        ['other', '1 rule, 1 disabled', 'disabled'],
      ],
    );
    assert.ok(!grouped.graph.nodes.some((n) => n.kind === 'rule'));
  });

  it('merges their edges: one per group and target, disabled only when all it stands for are', () => {
    const ids = new Set(grouped.graph.nodes.map((n) => n.id));
    assert.ok(
      grouped.graph.edges.every((e) => ids.has(e.from) && ids.has(e.to)),
      'every edge joins drawn nodes',
    );
    const home = grouped.graph.edges.filter((e) => e.from === `ruleGroup:${HOME}`);
    assert.deepStrictEqual(home.length, 1, 'a and b both send to quiet: one edge');
    assert.strictEqual(grouped.graph.edges.find((e) => e.from === `ruleGroup:${OTHER}`)!.disabled, true);
  });

  it('moves the findings onto the groups, one per kind and place, counting the rest', () => {
    const nowhere = grouped.findings.filter((f) => f.code === 'no-active-subscription');
    assert.strictEqual(nowhere.length, 1);
    assert.deepStrictEqual(nowhere[0].nodeIds, [`ruleGroup:${HOME}`, nowhere[0].nodeIds[1]]);
    assert.match(nowhere[0].message, /\(and 1 more like it here\)$/);
  });
});
