import * as os from 'os';
import * as vscode from 'vscode';
import { Disposable } from '../platform/disposable';
import { loadConfig } from '../core/ociConfig/loadConfig';
import type { EmulatorBundleLoader } from '../platform/bundles';
import type { Emulator } from '../emulator';
import type { OciService } from '../tenancy';

/** Named apart from the demo's EMULATOR profiles, which a user's config file may also hold. */
export const LOCAL_EMULATOR_PROFILE = 'LOCAL_EMULATOR';
const RUNNING_CONTEXT = 'oew.localEmulator.running';

/**
 * The emulator run inside the extension host: the demo tenancy, kept in the extension's global
 * storage between sessions, with its API-key profile shown in the Tenancy view while it runs.
 * dist/emulator.js is loaded on the first start only.
 */
export class LocalEmulator extends Disposable {
  private running: Promise<Emulator> | undefined;
  /** Counts starts and stops, so that a start that a stop overtook publishes nothing. */
  private generation = 0;

  constructor(
    private readonly oci: OciService,
    private readonly stateDir: string,
    private readonly bundle: EmulatorBundleLoader,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Starts it, or returns the one running; its profile joins the Tenancy view. */
  start(): Promise<Emulator> {
    if (!this.running) {
      const starting = this.launch(++this.generation).catch((err: unknown) => {
        if (this.running === starting) {
          this.running = undefined;
        }
        throw err;
      });
      this.running = starting;
    }
    return this.running;
  }

  async stop(): Promise<boolean> {
    const running = this.running;
    if (!running) {
      return false;
    }
    this.running = undefined;
    this.generation++;
    this.oci.setLocalProfiles(undefined);
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
    const emulator = await running.catch(() => undefined);
    await emulator?.close();
    this.log.info('Local emulator stopped.');
    return true;
  }

  private async launch(generation: number): Promise<Emulator> {
    const emulator = await this.bundle().startEmulator({
      dataset: 'demo',
      stateDir: this.stateDir,
      profileNames: { apiKey: LOCAL_EMULATOR_PROFILE, session: `${LOCAL_EMULATOR_PROFILE}_SESSION` },
    });
    const config = await loadConfig({ home: os.homedir(), setting: emulator.identity.configFile });
    if (config.kind !== 'loaded' || generation !== this.generation) {
      await emulator.close();
      throw new Error(
        config.kind !== 'loaded'
          ? `The emulator's config file ${emulator.identity.configFile} could not be read.`
          : 'The local emulator was stopped while it started.',
      );
    }
    this.oci.setLocalProfiles({
      file: config.file.path,
      endpoint: emulator.server.url,
      profiles: config.profiles.filter((p) => p.name === LOCAL_EMULATOR_PROFILE),
    });
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
    this.log.info(`Local emulator listening on ${emulator.server.url}; its state is kept in ${this.stateDir}.`);
    return emulator;
  }

  override dispose(): void {
    this.stop().catch((err: unknown) => this.log.error('Stopping the local emulator failed:', err));
    super.dispose();
  }
}
