import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
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
      box.append(el('p', 'Send a request to see its response here.', 'muted'));
      break;
    case 'sending': {
      const busy = el('div', undefined, 'busy');
      busy.append(
        document.createElement('vscode-progress-ring'),
        el('span', state.burst ? `Sending ${state.burst} requests…` : 'Sending…'),
      );
      box.append(busy);
      break;
    }
    case 'failed':
      box.append(el('p', state.message, 'error'));
      break;
    case 'cancelled':
      box.append(el('p', 'Cancelled.', 'muted'));
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
    row.append(el('th', t.phase), el('td', `${t.ms.toFixed(1)} ms`));
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
  const body = el('pre', r.bodyKind === 'empty' ? '(empty body)' : r.body, `body ${r.bodyKind}`);
  body.id = 'response-body';
  const notes = [
    ...(r.cutForDisplay ? ['The panel shows the start of the body; the size above is the whole.'] : []),
    ...(r.redirects.length ? [`Redirected: ${r.redirects.map((x) => `${x.status} → ${x.location}`).join(', ')}`] : []),
    ...(r.viaProxy ? ['Sent through the proxy of VS Code’s http.proxy setting.'] : []),
  ].map((text) => el('p', text, 'muted'));
  return [
    status,
    ...notes,
    section('Timing', timings),
    section('Body', body),
    section('Headers', headerTable(r.headers)),
    section('Request sent', sent),
  ];
}

function burstSummary(s: SenderBurstSummary): HTMLElement {
  const box = el('div', undefined, 'burst-summary');
  box.id = 'burst-summary';
  box.append(
    el(
      'p',
      `${s.sent} sent in ${(s.durationMs / 1000).toFixed(2)} s (${Math.round(s.requestsPerSecond)} req/s) at concurrency ${s.concurrency}${s.cancelled ? ' — cancelled' : ''}`,
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
    row(`Status ${status}`, String(count));
  }
  for (const [why, count] of Object.entries(s.errors)) {
    row(`No response: ${why}`, String(count));
  }
  row('p50', `${s.latency.p50.toFixed(1)} ms`);
  row('p95', `${s.latency.p95.toFixed(1)} ms`);
  row('p99', `${s.latency.p99.toFixed(1)} ms`);
  row('max', `${s.latency.max.toFixed(1)} ms`);
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

function section(title: string, content: HTMLElement): HTMLElement {
  const details = el('details');
  details.open = title !== 'Request sent';
  details.append(el('summary', title), content);
  return details;
}

function warnings(list: readonly string[]): HTMLElement[] {
  return list.map((w) => el('p', `⚠ ${w}`, 'warning'));
}

function size(r: SenderResponse): string {
  const bytes = `${r.size.toLocaleString()} bytes`;
  return r.truncated
    ? `${bytes} (cut at the limit${r.announcedSize ? ` of ${r.announcedSize.toLocaleString()} announced` : ''})`
    : bytes;
}

function statusClass(status: number): string {
  return status >= 200 && status < 300 ? 'ok' : status >= 400 ? 'bad' : 'other';
}
