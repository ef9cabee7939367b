import * as os from 'os';
import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { checkProfile } from '../core/ociConfig/checkProfile';
import { errorText } from '../platform/errorBoundary';
import { ProfileCheckHostMessage, ProfileCheckViewMessage } from '../protocol/webviewMessages';
import { webviewHtml } from '../platform/webviewHtml';
import { checkProfileCheckViewMessage } from '../protocol/profileCheckMessageCheck';

export const PROFILE_CHECK_VIEW_TYPE = 'oew.profileCheck';

/** One panel per profile; asking again for the same profile reveals it and checks again. */
export class ProfileCheckPanel extends Disposable {
  private static readonly open = new Map<string, ProfileCheckPanel>();

  static show(
    extensionUri: vscode.Uri,
    log: vscode.LogOutputChannel,
    file: string,
    profile: string,
  ): ProfileCheckPanel {
    const key = `${file}\n${profile}`;
    const existing = ProfileCheckPanel.open.get(key);
    if (existing) {
      existing.panel.reveal();
      void existing.check();
      return existing;
    }
    const panel = new ProfileCheckPanel(extensionUri, log, file, profile);
    ProfileCheckPanel.open.set(key, panel);
    panel._register({ dispose: () => ProfileCheckPanel.open.delete(key) });
    return panel;
  }

  readonly panel: vscode.WebviewPanel;
  private run = 0;

  private constructor(
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly file: string,
    private readonly profile: string,
  ) {
    super();
    this.panel = this._register(
      vscode.window.createWebviewPanel(
        PROFILE_CHECK_VIEW_TYPE,
        vscode.l10n.t('Check Profile: {0}', profile),
        vscode.ViewColumn.Active,
        {
          enableScripts: true,
          localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
        },
      ),
    );
    this.panel.iconPath = new vscode.ThemeIcon('key');
    this._register(this.panel.onDidDispose(() => this.dispose()));
    this._register(this.panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)));
    this.panel.webview.html = webviewHtml(
      this.panel.webview,
      extensionUri,
      'profileCheck',
      vscode.l10n.t('Check Profile: {0}', profile),
    );
  }

  /** A message from the webview, checked against the shared types; anything else is logged and dropped. */
  private receive(value: unknown): void {
    let message: ProfileCheckViewMessage;
    try {
      message = checkProfileCheckViewMessage(value);
    } catch (err) {
      this.log.warn(`Check Profile: a malformed message from the panel was ignored: ${(err as Error).message}`);
      return;
    }
    switch (message.type) {
      case 'ready':
      case 'recheck':
        void this.check();
        break;
      case 'openConfigFile':
        void vscode.commands.executeCommand('oew.tenancy.openConfigFile', { file: this.file });
        break;
    }
  }

  /** Runs the checks; a result that arrives after a newer run started is dropped. */
  async check(): Promise<void> {
    const run = ++this.run;
    await this.post({ type: 'checking', profile: this.profile, file: this.file });
    let message: ProfileCheckHostMessage;
    try {
      const results = await checkProfile({
        file: this.file,
        profileName: this.profile,
        home: os.homedir(),
        now: new Date(),
      });
      message = {
        type: 'results',
        profile: this.profile,
        file: this.file,
        checkedAt: new Date().toISOString(),
        results,
      };
    } catch (err) {
      this.log.error(`Checking profile ${this.profile} failed:`, err instanceof Error ? err.message : String(err));
      message = { type: 'error', profile: this.profile, message: errorText(err) };
    }
    if (run === this.run && !this.isDisposed) {
      await this.post(message);
    }
  }

  private post(message: ProfileCheckHostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }
}
