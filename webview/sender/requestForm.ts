import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import { SENDER_AUTH_KINDS } from '../../src/core/sender/senderTypes';
import { MAX_BURST_CONCURRENCY, MAX_BURST_COUNT } from '../../src/protocol/webviewMessages';
import type {
  SenderAuth,
  SenderAuthKind,
  SenderContext,
  SenderHeader,
  SenderRequest,
  SenderSecrets,
  SenderTemplateInfo,
  TemplateField,
} from '../../src/protocol/webviewMessages';
import { el } from '../shared/dom';
import { bodyProblem } from './bodyCheck';
import { button, checkbox, select, textArea, textField } from './controls';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the form edits; secrets are kept apart and never saved in the webview's state. */
export interface FormState {
  request: Mutable<Omit<SenderRequest, 'headers'>> & { headers: SenderHeader[] };
  secrets: Mutable<SenderSecrets>;
  burst: { count: number; concurrency: number };
  /** The open tab, kept with the form so that it survives hiding the panel. */
  tab: number;
}

export interface FormActions {
  send(): void;
  cancel(): void;
  burst(): void;
  fillBody(): void;
  save(): void;
  openEnvironments(): void;
  /** The form changed: keep it in the webview's state. */
  changed(): void;
}

const AUTH_LABELS: Record<SenderAuthKind, string> = {
  none: 'None',
  basic: 'Basic',
  bearer: 'Bearer token',
  oauth2: 'OAuth2 client credentials',
  oci: 'OCI request signature',
};

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
      this.element.replaceChildren(el('p', 'Loading…', 'muted'));
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
        this.changed(true);
      },
      { id: 'template', label: 'Template' },
    );
    const fixedMethod = template.methods.length === 1;
    const method = select(
      template.methods.map((m) => ({ value: m, label: m })),
      template.methods.includes(request.method) ? request.method : template.methods[0],
      (value) => {
        request.method = value;
        this.changed();
      },
      { id: 'method', label: 'Method' },
    );
    if (fixedMethod) {
      method.setAttribute('disabled', '');
      method.title = `${template.title} is always sent with ${template.methods[0]}.`;
    }
    const url = textField(
      request.url,
      (value) => {
        request.url = value;
        this.changed();
      },
      { id: 'url', label: 'URL', placeholder: 'https://example.com/webhook — {{variables}} allowed' },
    );
    url.classList.add('grow');
    row.append(templates, method, url);
    if (context.inboxUrl) {
      row.append(
        button(
          'Use Inbox',
          () => {
            request.url = `${context.inboxUrl}/${template.id}`;
            this.changed(true);
          },
          { id: 'use-inbox', secondary: true, title: `Send to the Webhook Inbox at ${context.inboxUrl}` },
        ),
      );
    }
    row.append(
      this.sending
        ? button('Cancel', () => this.actions.cancel(), { id: 'cancel', secondary: true })
        : button('Send', () => this.actions.send(), { id: 'send' }),
      button('Save Request…', () => this.actions.save(), { id: 'save', secondary: true }),
    );
    if (request.allowSelfSigned) {
      // Beside Send, whichever tab is open: a request loaded from history or a file may carry it.
      const banner = el('p', '⚠ Self-signed certificates are accepted: the server is not verified.', 'warning banner');
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
      [`Fields (${template.fields.length})`, this.fields(context, template)],
      [`Headers (${this.state.request.headers.filter((h) => h.enabled).length})`, this.headers(template)],
      [`Auth: ${AUTH_LABELS[this.state.request.auth.kind]}`, this.auth(context)],
      ['Body', this.body(template)],
      ['Options', this.options(context)],
      ['Burst', this.burst()],
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
      box.append(el('p', `${template.title} has no fields to fill in.`, 'muted'));
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
          label: 'Template secret',
          placeholder: 'Kept in SecretStorage; leave empty to use the kept one',
        }),
        el('span', `Optional: ${template.secret}.`, 'muted'),
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
        field.values.map((v) => ({ value: v, label: v === field.default ? `${v} (default)` : v })),
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
      placeholder: field.default ?? '(generated)',
    });
  }

  private headers(template: SenderTemplateInfo): HTMLElement {
    const box = el('div', undefined, 'headers');
    const headers = this.state.request.headers;
    const table = el('table');
    headers.forEach((header, index) => {
      const row = el('tr');
      const cell = (child: HTMLElement) => {
        const td = el('td');
        td.append(child);
        return td;
      };
      row.append(
        cell(checkbox('', header.enabled, (checked) => this.replaceHeader(index, { enabled: checked }))),
        cell(
          textField(header.name, (name) => this.replaceHeader(index, { name }), {
            label: 'Header name',
            placeholder: 'Name',
          }),
        ),
        cell(
          textField(header.value, (value) => this.replaceHeader(index, { value }), {
            label: 'Header value',
            placeholder: 'Value',
          }),
        ),
        cell(
          button(
            'Remove',
            () => {
              headers.splice(index, 1);
              this.changed(true);
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
        'Add Header',
        () => {
          headers.push({ name: '', value: '', enabled: true });
          this.changed(true);
        },
        { id: 'add-header', secondary: true },
      ),
    );
    if (template.id.startsWith('ons-')) {
      box.append(el('p', 'ONS sends no custom headers; extra ones here are sent, with a warning.', 'muted'));
    }
    return box;
  }

  private replaceHeader(index: number, change: Partial<SenderHeader>): void {
    const headers = this.state.request.headers;
    headers[index] = { ...headers[index], ...change };
    this.changed();
  }

  private auth(context: SenderContext): HTMLElement {
    const box = el('div', undefined, 'grid');
    const auth = this.state.request.auth;
    const setAuth = (next: SenderAuth, rerender = false) => {
      this.state.request.auth = next;
      this.changed(rerender);
    };
    box.append(
      el('label', 'Kind'),
      select(
        SENDER_AUTH_KINDS.map((k) => ({ value: k, label: AUTH_LABELS[k] })),
        auth.kind,
        (kind) => {
          // A password typed for Basic is no Bearer token.
          this.state.secrets.auth = undefined;
          setAuth(defaultAuth(kind as SenderAuthKind, context), true);
        },
        { id: 'auth-kind', label: 'Auth kind' },
      ),
      el('span', '', 'muted'),
    );
    const text = (label: string, value: string, change: (v: string) => void, id: string) =>
      box.append(el('label', label), textField(value, change, { id, label }), el('span', '', 'muted'));
    const secret = (label: string) =>
      box.append(
        el('label', label),
        textField(this.state.secrets.auth ?? '', (value) => (this.state.secrets.auth = value), {
          id: 'auth-secret',
          type: 'password',
          label,
          placeholder: 'Kept in SecretStorage; leave empty to use the kept one',
        }),
        el('span', 'Never saved in history, requests or the panel’s state.', 'muted'),
      );
    switch (auth.kind) {
      case 'basic':
        text('Username', auth.username, (username) => setAuth({ ...auth, username }), 'auth-username');
        secret('Password');
        break;
      case 'bearer':
        secret('Token');
        break;
      case 'oauth2':
        text('Token URL', auth.tokenUrl, (tokenUrl) => setAuth({ ...auth, tokenUrl }), 'auth-token-url');
        text('Client id', auth.clientId, (clientId) => setAuth({ ...auth, clientId }), 'auth-client-id');
        text('Scope', auth.scope, (scope) => setAuth({ ...auth, scope }), 'auth-scope');
        secret('Client secret');
        break;
      case 'oci':
        box.append(
          el('label', 'Profile'),
          context.profiles.length
            ? select(
                withMissing(context.profiles, auth.profile).map((p) => ({
                  value: p,
                  label: context.profiles.includes(p) ? p : `${p} (not in the Tenancy view)`,
                })),
                auth.profile,
                (profile) => setAuth({ kind: 'oci', profile }),
                { id: 'auth-profile', label: 'OCI profile' },
              )
            : el('span', 'The Tenancy view has no profiles.', 'warning'),
          el('span', 'Signed with the profile’s API key, as the OCI SDK signs its calls.', 'muted'),
        );
        break;
    }
    return box;
  }

  private body(template: SenderTemplateInfo): HTMLElement {
    const box = el('div', undefined, 'body');
    if (!template.takesBody) {
      box.append(el('p', `${template.title} builds its own body from the fields.`, 'muted'));
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
        label: 'Body',
        placeholder: `Empty: the template builds the body.${language ? ` ${language.toUpperCase()} is checked as you type.` : ''}`,
      },
    );
    check(this.state.request.body);
    box.append(
      area,
      problem,
      checkbox(
        'Send as written: no {{variables}} in the body',
        this.state.request.rawBody ?? false,
        (checked) => {
          this.state.request.rawBody = checked;
          this.changed();
        },
        'raw-body',
      ),
      button('Fill from Template', () => this.actions.fillBody(), { id: 'fill-body', secondary: true }),
    );
    return box;
  }

  private options(context: SenderContext): HTMLElement {
    const box = el('div', undefined, 'grid');
    const request = this.state.request;
    box.append(
      el('label', 'Environment'),
      select(
        [
          { value: '', label: '(none)' },
          ...withMissing(context.environments, request.environment ?? '').map((e) => ({
            value: e,
            label: context.environments.includes(e) ? e : `${e} (not in .oew/environments.json)`,
          })),
        ],
        request.environment ?? '',
        (value) => {
          request.environment = value || undefined;
          this.changed();
        },
        { id: 'environment', label: 'Environment' },
      ),
      button('Edit Environments', () => this.actions.openEnvironments(), { secondary: true }),
    );
    if (context.environmentError) {
      box.append(el('span'), el('span', context.environmentError, 'warning'), el('span'));
    }
    const warning = el(
      'p',
      request.allowSelfSigned
        ? '⚠ Any certificate is accepted, so the server is not verified. Use this for test servers only.'
        : '',
      'warning',
    );
    warning.id = 'self-signed-warning';
    box.append(
      el('label', 'TLS'),
      checkbox(
        'Accept self-signed certificates',
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

  private burst(): HTMLElement {
    const box = el('div', undefined, 'grid');
    const burst = this.state.burst;
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
      el('label', 'Requests (N)'),
      number(
        'Requests',
        burst.count,
        MAX_BURST_COUNT,
        (n) => ((burst.count = n), this.actions.changed()),
        'burst-count',
      ),
      el(
        'span',
        this.state.request.auth.kind === 'oci'
          ? 'A signed burst repeats its one signed copy.'
          : `Each copy is built afresh: new {{uuid}}, event ids and times. At most ${MAX_BURST_COUNT.toLocaleString()}.`,
        'muted',
      ),
      el('label', 'Concurrency (C)'),
      number(
        'Concurrency',
        burst.concurrency,
        MAX_BURST_CONCURRENCY,
        (n) => ((burst.concurrency = n), this.actions.changed()),
        'burst-concurrency',
      ),
      el('span', `Connections kept open at once, at most ${MAX_BURST_CONCURRENCY}.`, 'muted'),
      el('span'),
      this.sending
        ? button('Cancel', () => this.actions.cancel(), { id: 'cancel-burst', secondary: true })
        : button('Run Burst', () => this.actions.burst(), { id: 'run-burst' }),
      el('span'),
    );
    return box;
  }

  private changed(rerender = false): void {
    this.actions.changed();
    if (rerender) {
      this.render();
    }
  }
}

/** The choices with the one the request names, even when it is gone, so that the picker shows what will be sent. */
function withMissing(values: readonly string[], current: string): string[] {
  return current && !values.includes(current) ? [...values, current] : [...values];
}

function bodyLanguageOf(template: SenderTemplateInfo, contentType: string): 'json' | 'xml' | undefined {
  if (template.bodyLanguage !== 'contentType') {
    return template.bodyLanguage;
  }
  return /json/i.test(contentType) ? 'json' : /xml/i.test(contentType) ? 'xml' : undefined;
}

function defaultAuth(kind: SenderAuthKind, context: SenderContext): SenderAuth {
  switch (kind) {
    case 'basic':
      return { kind, username: '' };
    case 'oauth2':
      return { kind, tokenUrl: '', clientId: '', scope: '' };
    case 'oci':
      return { kind, profile: context.profiles[0] ?? '' };
    default:
      return { kind };
  }
}
