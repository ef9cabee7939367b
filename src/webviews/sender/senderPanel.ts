import * as vscode from 'vscode';
import { Disposable } from '../../base/disposable';
import { describeError } from '../../core/errors/userError';
import { SenderRequest } from '../../core/sender/senderTypes';
import { SenderContext, SenderHostMessage, SenderViewMessage } from '../../shared/webviewMessages';
import { SenderHistoryStore } from '../../webhooks/senderHistoryStore';
import { WebhookSender } from '../../webhooks/webhookSender';
import { webviewHtml } from '../webviewHtml';
import { checkSenderViewMessage } from './senderMessageCheck';

export const SENDER_VIEW_TYPE = 'oew.sender';
const TITLE = 'Webhook Sender';

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
}

/**
 * The one sender panel. The webview is the form; every request is built, sent and kept by the
 * extension, and every message from the webview is checked before anything is done with it.
 */
export class SenderPanel extends Disposable {
  private static current: SenderPanel | undefined;

  /** Opens the panel, or reveals it, and loads `seed` into its form when given. */
  static show(host: SenderPanelHost, seed?: SenderRequest): SenderPanel {
    const panel =
      SenderPanel.current ??
      new SenderPanel(
        host,
        vscode.window.createWebviewPanel(SENDER_VIEW_TYPE, TITLE, vscode.ViewColumn.Active, options(host)),
      );
    panel.panel.reveal();
    if (seed) {
      panel.post({ type: 'load', request: seed });
    }
    return panel;
  }

  /** A panel VS Code restored after a reload; its webview restores its own form from its state. */
  static revive(host: SenderPanelHost, webviewPanel: vscode.WebviewPanel): SenderPanel {
    SenderPanel.current?.dispose();
    webviewPanel.webview.options = options(host);
    return new SenderPanel(host, webviewPanel);
  }

  static get open(): SenderPanel | undefined {
    return SenderPanel.current;
  }

  private readonly _onDidPost = this._register(new vscode.EventEmitter<SenderHostMessage>());
  /** Every message posted to the webview: how tests follow a round trip. */
  readonly onDidPost = this._onDidPost.event;
  private running: AbortController | undefined;
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
    this._register({ dispose: () => this.running?.abort() });
    this._register(panel);
    panel.iconPath = new vscode.ThemeIcon('send');
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)));
    this._register(host.onDidChangeContext(() => void this.sendContext()));
    panel.webview.html = webviewHtml(panel.webview, host.extensionUri, 'sender', TITLE);
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
      return reason;
    }
    try {
      await this.act(message);
    } catch (err) {
      const { cause, nextStep } = describeError(err);
      this.post({ type: 'failed', message: nextStep ? `${cause} ${nextStep}` : cause });
    }
    return undefined;
  }

  private async act(message: SenderViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.sendContext();
        this.post({ type: 'history', entries: this.host.history.entries() });
        for (const queued of this.queued.splice(0)) {
          this.post(queued);
        }
        return;
      case 'send':
        return this.run(undefined, (signal) =>
          this.host.sender.send(message.request, message.secrets, signal).then((m) => this.post(m)),
        );
      case 'burst':
        return this.run(message.count, async (signal) => {
          const { summary, warnings } = await this.host.sender.burst(
            message.request,
            message.secrets,
            message.count,
            message.concurrency,
            signal,
          );
          this.post({ type: 'burstResult', summary, warnings });
        });
      case 'cancel':
        this.running?.abort();
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

  /** One send or burst at a time; Cancel aborts it, and so does closing the panel. */
  private async run(burst: number | undefined, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.post({ type: 'sending', ...(burst ? { burst } : {}) });
    try {
      await work(controller.signal);
    } catch (err) {
      if (!controller.signal.aborted) {
        throw err;
      }
      this.post({ type: 'cancelled' });
    } finally {
      if (this.running === controller) {
        this.running = undefined;
      }
      this.post({ type: 'history', entries: this.host.history.entries() });
    }
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
