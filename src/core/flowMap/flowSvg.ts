import { escapeMarkup } from '../text/escapeMarkup';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { FlowGraph } from './flowGraph';
import { lineFitting } from './flowLayout';

const MARGIN = 16;
const TEXT_X = 12;
const FIRST_BASELINE = 22;
const LINE_HEIGHT = 18;

/**
 * The laid-out map as SVG: what the map's webview shows, and what Save as SVG writes. Each node is
 * a focusable group named by its id, kind and flags as classes (the webview's style gives them
 * the theme's colours), with its label and detail; each edge a polyline, dotted when disabled.
 * `highlighted` marks a traced event's path.
 */
export function flowSvg(graph: FlowGraph, laidOut: ElkNode, highlighted: ReadonlySet<string> = new Set()): string {
  const boxes = new Map((laidOut.children ?? []).map((c) => [c.id, c]));
  const width = Math.ceil((laidOut.width ?? 0) + 2 * MARGIN);
  const height = Math.ceil((laidOut.height ?? 0) + 2 * MARGIN);
  const edges = (laidOut.edges ?? []).flatMap((laid) => {
    // elkGraphOf names edge i `e<i>`.
    const edge = graph.edges[Number(laid.id.slice(1))];
    if (!edge) {
      return [];
    }
    const points = (laid.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const classes = [
      'edge',
      edge.disabled ? 'disabled' : '',
      highlighted.has(edge.from) && highlighted.has(edge.to) ? 'traced' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return [
      `<polyline class="${classes}" points="${points.map((p) => `${round(p.x)},${round(p.y)}`).join(' ')}" marker-end="url(#arrow)"/>`,
    ];
  });
  const nodes = graph.nodes.flatMap((node) => {
    const box = boxes.get(node.id);
    if (!box) {
      return [];
    }
    const classes = ['node', node.kind, ...node.flags, highlighted.has(node.id) ? 'traced' : '']
      .filter(Boolean)
      .join(' ');
    const text = [node.label, ...(node.detail ? [node.detail] : [])];
    return [
      `<g class="${classes}" data-node-id="${escapeMarkup(node.id)}" transform="translate(${round(box.x ?? 0)},${round(box.y ?? 0)})" tabindex="-1" role="button" aria-label="${escapeMarkup(`${node.kind}: ${text.join(', ')}`)}">` +
        `<title>${escapeMarkup(text.join('\n'))}</title>` +
        `<rect width="${round(box.width ?? 0)}" height="${round(box.height ?? 0)}" rx="4"/>` +
        text
          .map(
            (line, i) =>
              `<text x="${TEXT_X}" y="${FIRST_BASELINE + i * LINE_HEIGHT}"${i ? ' class="detail"' : ''}>${escapeMarkup(lineFitting(line, box.width ?? 0))}</text>`,
          )
          .join('') +
        '</g>',
    ];
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow-map" width="${width}" height="${height}" viewBox="${-MARGIN} ${-MARGIN} ${width} ${height}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
