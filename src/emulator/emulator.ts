import { buildState, DatasetOptions } from './store/datasets';
import { createEmulatorIdentity, EmulatorIdentity, EmulatorProfileNames } from './emulatorIdentity';
import { FaultInjector, FaultSettings, NO_FAULTS } from './http/faults';
import { promises as fs } from 'fs';
import { prepareStateDir } from '../core/fs/stateDir';
import { isSaveTemporary, loadState, saveState, STATE_FILE } from './store/persistence';
import { EmulatorServer, startEmulatorServer } from './http/server';
import { EmulatorState } from './store/state';

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
  if (options.stateDir) {
    await prepareStateDir(options.stateDir, 'emulator', [STATE_FILE], isSaveTemporary);
  }
  const state = (options.stateDir && loadState(options.stateDir)) || buildState(options);
  const persisting = options.stateDir ? persistOnChange(state, options.stateDir) : undefined;
  // The first save fails here, loudly, when the folder cannot be written, not later unseen.
  await state.onChange();
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
      if (!options.stateDir) {
        // A folder of our own making holds only the keys and config of this run.
        await fs.rm(identity.folder, { recursive: true, force: true });
      }
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
 * Saves after changes, one write at a time: every change made during a write is saved by the
 * next one, together, and each caller's promise settles once a write that holds its change is
 * on disk (or rejects with that write's error). `stop` waits for the last write; changes after
 * it (a retry timer firing) are not saved.
 */
function persistOnChange(state: EmulatorState, dir: string): { stop(): Promise<void> } {
  let waiting: { resolve: () => void; reject: (err: Error) => void }[] = [];
  let writing: Promise<void> | undefined;
  let stopped = false;
  const writeAll = async () => {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      await saveState(state, dir).then(
        () => batch.forEach((w) => w.resolve()),
        (err: Error) => {
          state.log(`could not save the state in ${dir}: ${err.message}`);
          batch.forEach((w) => w.reject(err));
        },
      );
    }
    writing = undefined;
  };
  state.onChange = () => {
    if (stopped) {
      return Promise.resolve();
    }
    const saved = new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
    writing ??= writeAll();
    return saved;
  };
  return {
    stop: async () => {
      stopped = true;
      await writing;
    },
  };
}
