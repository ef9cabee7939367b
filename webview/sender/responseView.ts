import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import * as l10n from '@vscode/l10n';
import type { SenderBurstSummary, SenderHostMessage, SenderResponse } from '../../src/protocol/webviewMessages';
import { el } from '../shared/dom';

/** What the response area shows; kept in the webview's state so that it survives hiding the panel. */
export type ResultState =
  | { readonly kind: 'none' }
  | { readonly kind: 'sending'; readonly burst?: number }
  | { readonly kind: 'response'; readonly message: Extract<SenderHostMessage, { type: 'response' }> }
  | { readonly kind: 'burst'; readonly summary: SenderBurstSummary; readonly warnings: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'cancelled' };

/** The response, rendered as text only: a body is never parsed as HTML, whatever it holds. */
export function renderResult(state: ResultState): HTMLElement {
  const box = el('section', undefined, 'result');
  box.id = 'result';
  box.setAttribute('aria-live', 'polite');
  switch (state.kind) {
    case 'none':
      box.append(el('p', l10n.t('Send a request to see its response here.'), 'muted'));
      break;
    case 'sending': {
      const busy = el('div', undefined, 'busy');
      busy.append(
        document.createElement('vscode-progress-ring'),
        el('span', state.burst ? l10n.t('Sending {0} requests…', state.burst) : l10n.t('Sending…')),
      );
      box.append(busy);
      break;
    }
    case 'failed':
      box.append(el('p', state.message, 'error'));
      break;
    case 'cancelled':
      box.append(el('p', l10n.t('Cancelled.'), 'muted'));
      break;
    case 'burst':
      box.append(...warnings(state.warnings), burstSummary(state.summary));
      break;
    case 'response':
      box.append(...warnings(state.message.warnings), ...response(state.message));
      break;
  }
  return box;
}

function response(message: Extract<SenderHostMessage, { type: 'response' }>): HTMLElement[] {
  const r = message.response;
  const status = el('p', undefined, `status ${statusClass(r.status)}`);
  status.id = 'status';
  status.append(el('strong', `${r.status} ${r.statusText}`), el('span', ` · ${size(r)} · ${r.url}`, 'muted'));
  const timings = el('table', undefined, 'timings');
  timings.id = 'timings';
  for (const t of r.timings) {
    const row = el('tr');
    row.append(el('th', t.phase), el('td', l10n.t('{0} ms', t.ms.toFixed(1))));
    timings.append(row);
  }
  const sent = el(
    'pre',
    [
      `${message.sent.method} ${message.sent.url}`,
      ...Object.entries(message.sent.headers).map(([k, v]) => `${k}: ${v}`),
      ...(message.sent.body ? ['', message.sent.body] : []),
    ].join('\n'),
    'sent',
  );
  sent.id = 'request-sent';
  const body = el('pre', r.bodyKind === 'empty' ? l10n.t('(empty body)') : r.body, `body ${r.bodyKind}`);
  body.id = 'response-body';
  const notes = [
    ...(r.cutForDisplay ? [l10n.t('The panel shows the start of the body; the size above is the whole.')] : []),
    ...(r.redirects.length
      ? [l10n.t('Redirected: {0}', r.redirects.map((x) => `${x.status} → ${x.location}`).join(', '))]
      : []),
    ...(r.viaProxy ? [l10n.t('Sent through the proxy of VS Code’s http.proxy setting.')] : []),
  ].map((text) => el('p', text, 'muted'));
  return [
    status,
    ...notes,
    section(l10n.t('Timing'), timings),
    section(l10n.t('Body'), body),
    section(l10n.t('Headers'), headerTable(r.headers)),
    section(l10n.t('Request sent'), sent, false),
  ];
}

function burstSummary(s: SenderBurstSummary): HTMLElement {
  const box = el('div', undefined, 'burst-summary');
  box.id = 'burst-summary';
  box.append(
    el(
      'p',
      s.cancelled
        ? l10n.t(
            '{0} sent in {1} s ({2} req/s) at concurrency {3} — cancelled',
            s.sent,
            (s.durationMs / 1000).toFixed(2),
            Math.round(s.requestsPerSecond),
            s.concurrency,
          )
        : l10n.t(
            '{0} sent in {1} s ({2} req/s) at concurrency {3}',
            s.sent,
            (s.durationMs / 1000).toFixed(2),
            Math.round(s.requestsPerSecond),
            s.concurrency,
          ),
      'status',
    ),
  );
  const table = el('table');
  const row = (name: string, value: string) => {
    const tr = el('tr');
    tr.append(el('th', name), el('td', value));
    table.append(tr);
  };
  for (const [status, count] of Object.entries(s.statuses)) {
    row(l10n.t('Status {0}', status), String(count));
  }
  for (const [why, count] of Object.entries(s.errors)) {
    row(l10n.t('No response: {0}', why), String(count));
  }
  row('p50', l10n.t('{0} ms', s.latency.p50.toFixed(1)));
  row('p95', l10n.t('{0} ms', s.latency.p95.toFixed(1)));
  row('p99', l10n.t('{0} ms', s.latency.p99.toFixed(1)));
  row(l10n.t('max'), l10n.t('{0} ms', s.latency.max.toFixed(1)));
  box.append(table);
  return box;
}

function headerTable(headers: SenderResponse['headers']): HTMLElement {
  const table = el('table', undefined, 'headers');
  for (const [name, value] of headers) {
    const row = el('tr');
    row.append(el('th', name), el('td', value));
    table.append(row);
  }
  return table;
}

function section(title: string, content: HTMLElement, open = true): HTMLElement {
  const details = el('details');
  details.open = open;
  details.append(el('summary', title), content);
  return details;
}

function warnings(list: readonly string[]): HTMLElement[] {
  return list.map((w) => el('p', `⚠ ${w}`, 'warning'));
}

function size(r: SenderResponse): string {
  const bytes = r.size.toLocaleString();
  return r.truncated
    ? r.announcedSize
      ? l10n.t('{0} bytes (cut at the limit of {1} announced)', bytes, r.announcedSize.toLocaleString())
      : l10n.t('{0} bytes (cut at the limit)', bytes)
    : l10n.t('{0} bytes', bytes);
}

function statusClass(status: number): string {
  return status >= 200 && status < 300 ? 'ok' : status >= 400 ? 'bad' : 'other';
}
