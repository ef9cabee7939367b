import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { UserError } from '../core/errors/userError';
import { parseSavedRequest, REQUEST_NAME, REQUESTS_DIR, savedRequestText } from '../core/sender/savedRequest';
import { SenderRequest } from '../core/sender/senderTypes';
import { ConditionCatalogue } from '../conditions';
import { SenderContext, SenderTemplateInfo } from '../protocol/webviewMessages';
import { TenancyModel } from '../tenancy';
import { SENDER_VIEW_TYPE, SenderPanel, SenderPanelHost } from './senderPanel';
import { SenderEnvironments } from './senderEnvironments';
import { SenderHistoryStore } from './senderHistoryStore';
import { SenderSecretStore } from './senderSecrets';
import { WebhookSender } from './webhookSender';
import { WebhooksBundleLoader } from '../platform/bundles';
import { uriExists } from '../platform/uriExists';
import { prompts } from '../platform/prompts';

export interface SenderFeatureDeps {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly bundle: WebhooksBundleLoader;
  readonly tenancy: TenancyModel;
  readonly catalogue: ConditionCatalogue;
  /** The Webhook Inbox's address while it runs, and when that changes. */
  readonly inboxUrl: () => string | undefined;
  readonly onDidChangeInbox: vscode.Event<void>;
}

/**
 * The sender panel's lasting parts: its history, secrets and environments, the serializer that
 * brings it back after a reload, and the "Open in Sender" lens on saved requests.
 */
export class SenderFeature extends Disposable {
  private readonly host: SenderPanelHost;
  private readonly _onDidChangeContext = this._register(new vscode.EventEmitter<void>());
  private readonly secrets: SenderSecretStore;
  /** Public for the tests that check what history keeps. */
  readonly history: SenderHistoryStore;

