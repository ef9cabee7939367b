import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { describeError, UserError } from '../core/errors/userError';
import { errorText } from '../platform/errorBoundary';
import { proxyFromEditorSettings } from '../core/http/proxyFor';
import type { Inbox, InboxSend } from '../core/inbox/inboxTypes';
import {
  changeSettings,
  DEFAULT_INBOX_SETTINGS,
  InboxSettings,
  InboxSettingsChange,
} from '../core/inbox/inboxSettings';
import { readEditorProxySettings, readInboxSettings } from '../platform/settings';
import { WebhooksBundleLoader } from '../platform/bundles';
import { ServerLifecycle } from '../core/runtime/serverLifecycle';
import { ContextKey, setContext } from '../platform/contextKeys';

const RUNNING_CONTEXT: ContextKey = 'oew.inbox.running';
const SETTINGS_KEY = 'oew.inbox.settings';
/** A burst of thousands of requests redraws the tree at most this often. */
const REFRESH_MS = 100;

/**
 * The webhook inbox of this window: started and stopped by commands, with the settings chosen in
 * Inbox Settings… kept in workspace state for the next start. dist/webhooks.js, which holds the
 * server and undici, is loaded on the first start only.
 */
export class InboxController extends Disposable {
  /** A start waits for the last stop: both use the same records file. */
  private readonly lifecycle: ServerLifecycle<Inbox>;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Started, stopped, or records changed (at most once per REFRESH_MS). */
  readonly onDidChange = this._onDidChange.event;

  constructor(
    private readonly bundle: WebhooksBundleLoader,
    /** Where the records are kept; undefined for a window with no folder: its records stay in memory, apart from other windows'. */
    readonly storageDir: string | undefined,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.lifecycle = new ServerLifecycle<Inbox>({
      name: 'The webhook inbox',
      launch: () => this.launch(),
      started: (inbox) => {
        inbox.onRecord(() => this.changedSoon());
        setContext(RUNNING_CONTEXT, true);
        this.log.info(
          `Webhook inbox listening on ${inbox.url}; its requests are kept ${this.storageDir ? `in ${this.storageDir}` : 'in memory'}.`,
        );
        this._onDidChange.fire();
      },
      stopping: () => {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = undefined;
        setContext(RUNNING_CONTEXT, false);
        this._onDidChange.fire();
      },
      closed: (inbox) => this.log.info(`Webhook inbox on ${inbox.url} stopped.`),
    });
  }

  get inbox(): Inbox | undefined {
    return this.lifecycle.server;
  }

  /** The running inbox's settings, else those the next start uses. */
  get settings(): InboxSettings {
    if (this.inbox) {
      return this.inbox.settings;
    }
    try {
      return changeSettings(DEFAULT_INBOX_SETTINGS, this.state.get<InboxSettingsChange>(SETTINGS_KEY) ?? {});
    } catch {
      // Kept by an older version with other checks: the defaults rather than an inbox that cannot start.
      return DEFAULT_INBOX_SETTINGS;
    }
  }

  /** Starts the inbox, or returns the one running or starting. */
  start(): Promise<Inbox> {
    return this.lifecycle.start();
  }

  async stop(): Promise<void> {
    await this.lifecycle.stop();
  }

  /** Changes the running inbox's settings and keeps them for the next start; throws a UserError for a bad value. */
  async configure(change: InboxSettingsChange): Promise<InboxSettings> {
    const next = this.inbox ? this.inbox.configure(change) : changeSettings(this.settings, change);
    await this.state.update(SETTINGS_KEY, next);
    this._onDidChange.fire();
    return next;
  }

  private launch(): Promise<Inbox> {
    const { startInbox, sendRequest } = this.bundle();
    const send: InboxSend = (request, options) =>
      sendRequest(request, { ...options, proxy: proxyFromEditorSettings(request.url, readEditorProxySettings()) });
    const settings = this.settings;
    return startInbox({
      send,
      port: readInboxSettings().port,
      storageDir: this.storageDir,
      response: settings.response,
      autoAnswer: settings.autoAnswer,
      forwardTo: settings.forwardTo,
      // Their messages name files and counts, never what a request carried.
      onError: (err) => this.log.warn(`Webhook inbox: ${describeError(err).cause}`),
      onSaveFailed: (err) => this.saveFailed(err),
    });
  }

  /** Logged, and shown: the user believes the inbox keeps what it answered. */
  private saveFailed(err: UserError): void {
    const text = errorText(err);
    this.log.error(`Webhook inbox: ${text}`);
    void vscode.window.showErrorMessage(text);
  }

  private changedSoon(): void {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      this._onDidChange.fire();
    }, REFRESH_MS);
  }

  override dispose(): void {
    this.stop().catch((err: unknown) => this.log.error('Stopping the webhook inbox failed:', err));
    super.dispose();
  }
}
