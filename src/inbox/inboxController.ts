import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { describeError, UserError } from '../core/errors/userError';
import { proxyFromEditorSettings } from '../core/http/proxyFor';
import type { Inbox, InboxSend } from '../core/inbox/inboxServer';
import {
  changeSettings,
  DEFAULT_INBOX_SETTINGS,
  InboxSettings,
  InboxSettingsChange,
} from '../core/inbox/inboxSettings';
import { readEditorProxySettings, readInboxSettings } from '../platform/settings';
import { WebhooksBundleLoader } from '../platform/bundles';

const RUNNING_CONTEXT = 'oew.inbox.running';
const SETTINGS_KEY = 'oew.inbox.settings';
/** A burst of thousands of requests redraws the tree at most this often. */
const REFRESH_MS = 100;

/**
 * The webhook inbox of this window: started and stopped by commands, with the settings chosen in
 * Inbox Settings… kept in workspace state for the next start. dist/webhooks.js, which holds the
 * server and undici, is loaded on the first start only.
 */
export class InboxController extends Disposable {
  private running: Promise<Inbox> | undefined;
  private current: Inbox | undefined;
  /** Counts starts and stops, so that a start a stop overtook closes what it opened. */
  private generation = 0;
  /** The last stop, which a start waits for: both use the same records file. */
  private stopping: Promise<void> = Promise.resolve();
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
  }

  get inbox(): Inbox | undefined {
    return this.current;
  }

  /** The running inbox's settings, else those the next start uses. */
  get settings(): InboxSettings {
    if (this.current) {
      return this.current.settings;
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
    if (!this.running) {
      // A stop still writing the records must finish before a new inbox reads them.
      const generation = ++this.generation;
      const starting = this.stopping
        .then(() => this.launch(generation))
        .catch((err: unknown) => {
          if (this.running === starting) {
            this.running = undefined;
          }
          throw err;
        });
      this.running = starting;
    }
    return this.running;
  }

  async stop(): Promise<void> {
    const running = this.running;
    if (!running) {
      return;
    }
    this.running = undefined;
    this.current = undefined;
    this.generation++;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
    this._onDidChange.fire();
    const closing = (async () => {
      const inbox = await running.catch(() => undefined);
      await inbox?.close();
      if (inbox) {
        this.log.info(`Webhook inbox on ${inbox.url} stopped.`);
      }
    })();
    this.stopping = closing;
    await closing;
  }

  /** Changes the running inbox's settings and keeps them for the next start; throws a UserError for a bad value. */
  async configure(change: InboxSettingsChange): Promise<InboxSettings> {
    const next = this.current ? this.current.configure(change) : changeSettings(this.settings, change);
    await this.state.update(SETTINGS_KEY, next);
    this._onDidChange.fire();
    return next;
  }

  private async launch(generation: number): Promise<Inbox> {
    const { startInbox, sendRequest } = this.bundle();
    const send: InboxSend = (request, options) =>
      sendRequest(request, { ...options, proxy: proxyFromEditorSettings(request.url, readEditorProxySettings()) });
    const settings = this.settings;
    const inbox = await startInbox({
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
    if (generation !== this.generation) {
      await inbox.close();
      throw new Error('The webhook inbox was stopped while it started.');
    }
    inbox.onRecord(() => this.changedSoon());
    this.current = inbox;
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
    this.log.info(
      `Webhook inbox listening on ${inbox.url}; its requests are kept ${this.storageDir ? `in ${this.storageDir}` : 'in memory'}.`,
    );
    this._onDidChange.fire();
    return inbox;
  }

  /** Logged, and shown: the user believes the inbox keeps what it answered. */
  private saveFailed(err: UserError): void {
    const { cause, nextStep } = describeError(err);
    this.log.error(`Webhook inbox: ${cause} ${nextStep}`);
    void vscode.window.showErrorMessage(`${cause} ${nextStep}`);
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
