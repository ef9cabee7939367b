import * as l10n from '@vscode/l10n';
import type { SenderHeader, SenderTemplateInfo } from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';
import { checkbox, textField } from './controls';
import type { FormSection } from './formSection';

/** The Headers tab: a row per header, each with its switch, name and value. */
export function headersSection(form: FormSection, template: SenderTemplateInfo): HTMLElement {
  const box = el('div', undefined, 'headers');
  box.append(
    el(
      'p',
      l10n.t(
        '{0} sets its own headers (such as Content-Type, and a platform\'s event header); these are sent beside them, and "Request sent", under the response, lists every header.',
        template.title,
      ),
      'muted',
    ),
  );
  const headers = form.state.request.headers;
  const table = el('table');
  headers.forEach((header, index) => {
    const row = el('tr');
    const cell = (child: HTMLElement) => {
      const td = el('td');
      td.append(child);
      return td;
    };
    row.append(
      cell(checkbox('', header.enabled, (checked) => replaceHeader(form, index, { enabled: checked }))),
      cell(
        textField(header.name, (name) => replaceHeader(form, index, { name }), {
          label: l10n.t('Header name'),
          placeholder: l10n.t('Name'),
        }),
      ),
      cell(
        textField(header.value, (value) => replaceHeader(form, index, { value }), {
          label: l10n.t('Header value'),
          placeholder: l10n.t('Value'),
        }),
      ),
      cell(
        button(
          l10n.t('Remove'),
          () => {
            headers.splice(index, 1);
            form.changed(true);
          },
          { secondary: true },
        ),
      ),
    );
    table.append(row);
  });
  box.append(
    table,
    button(
      l10n.t('Add Header'),
      () => {
        headers.push({ name: '', value: '', enabled: true });
        form.changed(true);
      },
      { id: 'add-header', secondary: true },
    ),
  );
  if (template.id.startsWith('ons-')) {
    box.append(el('p', l10n.t('ONS sends no custom headers; extra ones here are sent, with a warning.'), 'muted'));
  }
  return box;
}

function replaceHeader(form: FormSection, index: number, change: Partial<SenderHeader>): void {
  const headers = form.state.request.headers;
  headers[index] = { ...headers[index], ...change };
  form.changed();
}
