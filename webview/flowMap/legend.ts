import type { FlowFlag, FlowGraph, FlowNodeKind } from '../../src/protocol/webviewMessages';
import { el } from '../shared/dom';
import { FLAG_TEXT, KIND_NAMES } from './nodeText';

const SVG = 'http://www.w3.org/2000/svg';

/** A small box drawn with the map's own classes, so that it follows the theme as the map does. */
function swatch(classes: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('viewBox', '0 0 28 16');
  svg.setAttribute('aria-hidden', 'true');
  const g = document.createElementNS(SVG, 'g');
  g.setAttribute('class', `node ${classes}`);
  const rect = document.createElementNS(SVG, 'rect');
  for (const [name, value] of Object.entries({ x: '1', y: '1', width: '26', height: '14', rx: '3' })) {
    rect.setAttribute(name, value);
  }
  g.append(rect);
  svg.append(g);
  return svg;
}

function entry(classes: string, text: string): HTMLElement {
  const item = el('li');
  item.append(swatch(classes), el('span', text));
  return item;
}

/** The kinds and flags this map draws, each with what it means. */
export function legend(graph: FlowGraph, open: boolean, toggled: (open: boolean) => void): HTMLElement {
  const details = el('details', undefined, 'legend');
  details.open = open;
  details.addEventListener('toggle', () => toggled(details.open));
  details.append(el('summary', 'Legend'));
  const list = el('ul');
  const kinds = new Set<FlowNodeKind>(graph.nodes.map((n) => n.kind));
  const flags = new Set<FlowFlag>(graph.nodes.flatMap((n) => n.flags));
  for (const kind of Object.keys(KIND_NAMES) as FlowNodeKind[]) {
    if (kinds.has(kind)) {
      list.append(entry(kind, KIND_NAMES[kind]));
    }
  }
  for (const flag of Object.keys(FLAG_TEXT) as FlowFlag[]) {
    if (flags.has(flag)) {
      list.append(entry(`rule ${flag}`, FLAG_TEXT[flag]));
    }
  }
  list.append(entry('rule finding', 'A finding is drawn on it: see Findings.'));
  list.append(entry('rule traced', 'On the traced event’s path.'));
  details.append(list);
  return details;
}
