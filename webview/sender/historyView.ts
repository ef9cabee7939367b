import * as l10n from '@vscode/l10n';
import type { SenderHistoryEntry } from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';

/** The last sends, newest first; Load puts one back in the form, Replay also sends it again. */
export function renderHistory(
  entries: readonly SenderHistoryEntry[],
  replay: (id: string, send: boolean) => void,
  clear: () => void,
): HTMLElement {
  const box = el('section', undefined, 'history');
  box.id = 'history';
  const head = el('div', undefined, 'row');
  head.append(el('h2', l10n.t('History')));
  if (entries.length) {
    head.append(button(l10n.t('Clear History'), clear, { id: 'clear-history', secondary: true }));
  }
  box.append(head);
  if (!entries.length) {
    box.append(el('p', l10n.t('Nothing sent yet in this workspace.'), 'muted'));
    return box;
  }
  const list = el('ul');
  for (const entry of entries) {
    const item = el('li');
    const outcome =
      'error' in entry.outcome
        ? entry.outcome.error
        : l10n.t('{0} in {1} ms', entry.outcome.status, Math.round(entry.outcome.ms));
    item.append(
      el('span', new Date(entry.time).toLocaleTimeString(), 'muted'),
      el('span', `${entry.burst ? `${entry.burst}× ` : ''}${entry.sent.method} ${entry.sent.url}`, 'mono'),
      el('span', outcome, 'error' in entry.outcome ? 'error' : 'muted'),
      button(l10n.t('Load'), () => replay(entry.id, false), {
        secondary: true,
        title: l10n.t('Put this request back in the form'),
      }),
      button(l10n.t('Replay'), () => replay(entry.id, true), {
        secondary: true,
        title: l10n.t('Send this request again'),
      }),
    );
    list.append(item);
  }
  box.append(list);
  return box;
}
