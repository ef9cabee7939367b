import * as l10n from '@vscode/l10n';
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
  details.append(el('summary', l10n.t('Legend')));
  const list = el('ul');
  const kinds = new Set<FlowNodeKind>(graph.nodes.map((n) => n.kind));
  const flags = new Set<FlowFlag>(graph.nodes.flatMap((n) => n.flags));
  const kindNames = KIND_NAMES();
  const flagText = FLAG_TEXT();
  for (const kind of Object.keys(kindNames) as FlowNodeKind[]) {
    if (kinds.has(kind)) {
      list.append(entry(kind, kindNames[kind]));
    }
  }
  for (const flag of Object.keys(flagText) as FlowFlag[]) {
    if (flags.has(flag)) {
      list.append(entry(`rule ${flag}`, flagText[flag]));
    }
  }
  list.append(entry('rule finding', l10n.t('A finding is drawn on it: see Findings.')));
  list.append(entry('rule traced', l10n.t('On the traced event’s path.')));
  details.append(list);
  return details;
}
