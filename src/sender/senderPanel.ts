import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { splitUrlCredentials } from '../core/sender/urlCredentials';
import { SenderRequest } from '../core/sender/senderTypes';
import { SenderContext, SenderHostMessage, SenderViewMessage } from '../protocol/webviewMessages';
import { SenderHistoryStore } from './senderHistoryStore';
import { WebhookSender } from './webhookSender';
import { webviewHtml } from '../platform/webviewHtml';
import { checkSenderViewMessage } from '../protocol/senderMessageCheck';
import { errorText, inBackground } from '../platform/errorBoundary';

export const SENDER_VIEW_TYPE = 'oew.sender';
/** The panel's title; a function, since the translation bundle is loaded on activation, not on import. */
function panelTitle(): string {
  return vscode.l10n.t('Webhook Sender');
}

/** What the panel needs from the extension; owned by the extension's lifetime, not the panel's. */
export interface SenderPanelHost {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly sender: WebhookSender;
  readonly history: SenderHistoryStore;
  context(): Promise<SenderContext>;
  readonly onDidChangeContext: vscode.Event<void>;
  saveRequest(request: SenderRequest): Promise<unknown>;
  openEnvironments(): Promise<unknown>;
  /** Moves a password out of a URL into SecretStorage, as if typed for that user and origin. */
  rememberBasicPassword(url: string, username: string, password: string): Promise<void>;
}

/**
 * The one sender panel. The webview is the form; every request is built, sent and kept by the
 * extension, and every message from the webview is checked before anything is done with it.
 */
export class SenderPanel extends Disposable {
  private static current: SenderPanel | undefined;

  /** Opens the panel, or reveals it, and loads `seed` into its form when given. */
  static show(host: SenderPanelHost, seed?: SenderRequest, notice?: string): SenderPanel {
    const panel =
      SenderPanel.current ??
      new SenderPanel(
        host,
        vscode.window.createWebviewPanel(SENDER_VIEW_TYPE, panelTitle(), vscode.ViewColumn.Active, options(host)),
      );
    panel.panel.reveal();
    if (seed) {
      panel.post({ type: 'load', request: seed, ...(notice ? { notice } : {}) });
    }
    return panel;
  }

  /**
   * A panel VS Code restored after a reload; its webview restores its own form from its state.
   * VS Code restores a background tab only when it is shown: if a sender was opened since, that
   * one stays, and the restored tab closes.
   */
  static revive(host: SenderPanelHost, webviewPanel: vscode.WebviewPanel): SenderPanel {
    if (SenderPanel.current) {
      webviewPanel.dispose();
      SenderPanel.current.panel.reveal();
      return SenderPanel.current;
    }
    webviewPanel.webview.options = options(host);
    return new SenderPanel(host, webviewPanel);
  }

  static get open(): SenderPanel | undefined {
    return SenderPanel.current;
  }

  private readonly _onDidPost = this._register(new vscode.EventEmitter<SenderHostMessage>());
  /** Every message posted to the webview: how tests follow a round trip. */
  readonly onDidPost = this._onDidPost.event;
  private running: { readonly controller: AbortController; readonly burst?: number } | undefined;
  private ready = false;
  /** Posted before the webview said it is ready, which would lose them. */
  private queued: SenderHostMessage[] = [];

