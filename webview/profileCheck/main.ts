import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type { CheckStatus, ProfileCheckHostMessage, ProfileCheckViewMessage } from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';
import '../shared/page.css';
import './profileCheck.css';

declare function acquireVsCodeApi(): { postMessage(message: ProfileCheckViewMessage): void };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

const STATUS_TEXT: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✗', skip: '–' };
const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failed',
  skip: 'Not checked',
};

function header(profile: string, file: string): HTMLElement {
  const head = el('header');
  head.append(el('h1', `Profile ${profile}`), el('p', file, 'file'));
  const actions = el('div', undefined, 'actions');
  actions.append(
    button('Check Again', () => vscode.postMessage({ type: 'recheck' })),
    button('Open Config File', () => vscode.postMessage({ type: 'openConfigFile' }), { secondary: true }),
  );
  head.append(actions);
  return head;
}

// Everything a message carries is set as text, never parsed as HTML.
function render(message: ProfileCheckHostMessage): void {
  if (message.type === 'checking') {
    const busy = el('div', undefined, 'busy');
    busy.append(document.createElement('vscode-progress-ring'), el('span', 'Checking…'));
    app.replaceChildren(header(message.profile, message.file), busy);
    return;
  }
  if (message.type === 'error') {
    app.replaceChildren(el('h1', `Profile ${message.profile}`), el('p', message.message, 'error'));
    return;
  }
  const failed = message.results.filter((r) => r.status === 'fail').length;
  const summary = el(
    'p',
    failed === 0 ? 'No problems found.' : `${failed} problem${failed === 1 ? '' : 's'} found.`,
    failed === 0 ? 'summary ok' : 'summary bad',
  );
  summary.setAttribute('role', 'status');
  const table = el('table');
  const head = el('tr');
  head.append(el('th', 'Result'), el('th', 'Check'), el('th', 'Details'));
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
  const when = el('p', `Checked ${new Date(message.checkedAt).toLocaleTimeString()}`, 'when');
  app.replaceChildren(header(message.profile, message.file), summary, table, when);
}

window.addEventListener('message', (event: MessageEvent<ProfileCheckHostMessage>) => render(event.data));
vscode.postMessage({ type: 'ready' });
