import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import * as l10n from '@vscode/l10n';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { elkGraphOf } from '../../src/core/flowMap/flowLayout';
import { flowSvg } from '../../src/core/flowMap/flowSvg';
import type {
  FlowMapHostMessage,
  FlowMapScope,
  FlowMapTrace,
  FlowMapViewMessage,
} from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';
import '../shared/page.css';
import './flowMap.css';
import { layOut } from './layout';
import { legend } from './legend';
import { MapView, ViewBox } from './mapView';
import { detailsSection, findingsSection, SidePanelActions, traceSection } from './sidePanel';
import { standaloneSvg } from './standaloneSvg';
import { loadTranslation } from '../shared/l10n';

// Before any text is drawn: the rest of this page asks l10n.t for its words.
loadTranslation();

type MapMessage = Extract<FlowMapHostMessage, { type: 'map' }>;

/** What a page shown again, or a reloaded window, starts from. */
interface SavedState {
  readonly scope?: FlowMapScope;
  readonly loadedAt?: string;
  /** Kept for maps up to this size: laying out again would cost more than keeping it. */
  readonly layout?: ElkNode;
  readonly view?: ViewBox;
  readonly selected?: string;
  readonly legendClosed?: boolean;
}

/** The most nodes the map lays out: above it, the page lists the findings and asks for a smaller map. */
const MAX_DRAWN_NODES = 10_000;
const MAX_SAVED_LAYOUT_NODES = 2_000;

