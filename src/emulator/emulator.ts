import { buildState, DatasetOptions } from './datasets';
import { createEmulatorIdentity, EmulatorIdentity } from './emulatorIdentity';
import { FaultInjector, FaultSettings, NO_FAULTS } from './faults';
import { EmulatorServer, startEmulatorServer } from './server';
import { EmulatorState } from './state';

export interface EmulatorOptions extends DatasetOptions {
  readonly port?: number;
  readonly latencyMs?: number;
  readonly timeScale?: number;
  readonly faults?: Partial<FaultSettings>;
  /** Where the key and config file go; a new temporary folder when absent. */
  readonly stateDir?: string;
}

export interface Emulator {
  readonly server: EmulatorServer;
  readonly state: EmulatorState;
  readonly identity: EmulatorIdentity;
  /** The line `oew emulator` prints first, for scripts and the demo to read. */
  readonly announcement: { endpoint: string; configFile: string; profile: string; tenancy: string };
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const state = buildState(options);
  const identity = await createEmulatorIdentity(state.tenancy.id, options.stateDir);
  state.apiKeys.set(identity.keyId, identity.publicKey);
  state.timeScale = options.timeScale ?? 1;
  const faults = new FaultInjector({ ...NO_FAULTS, ...options.faults });
  const server = await startEmulatorServer({ state, port: options.port, latencyMs: options.latencyMs, faults });
  return {
    server,
    state,
    identity,
    announcement: {
      endpoint: server.url,
      configFile: identity.configFile,
      profile: identity.profile,
      tenancy: state.tenancy.id,
    },
  };
}
