import { buildState, DatasetOptions } from './datasets';
import { createEmulatorIdentity, EmulatorIdentity, EmulatorProfileNames } from './emulatorIdentity';
import { FaultInjector, FaultSettings, NO_FAULTS } from './faults';
import { loadState, saveState } from './persistence';
import { EmulatorServer, startEmulatorServer } from './server';
import { EmulatorState } from './state';

export interface EmulatorOptions extends DatasetOptions {
  readonly port?: number;
  readonly latencyMs?: number;
  readonly timeScale?: number;
  readonly faults?: Partial<FaultSettings>;
  /** Where the key and config file go; a new temporary folder when absent. */
  readonly stateDir?: string;
  /** The profiles of its config file; EMULATOR and EMULATOR_SESSION when absent. */
  readonly profileNames?: EmulatorProfileNames;
}

export interface Emulator {
  readonly server: EmulatorServer;
  /** Stops serving, then writes the state one last time and stops persisting, so its folder can go. */
  close(): Promise<void>;
  readonly state: EmulatorState;
  readonly identity: EmulatorIdentity;
  /** The line `oew emulator` prints first, for scripts and the demo to read. */
  readonly announcement: {
    endpoint: string;
    configFile: string;
    profile: string;
    tenancy: string;
    /** The emulated Fusion instance: its base URL and its integration user. */
    fusion: { url: string; username: string; password: string };
  };
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const state = (options.stateDir && loadState(options.stateDir)) || buildState(options);
  const persisting = options.stateDir ? persistOnChange(state, options.stateDir) : undefined;
  state.onChange();
  const identity = await createEmulatorIdentity(
    state.tenancy.id,
    state.sessionSecret,
    options.stateDir,
    options.profileNames,
  );
  state.apiKeys.set(identity.keyId, identity.publicKey);
  state.timeScale = options.timeScale ?? 1;
  const faults = new FaultInjector({ ...NO_FAULTS, ...options.faults });
  const server = await startEmulatorServer({ state, port: options.port, latencyMs: options.latencyMs, faults });
  return {
    server,
    close: async () => {
      await server.close();
      await persisting?.stop();
    },
    state,
    identity,
    announcement: {
      endpoint: server.url,
      configFile: identity.configFile,
      profile: identity.profile,
      tenancy: state.tenancy.id,
      fusion: { url: server.url, username: state.fusion.username, password: state.fusion.password },
    },
  };
}

/**
 * Saves after changes, at most one write at a time, and once more if changes came during a
 * write. `stop` waits for the last write; changes after it (a retry timer firing) are not saved.
 */
function persistOnChange(state: EmulatorState, dir: string): { stop(): Promise<void> } {
  let writing: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  state.onChange = () => {
    if (stopped) {
      return;
    }
    if (writing) {
      again = true;
      return;
    }
    writing = (async () => {
      do {
        again = false;
        await saveState(state, dir).catch((err: Error) =>
          state.log(`could not save the state in ${dir}: ${err.message}`),
        );
      } while (again);
      writing = undefined;
    })();
  };
  return {
    stop: async () => {
      stopped = true;
      await writing;
    },
  };
}
