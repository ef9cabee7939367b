import * as l10n from '@vscode/l10n';
import type {
  FlowDelivery,
  FlowFinding,
  FlowGraph,
  FlowMapTrace,
  FlowMapViewMessage,
  FlowNode,
} from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';
import { FINDING_TITLES, FLAG_TEXT, KIND_NAMES } from './nodeText';

export interface SidePanelActions {
  readonly post: (message: FlowMapViewMessage) => void;
  readonly select: (nodeId: string) => void;
}

/** The most findings listed: a page of thousands of entries would freeze it, and no one reads them all. */
const MAX_LISTED = 500;

/** A node's name as a link that selects it on the map. */
function nodeLink(node: FlowNode | undefined, id: string, actions: SidePanelActions): HTMLElement {
  const link = el('a', node?.label ?? id, 'node-link');
  link.href = '#';
  link.addEventListener('click', (e) => {
    e.preventDefault();
    actions.select(id);
  });
  return link;
}

/** The findings beside the map: each with what it means and the fix; a click shows its nodes. */
export function findingsSection(
  graph: FlowGraph,
  findings: readonly FlowFinding[],
  actions: SidePanelActions,
): HTMLElement {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const section = el('section', undefined, 'findings');
  section.setAttribute('aria-label', l10n.t('Findings'));
  section.append(el('h2', findings.length ? l10n.t('Findings ({0})', findings.length) : l10n.t('Findings')));
  if (!findings.length) {
    section.append(el('p', l10n.t('Nothing looks wrong on the way of these events.'), 'quiet'));
    return section;
  }
  const list = el('ul');
  for (const finding of findings.slice(0, MAX_LISTED)) {
    const item = el('li', undefined, `finding ${finding.code}`);
    item.append(
      el('strong', FINDING_TITLES()[finding.code]),
      el('p', finding.message),
      el('p', l10n.t('Fix: {0}', finding.fix), 'fix'),
    );
    const on = el('p', l10n.t('On: '), 'on');
    finding.nodeIds.forEach((id, i) => on.append(...(i ? [', '] : []), nodeLink(nodes.get(id), id, actions)));
    item.append(on);
    list.append(item);
  }
  section.append(list);
  if (findings.length > MAX_LISTED) {
    section.append(
      el(
        'p',
        l10n.t('And {0} more: open the map of a smaller part to see them.', findings.length - MAX_LISTED),
        'quiet',
      ),
    );
  }
  return section;
}

/** The selected node: what it is, what is flagged about it, its findings, and where to go from it. */
export function detailsSection(
  node: FlowNode | undefined,
  findings: readonly FlowFinding[],
  source: 'tenancy' | 'fusion',
  actions: SidePanelActions,
): HTMLElement {
  const section = el('section', undefined, 'details');
  section.setAttribute('aria-label', l10n.t('Selected node'));
  if (!node) {
    section.append(
      el('h2', l10n.t('Selected')),
      el('p', l10n.t('Click a node, or press an arrow key on the map, to see it here.'), 'quiet'),
    );
    return section;
  }
  section.append(el('h2', l10n.t('{0}: {1}', KIND_NAMES()[node.kind], node.label)));
  if (node.detail) {
    section.append(el('p', node.detail));
  }
  if (node.ocid) {
    section.append(el('p', node.ocid, 'ocid'));
  }
  for (const flag of node.flags) {
    section.append(el('p', FLAG_TEXT()[flag], `flag ${flag}`));
  }
  for (const finding of findings.filter((f) => f.nodeIds.includes(node.id))) {
    section.append(el('p', l10n.t('{0}: {1}', FINDING_TITLES()[finding.code], finding.fix), 'finding-note'));
  }
  const buttons = el('div', undefined, 'actions');
  const revealable = node.kind === 'rule' || node.kind === 'topic' || node.kind === 'subscription';
  if (revealable || node.kind === 'fusionSubscription') {
    const label = source === 'fusion' ? l10n.t('Reveal in Fusion Events') : l10n.t('Reveal in Tenancy');
    buttons.append(button(label, () => actions.post({ type: 'reveal', nodeId: node.id })));
  }
  if (node.kind === 'rule') {
    buttons.append(
      button(l10n.t('Open Rule'), () => actions.post({ type: 'openRule', nodeId: node.id }), { secondary: true }),
    );
  }
  if (node.kind === 'ruleGroup') {
    buttons.append(button(l10n.t('Show Its Rules'), () => actions.post({ type: 'openCompartment', nodeId: node.id })));
  }
  if (buttons.childElementCount) {
    section.append(buttons);
  }
  return section;
}