  constructor(private readonly deps: SenderFeatureDeps) {
    super();
    this.secrets = new SenderSecretStore(deps.extension.secrets);
    const environments = new SenderEnvironments(deps.extension.workspaceState);
    const history = (this.history = new SenderHistoryStore(deps.extension.workspaceState));
    const sender = new WebhookSender({
      bundle: deps.bundle,
      secrets: this.secrets,
      environments,
      history,
      catalogue: () => deps.catalogue.current,
      sign: async (name, request) => {
        const clients = await deps.tenancy.clientsFor(deps.tenancy.requireProfile(name));
        return clients.signedHeaders(request);
      },
    });
    this.host = {
      extensionUri: deps.extension.extensionUri,
      log: deps.log,
      sender,
      history,
      context: () => this.context(environments),
      onDidChangeContext: this._onDidChangeContext.event,
      saveRequest: (request) => this.saveRequest(request),
      openEnvironments: () => this.openEnvironments(environments),
      rememberBasicPassword: (url, username, password) => this.rememberBasicPassword(url, username, password),
    };
    const changed = () => this._onDidChangeContext.fire();
    // The inbox changes with every request it records; the form cares only about its address.
    let inboxUrl = deps.inboxUrl();
    this._register(
      deps.onDidChangeInbox(() => {
        if (deps.inboxUrl() !== inboxUrl) {
          inboxUrl = deps.inboxUrl();
          changed();
        }
      }),
    );
    this._register(deps.tenancy.onDidChange(changed));
    this._register(deps.catalogue.onDidChange(changed));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/.oew/environments.json'));
    this._register(watcher.onDidChange(changed));
    this._register(watcher.onDidCreate(changed));
    this._register(watcher.onDidDelete(changed));
    this._register(
      vscode.window.registerWebviewPanelSerializer(SENDER_VIEW_TYPE, {
        deserializeWebviewPanel: (panel) => {
          SenderPanel.revive(this.host, panel);
          return Promise.resolve();
        },
      }),
    );
    this._register(
      vscode.languages.registerCodeLensProvider(
        { language: 'json', pattern: `**/${REQUESTS_DIR}/*.json` },
        {
          provideCodeLenses: (document) => [
            new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
              title: vscode.l10n.t('Open in Sender'),
              command: 'oew.sender.openRequestFile',
              arguments: [document.uri],
            }),
          ],
        },
      ),
    );
    this._register({ dispose: () => SenderPanel.open?.dispose() });
  }

  open(seed?: SenderRequest, notice?: string): SenderPanel {
    return SenderPanel.show(this.host, seed, notice);
  }

  inboxUrl(): string | undefined {
    return this.deps.inboxUrl();
  }

  rememberBasicPassword(url: string, username: string, password: string): Promise<void> {
    return this.secrets.storeBasic(url, username, password);
  }

  async openFile(uri: vscode.Uri): Promise<SenderPanel> {
    // The editor's text, unsaved edits included, is what the user sees in the file.
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    return this.open(parseSavedRequest(text, vscode.workspace.asRelativePath(uri)));
  }

  private async context(environments: SenderEnvironments): Promise<SenderContext> {
    const bundle = this.deps.bundle();
    const { names, error } = await environments.names();
    const templates = bundle.WEBHOOK_TEMPLATES.map((t): SenderTemplateInfo => ({
      id: t.id,
      title: t.title,
      platform: t.platform,
      description: t.description,
      fields: t.fields.filter(
        (f) => f.name !== 'method' && !(t.id === 'oic-rest' && bundle.PANEL_AUTH_FIELDS.has(f.name)),
      ),
      takesBody: t.takesBody,
      ...(t.secret && t.id !== 'oic-rest' ? { secret: t.secret } : {}),
      methods: t.fields.find((f) => f.name === 'method')?.values ?? ['POST'],
      bodyLanguage:
        t.id === 'fusion-event' ? 'xml' : t.fields.some((f) => f.name === 'contentType') ? 'contentType' : 'json',
    }));
    const inboxUrl = this.deps.inboxUrl();
    return {
      templates,
      environments: names,
      ...(error ? { environmentError: error } : {}),
      profiles: this.deps.tenancy.roots().flatMap((n) => (n.kind === 'profile' ? [n.profile.name] : [])),
      ...(inboxUrl ? { inboxUrl } : {}),
      eventTypes: this.deps.catalogue.current.entries.map((e) => e.eventType),
      fusionEvents: bundle.referenceCatalog().map((e) => e.name),
    };
  }

  private async saveRequest(request: SenderRequest): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      throw new UserError(
        vscode.l10n.t('Requests are saved in the workspace, and no folder is open.'),
        vscode.l10n.t('Open a folder first.'),
      );
    }
    const name = await prompts.input({
      title: vscode.l10n.t('Save Request'),
      prompt: vscode.l10n.t('Saved as {0}/<name>.json, without secrets, to share through git.', REQUESTS_DIR),
      validateInput: (value) =>
        REQUEST_NAME.test(value) ? undefined : vscode.l10n.t('Use letters, digits, dots, dashes and underscores.'),
    });
    if (!name) {
      return undefined;
    }
    const dir = vscode.Uri.joinPath(folder.uri, REQUESTS_DIR);
    const target = vscode.Uri.joinPath(dir, `${name}.json`);
    if (await uriExists(target)) {
      const replace = vscode.l10n.t('Replace');
      const answer = await prompts.choose(
        vscode.l10n.t('{0}/{1}.json exists.', REQUESTS_DIR, name),
        { modal: true, detail: vscode.l10n.t('Replace it with this request?') },
        replace,
      );
      if (answer !== replace) {
        return undefined;
      }
    }
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(savedRequestText(request)));
    const open = vscode.l10n.t('Open');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Saved the request as {0}/{1}.json, without its secrets.', REQUESTS_DIR, name),
        open,
      )
      .then((choice) => (choice === open ? vscode.window.showTextDocument(target) : undefined));
    return target;
  }

  private async openEnvironments(environments: SenderEnvironments): Promise<void> {
    const file = environments.file;
    if (!file) {
      throw new UserError(
        vscode.l10n.t('Environments live in the workspace, and no folder is open.'),
        vscode.l10n.t('Open a folder first.'),
      );
    }
    if (!(await uriExists(file))) {
      const starter = { environments: { local: { inbox: this.deps.inboxUrl() ?? 'http://127.0.0.1:8080' } } };
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(starter, null, 2)}\n`));
    }
    await vscode.window.showTextDocument(file);
  }
}
