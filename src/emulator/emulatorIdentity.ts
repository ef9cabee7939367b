import { createPrivateKey, generateKeyPairSync, KeyObject } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fingerprintOf } from '../core/ociConfig/checkProfile';
import { ocid } from './store/ocids';
import { issueSessionToken } from './sessionTokens';

export const EMULATOR_PROFILE = 'EMULATOR';
/** A profile like those `oci session authenticate` writes, signing with a session token. */
export const EMULATOR_SESSION_PROFILE = 'EMULATOR_SESSION';
export const EMULATOR_REGION = 'us-ashburn-1';
/** As long as a fresh token from `oci session authenticate` lasts. */
const SESSION_TTL_MS = 60 * 60 * 1000;

/** The config file's two sections: an emulator started beside another one names its profiles apart. */
export interface EmulatorProfileNames {
  readonly apiKey: string;
  readonly session: string;
}

export interface EmulatorIdentity {
  readonly keyId: string;
  readonly publicKey: KeyObject;
  readonly configFile: string;
  readonly profile: string;
  readonly user: string;
  readonly folder: string;
  /** The security_token_file of the session profile. */
  readonly sessionTokenFile: string;
}

/**
 * A user of the emulated tenancy with a fresh API key and a fresh session, and an OCI config
 * file with a profile for each, so that any SDK or CLI can sign requests to the emulator.
 * The keys never leave the folder, which is private to the user.
 */
export async function createEmulatorIdentity(
  tenancyId: string,
  sessionSecret: Buffer,
  stateDir?: string,
  names: EmulatorProfileNames = { apiKey: EMULATOR_PROFILE, session: EMULATOR_SESSION_PROFILE },
): Promise<EmulatorIdentity> {
  const folder = stateDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'oew-emulator-')));
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const user = ocid('user', 'emulator-user');
  const apiKey = await writeKeyPair(path.join(folder, 'emulator_api_key.pem'));
  const sessionKey = await writeKeyPair(path.join(folder, 'emulator_session_key.pem'));
  const sessionTokenFile = path.join(folder, 'emulator_session_token');
  const token = issueSessionToken(sessionSecret, {
    tenancy: tenancyId,
    user,
    publicKey: sessionKey.publicKey,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  await fs.writeFile(sessionTokenFile, token, { mode: 0o600 });
  const configFile = path.join(folder, 'config');
  await fs.writeFile(
    configFile,
    [
      '# Written by "oew emulator": profiles for the local emulator, not for Oracle Cloud.',
      `[${names.apiKey}]`,
      `user=${user}`,
      `fingerprint=${apiKey.fingerprint}`,
      `tenancy=${tenancyId}`,
      `region=${EMULATOR_REGION}`,
      `key_file=${apiKey.file}`,
      '',
      `[${names.session}]`,
      `fingerprint=${sessionKey.fingerprint}`,
      `tenancy=${tenancyId}`,
      `region=${EMULATOR_REGION}`,
      `key_file=${sessionKey.file}`,
      `security_token_file=${sessionTokenFile}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return {
    keyId: `${tenancyId}/${user}/${apiKey.fingerprint}`,
    publicKey: apiKey.publicKey,
    configFile,
    profile: names.apiKey,
    user,
    folder,
    sessionTokenFile,
  };
}

async function writeKeyPair(file: string): Promise<{ file: string; fingerprint: string; publicKey: KeyObject }> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  await fs.writeFile(file, pem, { mode: 0o600 });
  return { file, fingerprint: fingerprintOf(createPrivateKey(pem)), publicKey };
}
