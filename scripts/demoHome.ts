import { createPrivateKey, generateKeyPairSync } from 'crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { fingerprintOf } from '../src/core/ociConfig/checkProfile';
import type { Emulator } from '../src/emulator/emulator';
import { EMULATOR_PROFILE, EMULATOR_SESSION_PROFILE } from '../src/emulator/emulatorIdentity';
import { DEMO_OIC_HOST } from '../src/emulator/store/fusionState';
import { PASSWORDS_VARIABLE } from '../src/core/fusion/environmentPasswords';

/**
 * Demo profiles, one of each kind, shared by the demo and the tests. Nothing here is a real
 * credential; the OCIDs are made up.
 */
export function demoConfigText(fingerprint: string): string {
  return `# Demo profiles of OCI Event Workbench: made-up OCIDs, a key generated for the demo.
[DEFAULT]
user=ocid1.user.oc1..aaaaaaaademouser0000000000000000000000000000000000000000
fingerprint=${fingerprint}
tenancy=ocid1.tenancy.oc1..aaaaaaaademotenancy000000000000000000000000000000000000
region=us-ashburn-1
key_file=~/.oci/oci_api_key.pem

[FRANKFURT]
region=eu-frankfurt-1

[SESSION]
region=ap-tokyo-1
key_file=~/.oci/sessions/SESSION/oci_api_key.pem
security_token_file=~/.oci/sessions/SESSION/token
`;
}

/**
 * Writes the demo profiles into `home`, with a freshly generated key whose fingerprint matches
 * and a session token valid for an hour, so that every feature shows its normal state.
 */
export function writeDemoHome(home: string): { fingerprint: string } {
  const oci = path.join(home, '.oci');
  mkdirSync(path.join(oci, 'sessions', 'SESSION'), { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  writeFileSync(path.join(oci, 'oci_api_key.pem'), pem, { mode: 0o600 });
  writeFileSync(path.join(oci, 'sessions', 'SESSION', 'oci_api_key.pem'), pem, { mode: 0o600 });
  const claims = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
  writeFileSync(path.join(oci, 'sessions', 'SESSION', 'token'), `eyJhbGciOiJSUzI1NiJ9.${claims}.ZGVtbw`);
  const fingerprint = fingerprintOf(createPrivateKey(pem));
  writeFileSync(path.join(oci, 'config'), demoConfigText(fingerprint), { mode: 0o600 });
  return { fingerprint };
}

/** The name of the demo's Fusion connection to the emulator. */
export const DEMO_FUSION_CONNECTION = 'acme-test (emulator)';

/**
 * Adds the emulator's profiles to the demo's config file, beside the user's own, points them
 * at the emulator with `oew.oci.endpoints`, and adds a Fusion connection to it. Returns the
 * environment that hands the connection's password to the extension, which keeps it in
 * SecretStorage.
 *
 * Both settings have `machine` scope. code-server's window is a remote one, and a remote window
 * ignores machine-scoped settings in the user's settings once the extension's schema is
 * registered: they go in the remote machine's settings, `<user-data-dir>/Machine/settings.json`.
 */
export function addEmulatorProfiles(
  home: string,
  userDataDir: string,
  emulator: Emulator,
  { asDefault = false }: { asDefault?: boolean } = {},
): Record<string, string> {
  const config = path.join(home, '.oci', 'config');
  mkdirSync(path.dirname(config), { recursive: true, mode: 0o700 });
  appendFileSync(config, `\n${readFileSync(emulator.identity.configFile, 'utf8')}`, { mode: 0o600 });
  const { url, username, password } = emulator.announcement.fusion;
  updateMachineSettings(userDataDir, {
    ...(asDefault ? { 'oew.oci.profile': EMULATOR_PROFILE } : {}),
    'oew.oci.endpoints': Object.fromEntries(
      [EMULATOR_PROFILE, EMULATOR_SESSION_PROFILE].map((profile) => [profile, emulator.server.url]),
    ),
    'oew.fusion.connections': [
      { name: DEMO_FUSION_CONNECTION, baseUrl: url, username, expectedOicHosts: [DEMO_OIC_HOST] },
    ],
  });
  return { [PASSWORDS_VARIABLE]: JSON.stringify({ [DEMO_FUSION_CONNECTION]: password }) };
}

/**
 * Sets settings of the remote machine, `<user-data-dir>/Machine/settings.json`, which a
 * code-server window reads for machine-scoped settings (see addEmulatorProfiles).
 */
export function updateMachineSettings(userDataDir: string, change: Record<string, unknown>): void {
  const file = path.join(userDataDir, 'Machine', 'settings.json');
  const settings = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...settings, ...change }, null, 2));
}