/** What a traced event did: each rule's verdict, then, once sent, each delivery as the emulator made it. */
export function traceSection(graph: FlowGraph, trace: FlowMapTrace, actions: SidePanelActions): HTMLElement {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const section = el('section', undefined, 'trace');
  section.setAttribute('aria-label', l10n.t('Trace'));
  section.append(el('h2', l10n.t('Trace')), el('p', trace.label, 'event'));
  const matched = trace.rules.filter((r) => r.matched && !r.disabled);
  section.append(
    el(
      'p',
      matched.length
        ? matched.length === 1
          ? l10n.t('{0} rule of the map matches it.', matched.length)
          : l10n.t('{0} rules of the map match it.', matched.length)
        : l10n.t('No enabled rule of this map matches it: it goes nowhere.'),
      matched.length ? 'summary' : 'summary bad',
    ),
  );
  const verdict = (v: FlowMapTrace['rules'][number]) => {
    const item = el('li', undefined, v.matched ? (v.disabled ? 'off' : 'yes') : 'no');
    item.append(el('span', v.matched ? '✓ ' : '✗ ', 'mark'), nodeLink(nodes.get(v.nodeId), v.nodeId, actions));
    if (v.matched && v.disabled) {
      item.append(el('span', l10n.t(' matches, but is disabled'), 'why'));
    } else if (v.deciding) {
      item.append(el('div', v.deciding, 'why'));
    }
    return item;
  };
  const taking = el('ul', undefined, 'verdicts');
  taking.append(...trace.rules.filter((r) => r.matched).map(verdict));
  section.append(taking);
  if (trace.sent) {
    section.append(sentSection(trace, nodes, actions));
  }
  const away = trace.rules.filter((r) => !r.matched);
  if (away.length) {
    // The rules that turn it away, each with its deciding clause: folded, as there are often many.
    const folded = el('details', undefined, 'away');
    const list = el('ul', undefined, 'verdicts');
    list.append(...away.map(verdict));
    folded.append(
      el(
        'summary',
        away.length === 1
          ? l10n.t('Turned away by {0} rule', away.length)
          : l10n.t('Turned away by {0} rules', away.length),
      ),
      list,
    );
    section.append(folded);
  }
  return section;
}

function sentSection(
  trace: FlowMapTrace,
  nodes: ReadonlyMap<string, FlowNode>,
  actions: SidePanelActions,
): HTMLElement {
  const sent = trace.sent!;
  const part = el('div', undefined, 'sent');
  part.append(el('h3', l10n.t('Sent through the emulator at {0}', new Date(sent.at).toLocaleTimeString())));
  const expected = new Set(trace.rules.filter((r) => r.matched && !r.disabled).map((r) => r.nodeId));
  const differ = sent.matched.length !== expected.size || sent.matched.some((id) => !expected.has(id));
  if (differ) {
    part.append(
      el(
        'p',
        l10n.t(
          'The emulator matched other rules than the map expects: its rules have changed since the map was read, or the event happened in a compartment some rules do not see. Refresh the map.',
        ),
        'summary bad',
      ),
    );
  }
  if (!sent.deliveries.length) {
    part.append(el('p', l10n.t('No HTTP delivery: no matched topic has an ACTIVE HTTPS subscription.'), 'quiet'));
  }
  const list = el('ul', undefined, 'deliveries');
  for (const delivery of sent.deliveries) {
    list.append(deliveryItem(delivery, nodes, actions));
  }
  part.append(list);
  if (sent.pending) {
    part.append(el('p', l10n.t('Deliveries under way…'), 'quiet'));
  }
  return part;
}

function deliveryItem(
  delivery: FlowDelivery,
  nodes: ReadonlyMap<string, FlowNode>,
  actions: SidePanelActions,
): HTMLElement {
  const item = el('li', undefined, delivery.state.replace(' ', '-'));
  item.append(
    nodeLink(nodes.get(delivery.nodeId), delivery.nodeId, actions),
    el('span', ` ${delivery.endpoint}`, 'endpoint'),
  );
  const state = deliveryStateLine(delivery);
  item.append(el('div', state, 'state'));
  if (delivery.inboxEntry) {
    const entry = delivery.inboxEntry;
    const open = el('a', l10n.t('Inbox: {0}', entry.label), 'inbox-link');
    open.href = '#';
    open.addEventListener('click', (e) => {
      e.preventDefault();
      actions.post({ type: 'openInboxEntry', id: entry.id });
    });
    item.append(open);
  }
  return item;
}

/** A delivery's state as shown: the state's name (the data keeps its own), then its last attempt's answer. */
function deliveryStateLine(delivery: FlowDelivery): string {
  const name =
    delivery.state === 'delivered'
      ? l10n.t('delivered')
      : delivery.state === 'gave up'
        ? l10n.t('gave up')
        : l10n.t('delivering');
  const last = delivery.attempts.at(-1);
  if (!last) {
    return name;
  }
  const attempts = delivery.attempts.length;
  if (last.status) {
    return attempts > 1
      ? l10n.t('{0}: HTTP {1} in {2} ms, after {3} attempts', name, last.status, last.ms, attempts)
      : l10n.t('{0}: HTTP {1} in {2} ms', name, last.status, last.ms);
  }
  return attempts > 1
    ? l10n.t('{0}: HTTP no answer in {1} ms, after {2} attempts', name, last.ms, attempts)
    : l10n.t('{0}: HTTP no answer in {1} ms', name, last.ms);
}
