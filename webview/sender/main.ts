import * as l10n from '@vscode/l10n';
import { REDACTED } from '../../src/core/http/redact';
import { redactSenderRequest } from '../../src/core/sender/redactSenderRequest';
import { emptySenderRequest } from '../../src/core/sender/senderTypes';
import type {
  SenderContext,
  SenderHistoryEntry,
  SenderHostMessage,
  SenderRequest,
  SenderViewMessage,
} from '../../src/protocol/webviewMessages';
import { el } from '../shared/dom';
import { renderHistory } from './historyView';
import type { FormState } from './formSection';
import { RequestForm } from './requestForm';
import { renderResult, ResultState } from './responseView';
import '../shared/page.css';
import './sender.css';
import { loadTranslation } from '../shared/l10n';

// Before any text is drawn: the rest of this page asks l10n.t for its words.
loadTranslation();

/**
 * What survives hiding the panel and reloading the window; secrets are never part of it: not the
 * Auth section's, nor a value typed into a secret-looking header, query or body field.
 */
interface SavedState {
  readonly request: SenderRequest;
  readonly burst: FormState['burst'];
  readonly tab: number;
  readonly result: ResultState;
}

declare function acquireVsCodeApi(): {
  postMessage(message: SenderViewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
};

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
const state: FormState = {
  request: clone(saved?.request ?? emptySenderRequest()),
  secrets: {},
  burst: saved?.burst ?? { count: 50, concurrency: 10 },
  tab: saved?.tab ?? 0,
};
let result: ResultState = saved?.result?.kind === 'sending' ? { kind: 'none' } : (saved?.result ?? { kind: 'none' });
let context: SenderContext | undefined;
let history: readonly SenderHistoryEntry[] = [];

// Saved at once on every change: a hidden webview is torn down without warning, and a save
// still waiting on a timer would be lost with it.
const save = () =>
  vscode.setState({ request: redactSenderRequest(state.request), burst: state.burst, tab: state.tab, result });
const post = (message: SenderViewMessage) => vscode.postMessage(message);

const form = new RequestForm(state, context, {
  send: () => post({ type: 'send', request: state.request, secrets: state.secrets }),
  cancel: () => post({ type: 'cancel' }),
  burst: () =>
    post({
      type: 'burst',
      request: state.request,
      secrets: state.secrets,
      count: state.burst.count,
      concurrency: state.burst.concurrency,
    }),
  fillBody: () => post({ type: 'fillBody', request: state.request }),
  save: () => post({ type: 'saveRequest', request: state.request }),
  openEnvironments: () => post({ type: 'openEnvironments' }),
  templateChanged: () => {
    if (result.kind !== 'sending') {
      showResult({ kind: 'none' });
    }
  },
  changed: save,
});

const app = document.getElementById('app')!;
const noticeSlot = el('p', undefined, 'notice');
noticeSlot.id = 'notice';
noticeSlot.setAttribute('role', 'status');
const resultSlot = el('div');
const historySlot = el('div');
app.append(el('h1', l10n.t('Webhook Sender')), noticeSlot, form.element, resultSlot, historySlot);

/** A note beside the form (a secret moved out, Save Request failing) that leaves the result alone. */
function showNotice(text: string | undefined, error = false): void {
  noticeSlot.textContent = text ?? '';
  noticeSlot.className = error ? 'notice error' : 'notice warning';
}

function showResult(next: ResultState): void {
  result = next;
  save();
  resultSlot.replaceChildren(renderResult(result));
  form.setSending(result.kind === 'sending');
}

function showHistory(): void {
  historySlot.replaceChildren(
    renderHistory(
      history,
      (id, send) => post({ type: 'replay', id, send }),
      () => post({ type: 'clearHistory' }),
    ),
  );
}

function receive(message: SenderHostMessage): void {
  switch (message.type) {
    case 'context':
      context = message.context;
      form.setContext(context);
      return;
    case 'load':
      state.request = clone(message.request);
      state.secrets = {};
      save();
      form.render();
      showNotice(message.notice);
      return;
    case 'error':
      showNotice(message.message, true);
      return;
    case 'sending':
      showNotice(undefined);
      return showResult({ kind: 'sending', ...(message.burst ? { burst: message.burst } : {}) });
    case 'response':
      return showResult({ kind: 'response', message });
    case 'burstResult':
      return showResult({ kind: 'burst', summary: message.summary, warnings: message.warnings });
    case 'failed':
      return showResult({ kind: 'failed', message: message.message });
    case 'cancelled':
      return showResult({ kind: 'cancelled' });
    case 'body':
      state.request.body = message.body;
      save();
      form.render();
      return;
    case 'history':
      history = message.entries;
      showHistory();
      return;
  }
}

function clone(request: SenderRequest): FormState['request'] {
  return JSON.parse(JSON.stringify(request)) as FormState['request'];
}

window.addEventListener('message', (event: MessageEvent<SenderHostMessage>) => receive(event.data));
form.render();
showResult(result);
showHistory();
if (saved && JSON.stringify(saved.request).includes(REDACTED)) {
  showNotice(
    l10n.t(
      'Secret values show {0}: the panel keeps none while hidden. Type them in again, or use {1}.',
      REDACTED,
      '{{env:NAME}}',
    ),
  );
}
post({ type: 'ready' });
