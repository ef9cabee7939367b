import { EventsClient } from 'oci-events';
import { IdentityClient } from 'oci-identity';
import * as common from 'oci-common';
import { OciClients } from '../../../src/core/oci/ociClients';
import { OpenOptions } from '../../../src/core/oci/ociSession';
import { Emulator, startEmulator } from '../../../src/emulator/emulator';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** An emulator per test, with SDK clients signed by its profile: no mock anywhere between them. */
export function useEmulator(options: Partial<Parameters<typeof startEmulator>[0]> = {}) {
  // Not useTempDir: its cleanup would run before the emulator has stopped writing its state there.
  let dir = '';
  const context = {} as {
    emulator: Emulator;
    events: EventsClient;
    identity: IdentityClient;
    provider: common.AuthenticationDetailsProvider;
  };
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'oew-test-'));
    context.emulator = await startEmulator({
      dataset: 'demo',
      compartments: 1,
      rulesPerCompartment: 0,
      stateDir: dir,
      ...options,
    });
    context.provider = new common.ConfigFileAuthenticationDetailsProvider(
      context.emulator.identity.configFile,
      context.emulator.identity.profile,
    );
    context.events = new EventsClient({ authenticationDetailsProvider: context.provider });
    context.events.endpoint = context.emulator.server.url;
    context.identity = new IdentityClient({ authenticationDetailsProvider: context.provider });
    context.identity.endpoint = context.emulator.server.url;
  });
  afterEach(async () => {
    context.events.close();
    context.identity.close();
    await context.emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return context;
}

/** The client layer of one of an emulator's profiles, signing real requests to it. */
export function emulatorClients(
  emulator: Emulator,
  profile = 'EMULATOR',
  options: OpenOptions = {},
): Promise<OciClients> {
  return OciClients.open({ configFile: emulator.identity.configFile, profile, endpoint: emulator.server.url }, options);
}

/** The SDK's error for a failed call, to assert its status and service code. */
export async function sdkError(
  call: Promise<unknown>,
): Promise<{ statusCode: number; serviceCode: string; message: string }> {
  try {
    await call;
  } catch (err) {
    return err as { statusCode: number; serviceCode: string; message: string };
  }
  throw new Error('the call succeeded');
}
