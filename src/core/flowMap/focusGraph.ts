import type { FlowFinding } from './flowFindings';
import type { FlowEdge, FlowGraph } from './flowGraph';

/**
 * The part of the map an event through `nodeId` can take: what flows into it (a topic's rules
 * and their event types) and what flows out of it (a rule's targets and their subscriptions),
 * with the findings drawn on what is left. Everything when the node is not on the map.
 */
export function focusGraph(
  graph: FlowGraph,
  findings: readonly FlowFinding[],
  nodeId: string,
): { graph: FlowGraph; findings: FlowFinding[] } {
  if (!graph.nodes.some((n) => n.id === nodeId)) {
    return { graph, findings: [...findings] };
  }
  const kept = new Set([
    ...reach(
      graph.edges,
      nodeId,
      (e) => e.to,
      (e) => e.from,
    ),
    ...reach(
      graph.edges,
      nodeId,
      (e) => e.from,
      (e) => e.to,
    ),
  ]);
  return {
    graph: {
      nodes: graph.nodes.filter((n) => kept.has(n.id)),
      edges: graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to)),
    },
    findings: findings.filter((f) => f.nodeIds.some((id) => kept.has(id))),
  };
}

/** The nodes reached from `start` along edges, one way: iterative, so a long chain cannot overflow the stack. */
function reach(
  edges: readonly FlowEdge[],
  start: string,
  near: (e: FlowEdge) => string,
  far: (e: FlowEdge) => string,
): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const list = next.get(near(edge)) ?? [];
    list.push(far(edge));
    next.set(near(edge), list);
  }
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const id of next.get(queue.pop()!) ?? []) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}
