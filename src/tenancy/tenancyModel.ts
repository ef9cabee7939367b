import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { describeError, UserError } from '../core/errors/userError';
import type { ListOptions, OciClients } from '../core/oci';
import { ConfigState, loadConfig } from '../core/ociConfig/loadConfig';
import { ResolvedProfile } from '../core/ociConfig/resolveProfile';
import type { OciService } from './ociService';
import { ResourceLists } from './resourceLists';
import type { ProfileNode, TenancyNode, TenancySettings } from '../core/tenancy/profileNodes';

/** What the Tenancy view shows, kept apart from how it is drawn. */
export class TenancyModel extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** The profiles changed: the whole tree is new. */
  readonly onDidChange = this._onDidChange.event;
  /** The compartments, rules, topics and subscriptions under each profile's tenancy. */
  readonly resources: ResourceLists;
  private readonly _onDidChangeNode = this._register(new vscode.EventEmitter<ProfileNode>());
  /** What is known of one profile changed: its description and children. */
  readonly onDidChangeNode = this._onDidChangeNode.event;
  private _state: ConfigState | undefined;
  private _settings: TenancySettings;
  private _loading: Promise<void> | undefined;
  private _reloadQueued = false;
  // Kept between reads so that an event about a node names the object the tree holds.
  private _roots: TenancyNode[] = [];
  // Keyed by the node object: children name their parent, which must be a node the tree holds.
  private details = new WeakMap<ProfileNode, Promise<TenancyNode[]>>();
  private readonly tenancyNames = new Map<string, string>();
  /** Counts rebuilds, so that a fetch that outlived its tree changes nothing. */
  private generation = 0;

  constructor(
    private readonly readSettings: () => TenancySettings,
    private readonly oci: OciService,
    private readonly log: (message: string) => void,
  ) {
    super();
    this.resources = this._register(new ResourceLists(oci, log));
    this._settings = readSettings();
    this._register(
      oci.onDidReset(() => {
        this.rebuild();
        this._onDidChange.fire();
      }),
    );
    // The config file's profiles stay the same nodes, so what they fetched stays.
    this._register(
      oci.onDidChangeLocalProfiles(() => {
        this._roots = [...this._roots.filter((n) => n.kind !== 'profile' || !n.local), ...this.localRoots()];
        this._onDidChange.fire();
      }),
    );
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
        // Clients hold the key and region they were made with; the file may have changed both.
        this.oci.reset();
      }
    })();
    return this._loading;
  }

  /** Forgets what was fetched for one profile, so that expanding it fetches again. */
  refreshProfile(node: ProfileNode): void {
    this.details.delete(node);
    this.tenancyNames.delete(node.profile.name);
    // Also the clients: the key or token file may have been fixed in place.
    this.oci.forget(node.file, node.profile.name);
    this._onDidChangeNode.fire(node);
  }

  /** The default profile as the settings say now, which a reload in progress may not show yet. */
  currentDefaultProfile(): string {
    return this.readSettings().defaultProfile;
  }

  roots(): TenancyNode[] {
    return this._roots;
  }

  /** A profile shown in the view, by name (the in-editor emulator's included). */
  profileNamed(name: string): ProfileNode | undefined {
    return this._roots.find((n): n is ProfileNode => n.kind === 'profile' && n.profile.name === name);
  }

  /** The profile of that name, or an error that says where profiles come from. */
  requireProfile(name: string): ProfileNode {
    const profile = this.profileNamed(name);
    if (!profile) {
      throw new UserError(
        vscode.l10n.t('Profile {0} is not in the Tenancy view.', name),
        vscode.l10n.t('Check the OCI config file.'),
      );
    }
    return profile;
  }

  /** How the lists a command shows are paged, per the settings. */
  listOptions(): ListOptions {
    return this.oci.listOptions();
  }

  /** The clients a command calls a profile with: a missing pass phrase is asked for. */
  clientsFor(profile: ProfileNode): Promise<OciClients> {
    return this.oci.clientsFor(profile.file, profile.profile.name, true);
  }

  tenancyName(node: ProfileNode): string | undefined {
    return this.tenancyNames.get(node.profile.name);
  }

  /** A profile's children: its tenancy, fetched once, or why it could not be. */
  children(node: ProfileNode): Promise<TenancyNode[]> {
    if (!this._roots.includes(node)) {
      // A node from before a reload: the tree asks for the new one's children next.
      return Promise.resolve([]);
    }
    let pending = this.details.get(node);
    if (!pending) {
      pending = this.fetchTenancy(node);
      this.details.set(node, pending);
    }
    return pending;
  }

  private async fetchTenancy(node: ProfileNode): Promise<TenancyNode[]> {
    const name = node.profile.name;
    const generation = this.generation;
    try {
      const clients = await this.oci.clientsFor(node.file, name);
      const tenancy = await clients.getTenancy(node.profile.tenancy ?? '');
      if (generation !== this.generation) {
        return [];
      }
      this.tenancyNames.set(name, tenancy.name ?? tenancy.id ?? '');
      // After this call returns, so that the tree asks for the description once the children are in.
      setTimeout(() => this._onDidChangeNode.fire(node));
      return [
        {
          kind: 'tenancy',
          parent: node,
          id: tenancy.id ?? node.profile.tenancy ?? '',
          name: tenancy.name ?? vscode.l10n.t('(unnamed tenancy)'),
          homeRegion: tenancy.homeRegion,
          description: tenancy.description,
        },
      ];
    } catch (err) {
      this.log(`Profile ${name}: ${err instanceof Error ? err.message : String(err)}`);
      // Not kept: a failed fetch runs again on the next expand or refresh.
      this.details.delete(node);
      const { cause, nextStep } = describeError(err);
      // Read by shape: the error comes from dist/oci.js, whose classes are not this bundle's.
      const { command, passphraseFor } = err as { command?: unknown; passphraseFor?: unknown };
      return [
        {
          kind: 'profileError',
          parent: node,
          message: cause,
          nextStep,
          refreshCommand: typeof command === 'string' ? command : undefined,
          needsPassphrase: typeof passphraseFor === 'string',
        },
      ];
    }
  }

  private rebuild(): void {
    this.generation++;
    this.resources.clear();
    this.details = new WeakMap();
    this.tenancyNames.clear();
    this._roots = this.computeRoots();
  }

  private computeRoots(): TenancyNode[] {
    return [...this.fileRoots(), ...this.localRoots()];
  }

  private localRoots(): ProfileNode[] {
    const local = this.oci.localProfiles;
    return (local?.profiles ?? []).map((profile) => this.profileNode(profile, local!.file, true));
  }

  private profileNode(profile: ResolvedProfile, file: string, local = false): ProfileNode {
    const target = this.oci.target(file, profile.name);
    return {
      kind: 'profile',
      profile,
      file,
      ...(local ? { local } : {}),
      isDefault: !local && profile.name === this._settings.defaultProfile,
      region: target.region ?? profile.region,
      regionSwitched: target.region !== undefined && target.region !== profile.region,
      endpoint: target.endpoint,
    };
  }

  private fileRoots(): TenancyNode[] {
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
            message: vscode.l10n.t('Line {0}: {1}', state.error.line, state.error.message),
            file: state.file.path,
            line: state.error.line,
          },
        ];
      case 'loaded':
        return state.profiles.map((profile) => this.profileNode(profile, state.file.path));
    }
  }
}
