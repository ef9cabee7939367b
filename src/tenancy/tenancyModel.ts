import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { isLoopback } from '../core/net/isLoopback';
import { describeError } from '../core/errors/userError';
import { ConfigState, loadConfig } from '../core/ociConfig/loadConfig';
import { LocateInput } from '../core/ociConfig/locateConfig';
import { ResolvedProfile } from '../core/ociConfig/resolveProfile';
import type { OciService } from './ociService';
import { ResourceLists } from './resourceLists';
import { ResourceNode } from '../core/tenancy/resourceNodes';

export interface ProfileNode {
  readonly kind: 'profile';
  readonly profile: ResolvedProfile;
  readonly file: string;
  /** The emulator run in this editor: not in the config file, so none of the file's actions apply. */
  readonly local?: boolean;
  readonly isDefault: boolean;
  /** The region calls go to: the file's, or the one chosen in the editor. */
  readonly region?: string;
  readonly regionSwitched: boolean;
  /** Set when `oew.oci.endpoints` sends this profile's calls elsewhere (the emulator, a private endpoint). */
  readonly endpoint?: string;
}

/** Whether a profile's calls go to this machine: the emulator, or another local endpoint. */
export function callsLocalEndpoint(profile: ProfileNode): boolean {
  return profile.endpoint !== undefined && isLoopback(profile.endpoint);
}

export interface ConfigErrorNode {
  readonly kind: 'configError';
  readonly message: string;
  readonly file: string;
  /** 1-based; absent when the whole file is at fault. */
  readonly line?: number;
}

/** The tenancy a profile signs into, as OCI reports it. */
export interface TenancyInfoNode {
  readonly kind: 'tenancy';
  readonly parent: ProfileNode;
  readonly id: string;
  readonly name: string;
  readonly homeRegion?: string;
  readonly description?: string;
}

/** Why a profile's tenancy could not be read, in place of its children. */
export interface ProfileErrorNode {
  readonly kind: 'profileError';
  readonly parent: ProfileNode;
  readonly message: string;
  readonly nextStep: string;
  /** For an expired session: the command that renews it. */
  readonly refreshCommand?: string;
  /** Set when the profile's key is encrypted and its pass phrase is not kept yet. */
  readonly needsPassphrase?: boolean;
}

export type TenancyNode = ProfileNode | ConfigErrorNode | TenancyInfoNode | ProfileErrorNode | ResourceNode;

export interface TenancySettings extends LocateInput {
  readonly defaultProfile: string;
}

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
          name: tenancy.name ?? '(unnamed tenancy)',
          homeRegion: tenancy.homeRegionKey,
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
            message: `Line ${state.error.line}: ${state.error.message}`,
            file: state.file.path,
            line: state.error.line,
          },
        ];
      case 'loaded':
        return state.profiles.map((profile) => this.profileNode(profile, state.file.path));
    }
  }
}
