import type { FlowFinding } from './flowFindings';
import type { FlowEdge, FlowGraph, FlowNode, TenancyFlowInput } from './flowGraph';

/** Above this many rules a map draws each compartment's rules as one node: tens of thousands of boxes help no one. */
export const MAX_UNGROUPED_RULES = 2_000;

/**
 * The map with each compartment's rules drawn as one node, its edges merged, and its findings
 * moved onto those nodes (one per kind and place, counting the rules it stands for). Event
 * types, targets and subscriptions stay as they are.
 */
export function groupByCompartment(
  input: TenancyFlowInput,
  graph: FlowGraph,
  findings: readonly FlowFinding[],
): { graph: FlowGraph; findings: FlowFinding[] } {
  const groupOf = new Map<string, string>();
  const groups = new Map<string, { compartmentId: string; rules: number; disabled: number }>();
  for (const { rule } of input.rules) {
    const id = `ruleGroup:${rule.compartmentId}`;
    groupOf.set(`rule:${rule.id}`, id);
    const group = groups.get(id) ?? { compartmentId: rule.compartmentId, rules: 0, disabled: 0 };
    group.rules++;
    group.disabled += rule.isEnabled ? 0 : 1;
    groups.set(id, group);
  }
  const mapped = (id: string) => groupOf.get(id) ?? id;
  const nodes: FlowNode[] = [...groups].map(([id, g]) => ({
    id,
    kind: 'ruleGroup',
    label: input.compartmentNames?.get(g.compartmentId) ?? g.compartmentId,
    detail: `${g.rules.toLocaleString('en-US')} rule${g.rules === 1 ? '' : 's'}${g.disabled ? `, ${g.disabled} disabled` : ''}`,
    ocid: g.compartmentId,
    flags: g.disabled === g.rules ? ['disabled'] : [],
  }));
  const edges = new Map<string, FlowEdge>();
  for (const edge of graph.edges) {
    const merged = { from: mapped(edge.from), to: mapped(edge.to), disabled: edge.disabled };
    const key = `${merged.from}\n${merged.to}`;
    const seen = edges.get(key);
    // A merged edge is disabled only when every edge it stands for is.
    edges.set(key, seen ? { ...seen, disabled: seen.disabled && merged.disabled } : merged);
  }
  return {
    graph: { nodes: [...graph.nodes.filter((n) => n.kind !== 'rule'), ...nodes], edges: [...edges.values()] },
    findings: mergeFindings(findings, mapped),
  };
}

function mergeFindings(findings: readonly FlowFinding[], mapped: (id: string) => string): FlowFinding[] {
  const merged = new Map<string, { finding: FlowFinding; count: number }>();
  for (const finding of findings) {
    const nodeIds = [...new Set(finding.nodeIds.map(mapped))];
    const key = `${finding.code}\n${nodeIds.join('\n')}`;
    const seen = merged.get(key);
    if (seen) {
      seen.count++;
    } else {
      merged.set(key, { finding: { ...finding, nodeIds }, count: 1 });
    }
  }
  return [...merged.values()].map(({ finding, count }) =>
    count === 1 ? finding : { ...finding, message: `${finding.message} (and ${count - 1} more like it here)` },
  );
}
