import ELK from 'elkjs/lib/elk.bundled.js';
import { performance } from 'perf_hooks';
import { EventTypeCatalogue } from '../src/core/condition/catalogue';
import { flowFindings } from '../src/core/flowMap/flowFindings';
import { buildFlowGraph, TenancyFlowInput } from '../src/core/flowMap/flowGraph';
import { elkGraphOf } from '../src/core/flowMap/flowLayout';
import { groupByCompartment } from '../src/core/flowMap/groupedFlow';
import { loadTenancyFlow } from '../src/core/flowMap/loadTenancyFlow';
import type { OciClients as OciClientsType } from '../src/core/oci/ociClients';
import { buildState } from '../src/emulator/store/datasets';
import { print, repeat } from './benchFigures';
import { largeDataset, LATENCY_MS, startEmulatorProcess } from './benchOci';
import * as path from 'path';
import { record } from './benchResults';
import { stats } from './benchStats';

/**
 * npm run bench -- flowmap: the event flow map of the `large` emulator dataset (300
 * compartments × 120 rules) at about 1,000 and 10,000 nodes: ELK's layered layout beside the
 * time to build the graph alone, and the findings; the whole tenancy as the map draws it (each
 * compartment's rules as one node); and opening the map of one compartment from an emulator
 * with OCI's latency, as a user does.
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
    const built = stats(repeat(5, () => buildFlowGraph(input))).median;
    const layout = print(`ELK layered layout: ${label}`, layouts);
    record({
      figure: `flow map layout, ${graph.nodes.length.toLocaleString('en-US')} nodes (in the page's worker)`,
      value: layout.median,
      unit: 'ms',
      baseline: { label: 'building the graph alone', value: built },
    });
  }
  const whole = { rules, topics, subscriptions: [], targetNames: new Map(), compartments: new Set(compartmentIds) };
  const drawn = () => {
    const grouped = groupByCompartment(whole, buildFlowGraph(whole), flowFindings(whole, catalogue));
    return { grouped, layout: elk.layout(elkGraphOf(grouped.graph)) };
  };
  const wholeTimes: number[] = [];
  for (let i = 0; i <= 3; i++) {
    const start = performance.now();
    await drawn().layout;
    if (i > 0) {
      wholeTimes.push(performance.now() - start);
    }
  }
  const { grouped } = drawn();
  const wholeMap = print(
    `whole tenancy, ${rules.length} rules drawn as ${grouped.graph.nodes.length} nodes: build + findings + group + layout`,
    wholeTimes,
  );
  record({
    figure: `flow map of the whole tenancy, ${rules.length.toLocaleString('en-US')} rules drawn as ${grouped.graph.nodes.length} nodes`,
    value: wholeMap.median,
    unit: 'ms',
  });
  await benchOpenCompartment(elk, catalogue);
}

/** Show Event Flow on one compartment of 120 rules: reading it over signed HTTP at OCI's latency, then drawing it. */
async function benchOpenCompartment(elk: InstanceType<typeof ELK>, catalogue: EventTypeCatalogue): Promise<void> {
  const { child, announcement } = await startEmulatorProcess(largeDataset(120, LATENCY_MS));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same bundle the extension loads
    const { OciClients } = require(path.resolve(__dirname, '..', '..', 'dist', 'oci.js')) as {
      OciClients: typeof OciClientsType;
    };
    const { endpoint, configFile, profile, tenancy } = announcement;
    const clients = await OciClients.open({ configFile, profile, endpoint });
    const [compartment] = await clients.listCompartments(tenancy, false);
    const loads: number[] = [];
    const opens: number[] = [];
    for (let i = 0; i <= 5; i++) {
      const start = performance.now();
      const input = await loadTenancyFlow(clients, { compartmentId: compartment.id }, { concurrency: 8 });
      const loaded = performance.now();
      flowFindings(input, catalogue);
      await elk.layout(elkGraphOf(buildFlowGraph(input)));
      if (i > 0) {
        loads.push(loaded - start);
        opens.push(performance.now() - start);
      }
    }
    const read = print(`open one compartment (120 rules, ${LATENCY_MS} ms a call): read it`, loads);
    const open = print(`open one compartment (120 rules, ${LATENCY_MS} ms a call): read + findings + layout`, opens);
    record({
      figure: `flow map of one compartment, 120 rules, ${LATENCY_MS} ms a call`,
      value: open.median,
      unit: 'ms',
      target: { atMost: 1000 },
      baseline: { label: 'reading it alone', value: read.median },
    });
    clients.close();
  } finally {
    child.kill();
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
