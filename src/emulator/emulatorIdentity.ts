import { createPrivateKey, generateKeyPairSync, KeyObject } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fingerprintOf } from '../core/ociConfig/checkProfile';
import { ocid } from './ocids';

export const EMULATOR_PROFILE = 'EMULATOR';
export const EMULATOR_REGION = 'us-ashburn-1';

export interface EmulatorIdentity {
  readonly keyId: string;
  readonly publicKey: KeyObject;
  readonly configFile: string;
  readonly profile: string;
  readonly user: string;
  readonly folder: string;
}

/**
 * A user of the emulated tenancy with a fresh API key, and an OCI config file with a profile
 * for it, so that any SDK or CLI can sign requests to the emulator. The key never leaves the
 * folder, which is private to the user.
 */
export async function createEmulatorIdentity(tenancyId: string, stateDir?: string): Promise<EmulatorIdentity> {
  const folder = stateDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'oew-emulator-')));
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const keyFile = path.join(folder, 'emulator_api_key.pem');
  await fs.writeFile(keyFile, pem, { mode: 0o600 });
  const fingerprint = fingerprintOf(createPrivateKey(pem));
  const user = ocid('user', 'emulator-user');
  const configFile = path.join(folder, 'config');
  await fs.writeFile(
    configFile,
    `# Written by "oew emulator": a profile for the local emulator, not for Oracle Cloud.\n[${EMULATOR_PROFILE}]\nuser=${user}\nfingerprint=${fingerprint}\ntenancy=${tenancyId}\nregion=${EMULATOR_REGION}\nkey_file=${keyFile}\n`,
    { mode: 0o600 },
  );
  return {
    keyId: `${tenancyId}/${user}/${fingerprint}`,
    publicKey,
    configFile,
    profile: EMULATOR_PROFILE,
    user,
    folder,
  };
}
