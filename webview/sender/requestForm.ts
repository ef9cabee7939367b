import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import * as l10n from '@vscode/l10n';
import type {
  SenderContext,
  SenderRequest,
  SenderTemplateInfo,
  TemplateField,
} from '../../src/protocol/webviewMessages';
import { button, el } from '../shared/dom';
import { bodyProblem } from './bodyCheck';
import { authLabels, authSection } from './authSection';
import { burstSection } from './burstSection';
import { checkbox, select, textArea, textField, withMissing } from './controls';
import type { FormActions, FormSection, FormState } from './formSection';
import { headersSection } from './headersSection';

/** Fields that name an event get completion from the catalogues. */
const COMPLETED_FIELDS: Record<string, keyof Pick<SenderContext, 'eventTypes' | 'fusionEvents'>> = {
  eventType: 'eventTypes',
  event: 'fusionEvents',
};

export class RequestForm {
  readonly element = el('section', undefined, 'request');
  private sending = false;

  constructor(
    private readonly state: FormState,
    private context: SenderContext | undefined,
    private readonly actions: FormActions,
  ) {}

  setContext(context: SenderContext): void {
    // Unchanged choices (a tenancy reload, say) must not redraw the form under the user's caret.
    if (JSON.stringify(context) === JSON.stringify(this.context)) {
      return;
    }
    this.context = context;
    this.render();
  }

  setSending(sending: boolean): void {
    this.sending = sending;
    this.render();
  }

  render(): void {
    const context = this.context;
    if (!context) {
      this.element.replaceChildren(el('p', l10n.t('Loading…'), 'muted'));
      return;
    }
    const template = context.templates.find((t) => t.id === this.state.request.template) ?? context.templates[0];
    this.element.replaceChildren(
      this.topRow(context, template),
      el('p', template.description, 'muted description'),
      this.tabs(context, template),
    );
  }

  private topRow(context: SenderContext, template: SenderTemplateInfo): HTMLElement {
    const request = this.state.request;
    const row = el('div', undefined, 'row top');
    const templates = select(
      context.templates.map((t) => ({ value: t.id, label: `${t.platform}: ${t.title}` })),
      template.id,
      (value) => {
        request.template = value as SenderRequest['template'];
        this.actions.templateChanged();
        this.changed(true);
      },
      { id: 'template', label: l10n.t('Template') },
    );
    const fixedMethod = template.methods.length === 1;
    const method = select(
      template.methods.map((m) => ({ value: m, label: m })),
      template.methods.includes(request.method) ? request.method : template.methods[0],
      (value) => {
        request.method = value;
        this.changed();
      },
      { id: 'method', label: l10n.t('Method') },
    );
    if (fixedMethod) {
      method.setAttribute('disabled', '');
      method.title = l10n.t('{0} is always sent with {1}.', template.title, template.methods[0]);
    }
    const url = textField(
      request.url,
      (value) => {
        request.url = value;
        this.changed();
      },
      {
        id: 'url',
        label: l10n.t('URL'),
        placeholder: l10n.t('https://example.com/webhook — {0} allowed', '{{variables}}'),
      },
    );
    url.classList.add('grow');
    row.append(templates, method, url);
    if (context.inboxUrl) {
      row.append(
        button(
          l10n.t('Use Inbox'),
          () => {
            request.url = `${context.inboxUrl}/${template.id}`;
            this.changed(true);
          },
          { id: 'use-inbox', secondary: true, title: l10n.t('Send to the Webhook Inbox at {0}', context.inboxUrl) },
        ),
      );
    }
    row.append(
      this.sending
        ? button(l10n.t('Cancel'), () => this.actions.cancel(), { id: 'cancel', secondary: true })
        : button(l10n.t('Send'), () => this.actions.send(), { id: 'send' }),
      button(l10n.t('Save Request…'), () => this.actions.save(), { id: 'save', secondary: true }),
    );
    if (request.allowSelfSigned) {
      // Beside Send, whichever tab is open: a request loaded from history or a file may carry it.
      const banner = el(
        'p',
        l10n.t('⚠ Self-signed certificates are accepted: the server is not verified.'),
        'warning banner',
      );
      banner.id = 'self-signed-banner';
      row.append(banner);
    }
    return row;
  }

