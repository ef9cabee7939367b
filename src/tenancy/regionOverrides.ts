import * as vscode from 'vscode';

const STATE_KEY = 'oew.regionOverrides';

/** Regions chosen per profile in the editor, over the config file's, kept across sessions. */
export class RegionOverrides {
  private readonly _onDidChange = new vscode.EventEmitter<string>();
  /** Fires with the profile whose region changed. */
  readonly onDidChange = this._onDidChange.event;

  constructor(private readonly state: vscode.Memento) {}

  get(profile: string): string | undefined {
    return this.all()[profile];
  }

  /** Sets the region of a profile, or goes back to the file's with `undefined`. */
  async set(profile: string, region: string | undefined): Promise<void> {
    const next = { ...this.all() };
    if (region) {
      next[profile] = region;
    } else {
      delete next[profile];
    }
    await this.state.update(STATE_KEY, next);
    this._onDidChange.fire(profile);
  }

  dispose(): void {
    this._onDidChange.dispose();
  }

  private all(): Record<string, string> {
    return this.state.get<Record<string, string>>(STATE_KEY, {});
  }
}
