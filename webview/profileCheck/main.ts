import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import * as l10n from '@vscode/l10n';
import type { CheckStatus, ProfileCheckHostMessage, ProfileCheckViewMessage } from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';
import '../shared/page.css';
import './profileCheck.css';
import { loadTranslation } from '../shared/l10n';

// Before any text is drawn: the rest of this page asks l10n.t for its words.
loadTranslation();

declare function acquireVsCodeApi(): { postMessage(message: ProfileCheckViewMessage): void };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

const STATUS_TEXT: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };
const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: l10n.t('Passed'),
  warn: l10n.t('Warning'),
  fail: l10n.t('Failed'),
  skip: l10n.t('Not checked'),
};

function header(profile: string, file: string): HTMLElement {
  const head = el('header');
  head.append(el('h1', l10n.t('Profile {0}', profile)), el('p', file, 'file'));
  const actions = el('div', undefined, 'actions');
  actions.append(
    button(l10n.t('Check Again'), () => vscode.postMessage({ type: 'recheck' })),
    button(l10n.t('Open Config File'), () => vscode.postMessage({ type: 'openConfigFile' }), { secondary: true }),
  );
  head.append(actions);
  return head;
}

// Everything a message carries is set as text, never parsed as HTML.
function render(message: ProfileCheckHostMessage): void {
  if (message.type === 'checking') {
    const busy = el('div', undefined, 'busy');
    busy.append(document.createElement('vscode-progress-ring'), el('span', l10n.t('Checking…')));
    app.replaceChildren(header(message.profile, message.file), busy);
    return;
  }
  if (message.type === 'error') {
    app.replaceChildren(el('h1', l10n.t('Profile {0}', message.profile)), el('p', message.message, 'error'));
    return;
  }
  const failed = message.results.filter((r) => r.status === 'fail').length;
  const summary = el(
    'p',
    failed === 0
      ? l10n.t('No problems found.')
      : failed === 1
        ? l10n.t('{0} problem found.', failed)
        : l10n.t('{0} problems found.', failed),
    failed === 0 ? 'summary ok' : 'summary bad',
  );
  summary.setAttribute('role', 'status');
  const table = el('table');
  const head = el('tr');
  head.append(el('th', l10n.t('Result')), el('th', l10n.t('Check')), el('th', l10n.t('Details')));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const result of message.results) {
    const row = el('tr', undefined, result.status);
    const status = el('td', STATUS_TEXT[result.status], 'status');
    status.title = STATUS_LABEL[result.status];
    status.setAttribute('aria-label', STATUS_LABEL[result.status]);
    row.append(status, el('td', result.label), el('td', result.detail, 'detail'));
    table.tBodies[0].append(row);
  }
  const when = el('p', l10n.t('Checked {0}', new Date(message.checkedAt).toLocaleTimeString()), 'when');
  app.replaceChildren(header(message.profile, message.file), summary, table, when);
}

window.addEventListener('message', (event: MessageEvent<ProfileCheckHostMessage>) => render(event.data));
vscode.postMessage({ type: 'ready' });
