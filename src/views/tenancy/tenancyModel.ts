import * as vscode from 'vscode';
import { Disposable } from '../../base/disposable';
import { ConfigState, loadConfig } from '../../core/ociConfig/loadConfig';
import { LocateInput } from '../../core/ociConfig/locateConfig';
import { ResolvedProfile } from '../../core/ociConfig/resolveProfile';

export interface ProfileNode {
  readonly kind: 'profile';
  readonly profile: ResolvedProfile;
  readonly file: string;
  readonly isDefault: boolean;
}

export interface ConfigErrorNode {
  readonly kind: 'configError';
  readonly message: string;
  readonly file: string;
  /** 1-based; absent when the whole file is at fault. */
  readonly line?: number;
}

export type TenancyNode = ProfileNode | ConfigErrorNode;

export interface TenancySettings extends LocateInput {
  readonly defaultProfile: string;
}

/** What the Tenancy view shows, kept apart from how it is drawn. */
export class TenancyModel extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;
  private _state: ConfigState | undefined;
  private _settings: TenancySettings;
  private _loading: Promise<void> | undefined;
  private _reloadQueued = false;

  constructor(private readonly readSettings: () => TenancySettings) {
    super();
    this._settings = readSettings();
  }

  get state(): ConfigState | undefined {
    return this._state;
  }

  get settings(): TenancySettings {
    return this._settings;
  }

  /**
   * Reloads the config file. Calls made while a load runs share one more load after it, so a
   * burst of file events costs at most two reads and the last one sees the final content.
   */
  refresh(): Promise<void> {
    if (this._loading) {
      this._reloadQueued = true;
      return this._loading;
    }
    this._loading = (async () => {
      try {
        do {
          this._reloadQueued = false;
          this._settings = this.readSettings();
          this._state = await loadConfig(this._settings);
        } while (this._reloadQueued);
      } finally {
        this._loading = undefined;
      }
      if (!this.isDisposed) {
        this._onDidChange.fire();
      }
    })();
    return this._loading;
  }

  roots(): TenancyNode[] {
    const state = this._state;
    switch (state?.kind) {
      case undefined:
      case 'missing':
        return [];
      case 'unreadable':
        return [{ kind: 'configError', message: state.message, file: state.file.path }];
      case 'malformed':
        return [
          {
            kind: 'configError',
            message: `Line ${state.error.line}: ${state.error.message}`,
            file: state.file.path,
            line: state.error.line,
          },
        ];
      case 'loaded':
        return state.profiles.map((profile) => ({
          kind: 'profile',
          profile,
          file: state.file.path,
          isDefault: profile.name === this._settings.defaultProfile,
        }));
    }
  }
}
