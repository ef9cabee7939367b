import * as os from 'os';
import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { loadConfig } from '../core/ociConfig/loadConfig';
import type { EmulatorBundleLoader } from '../platform/bundles';
import type { Emulator } from '../emulator';
import { ServerLifecycle } from '../core/runtime/serverLifecycle';
import type { LocalProfiles, OciService } from '../tenancy';
import { ContextKey, setContext } from '../platform/contextKeys';

/** Named apart from the demo's EMULATOR profiles, which a user's config file may also hold. */
export const LOCAL_EMULATOR_PROFILE = 'LOCAL_EMULATOR';
const RUNNING_CONTEXT: ContextKey = 'oew.localEmulator.running';

/**
 * The emulator run inside the extension host: the demo tenancy, kept in the extension's global
 * storage between sessions, with its API-key profile shown in the Tenancy view while it runs.
 * dist/emulator.js is loaded on the first start only.
 */
/** A started emulator with the profile it serves, which joins the Tenancy view once no stop overtook the start. */
interface Launched {
  readonly emulator: Emulator;
  readonly profiles: LocalProfiles;
  close(): Promise<void>;
}

export class LocalEmulator extends Disposable {
  private readonly lifecycle: ServerLifecycle<Launched>;

  constructor(
    private readonly oci: OciService,
    private readonly stateDir: string,
    private readonly bundle: EmulatorBundleLoader,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.lifecycle = new ServerLifecycle<Launched>({
      name: 'The local emulator',
      launch: () => this.launch(),
      started: ({ emulator, profiles }) => {
        this.oci.setLocalProfiles(profiles);
        setContext(RUNNING_CONTEXT, true);
        this.log.info(`Local emulator listening on ${emulator.server.url}; its state is kept in ${this.stateDir}.`);
      },
      stopping: () => {
        this.oci.setLocalProfiles(undefined);
        setContext(RUNNING_CONTEXT, false);
      },
      closed: () => this.log.info('Local emulator stopped.'),
    });
  }

  get isRunning(): boolean {
    return this.lifecycle.isRunning;
  }

  /** Starts it, or returns the one running; its profile joins the Tenancy view. */
  async start(): Promise<Emulator> {
    return (await this.lifecycle.start()).emulator;
  }

  stop(): Promise<boolean> {
    return this.lifecycle.stop();
  }

  private async launch(): Promise<Launched> {
    const emulator = await this.bundle().startEmulator({
      dataset: 'demo',
      stateDir: this.stateDir,
      profileNames: { apiKey: LOCAL_EMULATOR_PROFILE, session: `${LOCAL_EMULATOR_PROFILE}_SESSION` },
    });
    const config = await loadConfig({ home: os.homedir(), setting: emulator.identity.configFile });
    if (config.kind !== 'loaded') {
      await emulator.close();
      throw new Error(vscode.l10n.t("The emulator's config file {0} could not be read.", emulator.identity.configFile));
    }
    const profiles: LocalProfiles = {
      file: config.file.path,
      endpoint: emulator.server.url,
      profiles: config.profiles.filter((p) => p.name === LOCAL_EMULATOR_PROFILE),
    };
    return { emulator, profiles, close: () => emulator.close() };
  }

  override dispose(): void {
    this.stop().catch((err: unknown) => this.log.error('Stopping the local emulator failed:', err));
    super.dispose();
  }
}
