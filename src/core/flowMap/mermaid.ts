import type { FlowFlag, FlowGraph, FlowNode, FlowNodeKind } from './flowGraph';

const SHAPES: Readonly<Record<FlowNodeKind, readonly [string, string]>> = {
  eventType: ['([', '])'],
  rule: ['[', ']'],
  ruleGroup: ['[/', '/]'],
  topic: ['[[', ']]'],
  function: ['[[', ']]'],
  stream: ['[[', ']]'],
  subscription: ['>', ']'],
  fusionEvent: ['([', '])'],
  fusionSubscription: ['[', ']'],
  oicHost: ['[[', ']]'],
};

const CLASSES: Readonly<Record<FlowFlag, string>> = {
  disabled: 'fill:#eee,stroke:#999,stroke-dasharray:4 3,color:#666',
  pending: 'stroke:#c90,stroke-width:2px,stroke-dasharray:4 3',
  failed: 'stroke:#c33,stroke-width:2px',
  otherCompartment: 'stroke-dasharray:2 2',
  anyEvent: 'stroke:#c33,stroke-width:2px',
  stale: 'stroke:#c90,stroke-width:2px',
};

/**
 * The map as Mermaid's `flowchart LR`, for a README or a wiki: each node in the shape of its
 * kind, a disabled edge dotted, and a class per flag as the legend explains it.
 */
export function flowchartText(graph: FlowGraph): string {
  const ids = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const node of graph.nodes) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${ids.get(node.id)!}${open}"${labelOf(node)}"${close}`);
  }
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from && to) {
      lines.push(`  ${from} ${edge.disabled ? '-.->' : '-->'} ${to}`);
    }
  }
  for (const [flag, style] of Object.entries(CLASSES) as [FlowFlag, string][]) {
    const flagged = graph.nodes.filter((n) => n.flags.includes(flag)).map((n) => ids.get(n.id)!);
    if (flagged.length) {
      lines.push(`  classDef ${flag} ${style}`, `  class ${flagged.join(',')} ${flag}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The label and its detail, escaped as Mermaid reads a quoted label: its own entity codes, a line break as <br/>. */
function labelOf(node: FlowNode): string {
  const escape = (text: string) =>
    text.replace(/[#"<>]/g, (c) => ({ '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;' })[c]!);
  return node.detail ? `${escape(node.label)}<br/>${escape(node.detail)}` : escape(node.label);
}