  private tabs(context: SenderContext, template: SenderTemplateInfo): HTMLElement {
    const tabs = document.createElement('vscode-tabs');
    tabs.setAttribute('selected-index', String(this.state.tab));
    tabs.addEventListener('vsc-tabs-select', (e) => {
      this.state.tab = (e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      this.actions.changed();
    });
    const panels: [string, HTMLElement][] = [
      // The count of what the tab shows: the template's secret is a field of the form too.
      [l10n.t('Fields ({0})', template.fields.length + (template.secret ? 1 : 0)), this.fields(context, template)],
      [
        // The headers the user adds; those the template sets itself are named in the tab.
        l10n.t('Extra Headers ({0})', this.state.request.headers.filter((h) => h.enabled).length),
        headersSection(this.section(), template),
      ],
      [l10n.t('Auth: {0}', authLabels()[this.state.request.auth.kind]), authSection(this.section(), context)],
      [l10n.t('Body'), this.body(template)],
      [l10n.t('Options'), this.options(context)],
      [l10n.t('Burst'), burstSection(this.section())],
    ];
    for (const [title, panel] of panels) {
      const header = document.createElement('vscode-tab-header');
      header.setAttribute('slot', 'header');
      header.textContent = title;
      const body = document.createElement('vscode-tab-panel');
      body.append(panel);
      tabs.append(header, body);
    }
    return tabs;
  }

  private fields(context: SenderContext, template: SenderTemplateInfo): HTMLElement {
    const box = el('div', undefined, 'grid');
    if (!template.fields.length && !template.secret) {
      box.append(el('p', l10n.t('{0} has no fields to fill in.', template.title), 'muted'));
    }
    for (const field of template.fields) {
      box.append(el('label', field.name), this.fieldControl(context, field), el('span', field.description, 'muted'));
    }
    if (template.secret) {
      box.append(
        el('label', 'secret'),
        textField(this.state.secrets.template ?? '', (value) => (this.state.secrets.template = value), {
          id: 'template-secret',
          type: 'password',
          label: l10n.t('Template secret'),
          placeholder: l10n.t('Kept in SecretStorage; leave empty to use the kept one'),
        }),
        el('span', l10n.t('Optional: {0}.', template.secret), 'muted'),
      );
    }
    return box;
  }

  private fieldControl(context: SenderContext, field: TemplateField): HTMLElement {
    const fields = this.state.request.fields as Record<string, string>;
    const set = (value: string) => {
      fields[field.name] = value;
      this.changed();
    };
    const current = fields[field.name] ?? '';
    if (field.values) {
      return select(
        field.values.map((v) => ({ value: v, label: v === field.default ? l10n.t('{0} (default)', v) : v })),
        current || field.default || field.values[0],
        set,
        { id: `field-${field.name}`, label: field.name },
      );
    }
    if (field.json) {
      return textArea(current, set, {
        id: `field-${field.name}`,
        label: field.name,
        rows: 3,
        placeholder: field.default,
      });
    }
    const completion = COMPLETED_FIELDS[field.name];
    if (completion) {
      // A native input, because a datalist cannot reach into a custom element's shadow root.
      const input = el('input', undefined, 'native');
      input.id = `field-${field.name}`;
      input.value = current;
      input.placeholder = field.default ?? '';
      input.setAttribute('aria-label', field.name);
      input.setAttribute('list', `${field.name}-values`);
      const list = el('datalist');
      list.id = `${field.name}-values`;
      for (const value of context[completion]) {
        const option = el('option');
        option.value = value;
        list.append(option);
      }
      input.addEventListener('input', () => set(input.value));
      const wrap = el('div');
      wrap.append(input, list);
      return wrap;
    }
    return textField(current, set, {
      id: `field-${field.name}`,
      label: field.name,
      placeholder: field.default ?? l10n.t('(generated)'),
    });
  }

  private body(template: SenderTemplateInfo): HTMLElement {
    const box = el('div', undefined, 'body');
    if (!template.takesBody) {
      box.append(el('p', l10n.t('{0} builds its own body from the fields.', template.title), 'muted'));
      return box;
    }
    const problem = el('p', undefined, 'problem');
    problem.id = 'body-problem';
    problem.setAttribute('role', 'status');
    const language = bodyLanguageOf(
      template,
      this.state.request.fields.contentType || template.fields.find((f) => f.name === 'contentType')?.default || '',
    );
    const check = (text: string) => {
      const found = language && bodyProblem(text, language);
      problem.textContent = found ? `${language.toUpperCase()}: ${found}` : '';
    };
    const area = textArea(
      this.state.request.body,
      (value) => {
        this.state.request.body = value;
        check(value);
        this.changed();
      },
      {
        id: 'body',
        label: l10n.t('Body'),
        placeholder: language
          ? l10n.t('Empty: the template builds the body. {0} is checked as you type.', language.toUpperCase())
          : l10n.t('Empty: the template builds the body.'),
      },
    );
    check(this.state.request.body);
    box.append(
      area,
      problem,
      checkbox(
        l10n.t('Send as written: no {0} in the body', '{{variables}}'),
        this.state.request.rawBody ?? false,
        (checked) => {
          this.state.request.rawBody = checked;
          this.changed();
        },
        'raw-body',
      ),
      button(l10n.t('Fill from Template'), () => this.actions.fillBody(), { id: 'fill-body', secondary: true }),
    );
    return box;
  }

  private options(context: SenderContext): HTMLElement {
    const box = el('div', undefined, 'grid');
    const request = this.state.request;
    box.append(
      el('label', l10n.t('Environment')),
      select(
        [
          { value: '', label: l10n.t('(none)') },
          ...withMissing(context.environments, request.environment ?? '').map((e) => ({
            value: e,
            label: context.environments.includes(e) ? e : l10n.t('{0} (not in .oew/environments.json)', e),
          })),
        ],
        request.environment ?? '',
        (value) => {
          request.environment = value || undefined;
          this.changed();
        },
        { id: 'environment', label: l10n.t('Environment') },
      ),
      button(l10n.t('Edit Environments'), () => this.actions.openEnvironments(), { secondary: true }),
    );
    if (context.environmentError) {
      box.append(el('span'), el('span', context.environmentError, 'warning'), el('span'));
    }
    const warning = el(
      'p',
      request.allowSelfSigned
        ? l10n.t('⚠ Any certificate is accepted, so the server is not verified. Use this for test servers only.')
        : '',
      'warning',
    );
    warning.id = 'self-signed-warning';
    box.append(
      el('label', 'TLS'),
      checkbox(
        l10n.t('Accept self-signed certificates'),
        request.allowSelfSigned,
        (checked) => {
          request.allowSelfSigned = checked;
          this.changed(true);
        },
        'self-signed',
      ),
      warning,
    );
    return box;
  }

  private section(): FormSection {
    return { state: this.state, actions: this.actions, sending: this.sending, changed: (r) => this.changed(r) };
  }

  private changed(rerender = false): void {
    this.actions.changed();
    if (rerender) {
      this.render();
    }
  }
}

function bodyLanguageOf(template: SenderTemplateInfo, contentType: string): 'json' | 'xml' | undefined {
  if (template.bodyLanguage !== 'contentType') {
    return template.bodyLanguage;
  }
  return /json/i.test(contentType) ? 'json' : /xml/i.test(contentType) ? 'xml' : undefined;
}
