import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import type { ListOptions, OciClients, ProfileTarget } from '../core/oci';
import type { ResolvedProfile } from '../core/ociConfig/resolveProfile';
import { OciSettings, readOciSettings, SETTINGS_SECTION } from '../platform/settings';
import type { OciBundleLoader } from '../platform/bundles';
import { PassphraseStore } from './passphraseStore';
import { RegionOverrides } from './regionOverrides';

/** Profiles of a config file of the extension's own, whose calls all go to one local endpoint. */
export interface LocalProfiles {
  readonly file: string;
  readonly endpoint: string;
  readonly profiles: readonly ResolvedProfile[];
}

/**
 * The OCI clients of each profile, made on first use (which is when the SDK is loaded) and
 * kept until the profile's config file, key file, endpoint or region changes.
 */
export class OciService extends Disposable {
  private readonly _onDidReset = this._register(new vscode.EventEmitter<void>());
  /** Fires when cached clients were dropped: what they fetched may be stale. */
  readonly onDidReset = this._onDidReset.event;
  private readonly _onDidChangeLocalProfiles = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeLocalProfiles = this._onDidChangeLocalProfiles.event;
  private readonly clients = new Map<string, Promise<OciClients>>();
  private settings: OciSettings;
  private _local: LocalProfiles | undefined;

  constructor(
    private readonly bundle: OciBundleLoader,
    readonly passphrases: PassphraseStore,
    readonly regions: RegionOverrides,
    private readonly readSettings: () => OciSettings = readOciSettings,
  ) {
    super();
    this.settings = readSettings();
    this._register(regions);
    this._register(regions.onDidChange(() => this.reset()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.oci`)) {
          const endpoints = JSON.stringify(this.settings.endpoints);
          this.settings = this.readSettings();
          // Clients know their endpoint; the parallelism is read per listing.
          if (JSON.stringify(this.settings.endpoints) !== endpoints) {
            this.reset();
          }
        }
      }),
    );
  }

  /** Whether a profile has been used, which is when the OCI SDK is loaded. */
  get sdkLoaded(): boolean {
    return this.bundle.loaded;
  }

  /** The profiles of the emulator running in this editor, shown beside the config file's. */
  get localProfiles(): LocalProfiles | undefined {
    return this._local;
  }

  /** Adds (or, with undefined, removes) the in-editor emulator's profiles; the other profiles keep their clients. */
  setLocalProfiles(local: LocalProfiles | undefined): void {
    const before = this._local;
    this._local = local;
    before?.profiles.forEach((p) => this.forget(before.file, p.name));
    this._onDidChangeLocalProfiles.fire();
  }

  /** Where calls of a profile go: its endpoint override and its region. */
  target(configFile: string, profile: string): ProfileTarget {
    const local = this._local?.file === configFile ? this._local.endpoint : undefined;
    return {
      configFile,
      profile,
      endpoint: local ?? (this.settings.endpoints[profile] || undefined),
      region: this.regions.get(profile),
    };
  }

  /**
   * The clients of a profile. Only with `interactive` (a command the user ran) is a pass phrase
   * asked for; otherwise a key whose pass phrase is not kept fails with PassphraseNeededError.
   * Kept clients serve while the config file and the key file they were made from are
   * unchanged; after either changed or went (an emulator writes a new key on each start and
   * removes it on stop), the files are read again rather than signed with what they held.
   */
  async clientsFor(configFile: string, profile: string, interactive = false): Promise<OciClients> {
    const target = this.target(configFile, profile);
    const key = JSON.stringify(target);
    const kept = this.clients.get(key);
    if (!kept) {
      return this.open(key, target, interactive);
    }
    let clients: OciClients;
    try {
      clients = await kept;
    } catch (err) {
      // A silent open under way fails on a key whose pass phrase is not kept; this call may ask.
      if (interactive && typeof (err as { passphraseFor?: unknown }).passphraseFor === 'string') {
        return this.clientsFor(configFile, profile, true);
      }
      throw err;
    }
    if (await clients.filesUnchanged()) {
      return clients;
    }
    if (this.clients.get(key) === kept) {
      this.clients.delete(key);
      clients.close();
    }
    return this.clients.get(key) ?? this.open(key, target, interactive);
  }

  private open(key: string, target: ProfileTarget, interactive: boolean): Promise<OciClients> {
    const passphrases = interactive ? this.passphrases.interactive : this.passphrases.silent;
    const clients = this.bundle().OciClients.open(target, { passphrases });
    this.clients.set(key, clients);
    // A failure is not kept: the next use reads the file (and asks for a pass phrase) again.
    clients.catch(() => this.clients.get(key) === clients && this.clients.delete(key));
    return clients;
  }

  /** The regions the SDK knows, for a picker: this loads the SDK. */
  regionIds(): string[] {
    return this.bundle().knownRegions();
  }

  listOptions(isCancelled?: () => boolean): ListOptions {
    return { concurrency: this.settings.parallelism, pageSize: 50, isCancelled };
  }

  /** Drops the clients of one profile, so that its next use reads its key and token files again. */
  forget(configFile: string, profile: string): void {
    for (const [key, clients] of this.clients) {
      const target = JSON.parse(key) as ProfileTarget;
      if (target.configFile === configFile && target.profile === profile) {
        this.clients.delete(key);
        closeWhenOpen(clients);
      }
    }
  }

  /** Drops every client, after the config file, a setting or a region changed. */
  reset(): void {
    const old = [...this.clients.values()];
    this.clients.clear();
    old.forEach(closeWhenOpen);
    this._onDidReset.fire();
  }

  override dispose(): void {
    this.reset();
    super.dispose();
  }
}

function closeWhenOpen(clients: Promise<OciClients>): void {
  clients.then(
    (c) => c.close(),
    () => undefined,
  );
}