  private constructor(
    private readonly host: SenderPanelHost,
    readonly panel: vscode.WebviewPanel,
  ) {
    super();
    SenderPanel.current = this;
    this._register({ dispose: () => SenderPanel.current === this && (SenderPanel.current = undefined) });
    this._register({ dispose: () => this.running?.controller.abort() });
    this._register(panel);
    panel.iconPath = new vscode.ThemeIcon('send');
    this._register(panel.onDidDispose(() => this.dispose()));
    // A hidden webview is unloaded and drops what is posted to it: hold messages until it is back.
    this._register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          this.ready = false;
        }
      }),
    );
    this._register(
      panel.webview.onDidReceiveMessage((m: unknown) => inBackground(host.log, 'The Webhook Sender', this.receive(m))),
    );
    this._register(host.onDidChangeContext(() => inBackground(host.log, 'The Webhook Sender', this.sendContext())));
    panel.webview.html = webviewHtml(panel.webview, host.extensionUri, 'sender', panelTitle());
  }

  /**
   * A message from the webview: checked against the shared types, then acted on. Anything else
   * is logged and dropped; the reason is returned for the tests that send such messages.
   */
  async receive(value: unknown): Promise<string | undefined> {
    let message: SenderViewMessage;
    try {
      message = checkSenderViewMessage(value);
    } catch (err) {
      const reason = (err as Error).message;
      this.host.log.warn(`Webhook Sender: a malformed message from the panel was ignored: ${reason}`);
      // A limit the form let through (a huge body, too many headers) must not fail unseen.
      this.post({ type: 'error', message: vscode.l10n.t('The request was not sent: {0}', reason) });
      return reason;
    }
    try {
      await this.act(message);
    } catch (err) {
      // Secrets are already out of the message: WebhookSender redacts what it throws.
      const text = err instanceof Error ? err.message : String(err);
      this.host.log.error(`Webhook Sender: ${message.type} failed: ${text}`);
      const shown = errorText(err);
      this.post(
        message.type === 'send' || message.type === 'burst' || (message.type === 'replay' && message.send)
          ? { type: 'failed', message: shown }
          : { type: 'error', message: shown },
      );
    }
    return undefined;
  }

  private async act(message: SenderViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.sendContext();
        this.post({ type: 'history', entries: this.host.history.entries() });
        if (this.running) {
          this.post({ type: 'sending', ...(this.running.burst ? { burst: this.running.burst } : {}) });
        }
        for (const queued of this.queued.splice(0)) {
          this.post(queued);
        }
        return;
      case 'send': {
        const request = await this.withoutUrlCredentials(message.request);
        return this.run(undefined, (signal) =>
          this.host.sender.send(request, message.secrets, signal).then((m) => this.post(m)),
        );
      }
      case 'burst': {
        const request = await this.withoutUrlCredentials(message.request);
        return this.run(message.count, async (signal) => {
          const { summary, warnings } = await this.host.sender.burst(
            request,
            message.secrets,
            message.count,
            message.concurrency,
            signal,
          );
          this.post({ type: 'burstResult', summary, warnings });
        });
      }
      case 'cancel':
        this.running?.controller.abort();
        return;
      case 'fillBody':
        this.post({ type: 'body', body: await this.host.sender.templateBody(message.request) });
        return;
      case 'saveRequest':
        await this.host.saveRequest(message.request);
        return;
      case 'replay': {
        const entry = this.host.history.get(message.id);
        if (!entry) {
          return;
        }
        this.post({ type: 'load', request: entry.request });
        if (message.send) {
          return this.act({ type: 'send', request: entry.request, secrets: {} });
        }
        return;
      }
      case 'clearHistory':
        await this.host.history.clear();
        this.post({ type: 'history', entries: [] });
        return;
      case 'openEnvironments':
        await this.host.openEnvironments();
        return;
    }
  }

  /**
   * One send or burst at a time; Cancel aborts it, and so does closing the panel. A run that a
   * newer one replaced reports nothing, so that it cannot overwrite the newer one's state.
   */
  private async run(burst: number | undefined, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.running?.controller.abort();
    const run = { controller: new AbortController(), burst };
    this.running = run;
    this.post({ type: 'sending', ...(burst ? { burst } : {}) });
    try {
      await work(run.controller.signal);
    } catch (err) {
      if (this.running !== run) {
        return;
      }
      if (!run.controller.signal.aborted) {
        throw err;
      }
      this.post({ type: 'cancelled' });
    } finally {
      if (this.running === run) {
        this.running = undefined;
      }
      this.post({ type: 'history', entries: this.host.history.entries() });
    }
  }

  /**
   * `https://user:pass@host` typed into the URL: the password goes to SecretStorage and the form
   * gets the URL without it and Basic auth for the user, so that its state never holds it.
   */
  private async withoutUrlCredentials(request: SenderRequest): Promise<SenderRequest> {
    const split = splitUrlCredentials(request.url);
    if (!split.password || request.auth.kind !== 'none') {
      return request;
    }
    await this.host.rememberBasicPassword(split.url, split.username, split.password);
    const cleaned: SenderRequest = { ...request, url: split.url, auth: { kind: 'basic', username: split.username } };
    this.post({
      type: 'load',
      request: cleaned,
      notice: vscode.l10n.t('The password in the URL was moved to SecretStorage; Auth is now Basic for its user.'),
    });
    return cleaned;
  }

  private async sendContext(): Promise<void> {
    this.post({ type: 'context', context: await this.host.context() });
  }

  private post(message: SenderHostMessage): void {
    if (this.isDisposed) {
      return;
    }
    if (!this.ready) {
      // The context is sent again on 'ready'; anything else waits for it.
      if (message.type !== 'context') {
        this.queued.push(message);
      }
      return;
    }
    this._onDidPost.fire(message);
    void this.panel.webview.postMessage(message);
  }
}

function options(host: SenderPanelHost): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(host.extensionUri, 'dist', 'webview')],
  };
}
