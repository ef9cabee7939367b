import ELK from 'elkjs/lib/elk.bundled.js';
import { performance } from 'perf_hooks';
import { EventTypeCatalogue } from '../src/core/condition/catalogue';
import { flowFindings } from '../src/core/flowMap/flowFindings';
import { buildFlowGraph, TenancyFlowInput } from '../src/core/flowMap/flowGraph';
import { elkGraphOf } from '../src/core/flowMap/flowLayout';
import { buildState } from '../src/emulator/store/datasets';
import { print, repeat } from './benchFigures';

/**
 * npm run bench -- flowmap: the event flow map of the `large` emulator dataset (300
 * compartments × 120 rules) at about 1,000 and 10,000 nodes: ELK's layered layout beside the
 * time to build the graph alone, and the findings.
 */
export async function benchFlowMap(): Promise<void> {
  const state = buildState({ dataset: 'large', compartments: 300, rulesPerCompartment: 120 });
  const rules = [...state.rules.values()].map(({ value }) => ({
    rule: value,
    actions: value.actions.actions,
  }));
  const topics = [...state.topics.values()].map(({ value }) => value);
  const compartmentIds = [...state.compartments.keys()];
  const catalogue = EventTypeCatalogue.builtin();
  const elk = new ELK();
  for (const target of [1_000, 10_000]) {
    const input = inputOf(target, compartmentIds, rules, topics);
    const graph = buildFlowGraph(input);
    const label = `${graph.nodes.length} nodes, ${graph.edges.length} edges (${input.compartments.size} compartments)`;
    print(
      `build the graph alone: ${label}`,
      repeat(5, () => buildFlowGraph(input)),
    );
    print(
      `findings: ${label}`,
      repeat(5, () => flowFindings(input, catalogue)),
    );
    const layouts: number[] = [];
    // A first layout warms ELK's code up, as a map that is open lays out again.
    for (let i = 0; i <= (target < 10_000 ? 3 : 2); i++) {
      const start = performance.now();
      await elk.layout(elkGraphOf(graph));
      if (i > 0) {
        layouts.push(performance.now() - start);
      }
    }
    print(`ELK layered layout: ${label}`, layouts);
  }
}

/** The map of as many compartments as make about `nodes` nodes. */
function inputOf(
  nodes: number,
  compartmentIds: readonly string[],
  rules: TenancyFlowInput['rules'],
  topics: TenancyFlowInput['topics'],
): TenancyFlowInput {
  const compartments = new Set<string>();
  for (const id of compartmentIds) {
    compartments.add(id);
    const input = { rules: [], topics: [], subscriptions: [], targetNames: new Map(), compartments };
    const scoped = scope(input, rules, topics);
    if (buildFlowGraph(scoped).nodes.length >= nodes) {
      return scoped;
    }
  }
  return scope({ rules: [], topics: [], subscriptions: [], targetNames: new Map(), compartments }, rules, topics);
}

function scope(
  input: TenancyFlowInput,
  rules: TenancyFlowInput['rules'],
  topics: TenancyFlowInput['topics'],
): TenancyFlowInput {
  return {
    ...input,
    rules: rules.filter((r) => input.compartments.has(r.rule.compartmentId)),
    topics: topics.filter((t) => input.compartments.has(t.compartmentId)),
  };
}