declare function acquireVsCodeApi(): {
  postMessage(message: FlowMapViewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
};

const vscode = acquireVsCodeApi();
let saved: SavedState = vscode.getState() ?? {};
const save = (change: Partial<SavedState>) => {
  saved = { ...saved, ...change };
  vscode.setState(saved);
};
const post = (message: FlowMapViewMessage) => vscode.postMessage(message);

const app = document.getElementById('app')!;
const toolbar = el('div', undefined, 'toolbar');
const status = el('p', '', 'status');
status.setAttribute('role', 'status');
const canvas = el('div', undefined, 'canvas');
canvas.tabIndex = 0;
const legendHost = el('div', undefined, 'legend-host');
const side = el('aside', undefined, 'side');
const stage = el('div', undefined, 'stage');
stage.append(canvas, legendHost);
const body = el('div', undefined, 'body');
body.append(stage, side);

let map: MapMessage | undefined;
let trace: FlowMapTrace | undefined;
let laidOut: ElkNode | undefined;
/** What the SVG on screen was drawn from. */
let drawn: { readonly layout: ElkNode; readonly pathKey: string } | undefined;
let layoutRun = 0;

const actions: SidePanelActions = { post, select: (id) => select(id) };
const view = new MapView(canvas, {
  select: (id) => select(id),
  activate: (id) => {
    const node = map?.graph.nodes.find((n) => n.id === id);
    if (node?.kind === 'ruleGroup') {
      post({ type: 'openCompartment', nodeId: id });
    } else if (node && ['rule', 'topic', 'subscription', 'fusionSubscription'].includes(node.kind)) {
      post({ type: 'reveal', nodeId: id });
    }
  },
  moved: (box) => save({ view: box }),
});

const secondary = { secondary: true };
/** A secondary button whose label is short or a sign: its tooltip and screen-reader name say what it does. */
const named = (name: string) => ({ secondary: true, title: name, ariaLabel: name });

function renderToolbar(): void {
  const buttons = [
    ...(map?.canTrace ? [button(l10n.t('Trace Event…'), () => post({ type: 'trace' }))] : []),
    ...(map?.canSend ? [button(l10n.t('Send Through Emulator'), () => post({ type: 'send' }), secondary)] : []),
    ...(trace ? [button(l10n.t('Clear Trace'), () => post({ type: 'clearTrace' }), secondary)] : []),
    button(l10n.t('Fit'), () => view.fit(), named(l10n.t('Fit the whole map (0)'))),
    button('+', () => view.zoom(1.25), named(l10n.t('Zoom In (+)'))),
    button('−', () => view.zoom(0.8), named(l10n.t('Zoom Out (−)'))),
    button(l10n.t('Copy as Mermaid'), () => post({ type: 'copyMermaid' }), secondary),
    button(l10n.t('Save as SVG'), () => saveSvg(), secondary),
    button(l10n.t('Refresh'), () => post({ type: 'refresh' }), secondary),
  ];
  toolbar.replaceChildren(el('h1', map?.title ?? ''), ...buttons);
}

function renderSide(): void {
  if (!map) {
    side.replaceChildren();
    return;
  }
  const selected = map.graph.nodes.find((n) => n.id === saved.selected);
  side.replaceChildren(
    ...(trace ? [traceSection(map.graph, trace, actions)] : []),
    detailsSection(selected, map.findings, map.scope.source, actions),
    findingsSection(map.graph, map.findings, actions),
  );
}

function select(nodeId: string | undefined): void {
  save({ selected: nodeId });
  view.select(nodeId);
  renderSide();
}

/**
 * Draws the laid-out map with the trace's path, then marks findings and what the trace did. The
 * SVG is made again only for another layout or path: a send's deliveries, reported every few
 * hundred milliseconds, change only the marks.
 */
function draw(keepView: boolean): void {
  if (!map || !laidOut) {
    return;
  }
  const path = new Set(trace?.path ?? []);
  const pathKey = [...path].join('\n');
  if (drawn?.layout !== laidOut || drawn.pathKey !== pathKey) {
    view.show(flowSvg(map.graph, laidOut, path), laidOut, keepView ? saved.view : undefined);
    drawn = { layout: laidOut, pathKey };
  }
  view.mark('finding', new Set(map.findings.flatMap((f) => f.nodeIds)));
  view.mark('dim', trace ? new Set(map.graph.nodes.filter((n) => !path.has(n.id)).map((n) => n.id)) : new Set());
  const deliveries = trace?.sent?.deliveries ?? [];
  view.mark('delivered', new Set(deliveries.filter((d) => d.state === 'delivered').map((d) => d.nodeId)));
  view.mark('gave-up', new Set(deliveries.filter((d) => d.state === 'gave up').map((d) => d.nodeId)));
}

async function showMap(message: MapMessage): Promise<void> {
  // A layout still running is of an older map: whatever this one draws, that one must not.
  const run = ++layoutRun;
  laidOut = undefined;
  drawn = undefined;
  const fresh = saved.loadedAt !== message.loadedAt;
  const sameScope = JSON.stringify(saved.scope) === JSON.stringify(message.scope);
  map = message;
  save({
    scope: message.scope,
    loadedAt: message.loadedAt,
    ...(sameScope ? {} : { view: undefined, selected: undefined }),
  });
  document.title = message.title;
  const notice = message.notice ? [el('p', message.notice, 'notice')] : [];
  app.replaceChildren(toolbar, ...notice, status, body);
  renderToolbar();
  renderSide();
  legendHost.replaceChildren(legend(message.graph, !saved.legendClosed, (open) => save({ legendClosed: !open })));
  const nodes = message.graph.nodes.length;
  if (nodes === 0) {
    view.clear();
    canvas.replaceChildren(
      el(
        'p',
        l10n.t('Nothing to draw: no rule, topic or subscription here. Pick another compartment, or Refresh.'),
        'empty',
      ),
    );
    return;
  }
  if (nodes > MAX_DRAWN_NODES) {
    view.clear();
    canvas.replaceChildren(
      el(
        'p',
        l10n.t(
          'This map has {0} nodes, more than can be drawn legibly ({1}). Its findings are listed beside. Open the map of one compartment instead: Show Event Flow on its row in the Tenancy view.',
          nodes.toLocaleString(),
          MAX_DRAWN_NODES.toLocaleString(),
        ),
        'empty',
      ),
    );
    return;
  }
  if (!fresh && saved.layout) {
    laidOut = saved.layout;
    draw(true);
    return;
  }
  const busy = el('div', undefined, 'busy');
  busy.append(
    document.createElement('vscode-progress-ring'),
    el('span', l10n.t('Laying out {0} nodes…', nodes.toLocaleString())),
  );
  canvas.replaceChildren(busy);
  const started = performance.now();
  try {
    const result = await layOut(elkGraphOf(message.graph));
    if (run !== layoutRun) {
      return;
    }
    laidOut = result;
    save({ layout: nodes <= MAX_SAVED_LAYOUT_NODES ? result : undefined });
    draw(sameScope);
    status.textContent = l10n.t(
      '{0} nodes laid out in {1} ms.',
      nodes.toLocaleString(),
      Math.round(performance.now() - started),
    );
  } catch (err) {
    if (run !== layoutRun) {
      return;
    }
    // What went wrong inside the layout engine is for the log; the page says what to do.
    post({ type: 'layoutFailed', message: err instanceof Error ? err.message : String(err) });
    canvas.replaceChildren(
      el(
        'p',
        l10n.t(
          'The map could not be laid out. Its findings are listed beside. Refresh to try again, or open the map of a smaller part; the log (OCI Events: Show Log) says why.',
        ),
        'empty error',
      ),
    );
  }
}

function saveSvg(): void {
  const drawing = view.drawing;
  if (!drawing) {
    status.textContent = l10n.t('There is no drawn map to save yet.');
    return;
  }
  post({ type: 'saveSvg', svg: standaloneSvg(drawing.svg, drawing.whole) });
}

function showLoading(message: Extract<FlowMapHostMessage, { type: 'loading' }>): void {
  if (map) {
    // A map on screen stays while it is read again.
    status.textContent = message.step;
    return;
  }
  const busy = el('div', undefined, 'busy');
  busy.append(document.createElement('vscode-progress-ring'), el('span', message.step));
  app.replaceChildren(el('h1', message.title), busy);
}

function showError(message: Extract<FlowMapHostMessage, { type: 'error' }>): void {
  layoutRun++;
  map = undefined;
  laidOut = undefined;
  drawn = undefined;
  const error = el('p', message.message, 'error');
  error.setAttribute('role', 'alert');
  app.replaceChildren(
    el('h1', message.title),
    error,
    button(l10n.t('Refresh'), () => post({ type: 'refresh' })),
  );
}

window.addEventListener('message', (event: MessageEvent<FlowMapHostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'loading':
      return showLoading(message);
    case 'map':
      void showMap(message);
      return;
    case 'trace':
      trace = message.trace;
      renderToolbar();
      renderSide();
      draw(true);
      return;
    case 'status':
      status.textContent = message.text;
      status.classList.toggle('bad', message.error === true);
      return;
    case 'error':
      return showError(message);
  }
});
post({ type: 'ready' });
