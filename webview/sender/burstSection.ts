import * as l10n from '@vscode/l10n';
import { MAX_BURST_CONCURRENCY, MAX_BURST_COUNT } from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';
import { textField } from './controls';
import type { FormSection } from './formSection';

/** The Burst tab: how many copies, how many at once, and Run or Cancel. */
export function burstSection(form: FormSection): HTMLElement {
  const box = el('div', undefined, 'grid');
  const burst = form.state.burst;
  const number = (label: string, value: number, max: number, set: (n: number) => void, id: string) => {
    const field = textField(String(value), (text) => set(Math.min(max, Math.max(1, Math.floor(Number(text)) || 1))), {
      id,
      label,
      type: 'number',
    });
    field.setAttribute('min', '1');
    field.setAttribute('max', String(max));
    return field;
  };
  box.append(
    el('label', l10n.t('Requests (N)')),
    number(
      l10n.t('Requests'),
      burst.count,
      MAX_BURST_COUNT,
      (n) => ((burst.count = n), form.actions.changed()),
      'burst-count',
    ),
    el(
      'span',
      form.state.request.auth.kind === 'oci'
        ? l10n.t('A signed burst repeats its one signed copy.')
        : // The template syntax goes in as a value: `{…}` in a message is a placeholder.
          l10n.t(
            'Each copy is built afresh: new {0}, event ids and times. At most {1}.',
            '{{uuid}}',
            MAX_BURST_COUNT.toLocaleString(),
          ),
      'muted',
    ),
    el('label', l10n.t('Concurrency (C)')),
    number(
      l10n.t('Concurrency'),
      burst.concurrency,
      MAX_BURST_CONCURRENCY,
      (n) => ((burst.concurrency = n), form.actions.changed()),
      'burst-concurrency',
    ),
    el('span', l10n.t('Connections kept open at once, at most {0}.', MAX_BURST_CONCURRENCY), 'muted'),
    el('span'),
    form.sending
      ? button(l10n.t('Cancel'), () => form.actions.cancel(), { id: 'cancel-burst', secondary: true })
      : button(l10n.t('Run Burst'), () => form.actions.burst(), { id: 'run-burst' }),
    el('span'),
  );
  return box;
}
