import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'crypto';
import { promises as fs } from 'fs';
import { checkKeyFile, isEncryptedPem } from './checkKeyFile';
import { parseConfig } from './parseConfig';
import { ProfileCheckResult } from './profileCheckResult';
import { checkFingerprint, checkRegion, checkTenancyOcid, checkUserOcid } from './profileShapes';
import { lookupKey, ResolvedProfile, resolveProfile } from './resolveProfile';
import { sessionRefreshCommand, tokenExpiry } from './sessionToken';

export interface ProfileCheckRequest {
  readonly file: string;
  readonly profileName: string;
  readonly home: string;
  readonly now: Date;
}

interface ProfileCheckInput {
  readonly profile: ResolvedProfile;
  /** Used to open the key and then dropped. */
  readonly passPhrase?: string;
  readonly home: string;
  readonly now: Date;
}

/**
 * Checks a profile offline, the way a first signed request would fail on it: shapes of the
 * values, the key file, the pass phrase, whether the key matches the fingerprint (the usual
 * cause of a 401 NotAuthenticated), and for session-token profiles whether the token expired.
 */
export async function checkProfile(request: ProfileCheckRequest): Promise<ProfileCheckResult[]> {
  // The file is read again, so the check sees what is on disk now, not what the view loaded.
  const parsed = parseConfig(await fs.readFile(request.file, 'utf8'));
  if (!parsed.ok) {
    return [{ label: 'Config file', status: 'fail', detail: `Line ${parsed.error.line}: ${parsed.error.message}` }];
  }
  const profile = resolveProfile(parsed.sections, request.profileName, request.home);
  if (!profile) {
    return [
      {
        label: 'Profile',
        status: 'fail',
        detail: `${request.file} no longer has a profile named ${request.profileName}.`,
      },
    ];
  }
  const passPhrase = lookupKey(parsed.sections, request.profileName, 'pass_phrase') || undefined;
  return checkResolved({ profile, passPhrase, home: request.home, now: request.now });
}

async function checkResolved(input: ProfileCheckInput): Promise<ProfileCheckResult[]> {
  const { profile } = input;
  const results: ProfileCheckResult[] = [
    shape('Tenancy OCID', profile.tenancy, checkTenancyOcid),
    shape('Region', profile.region, checkRegion),
  ];
  if (profile.authType === 'other') {
    results.push({
      label: 'Authentication',
      status: 'skip',
      detail: `authentication_type=${profile.authenticationType} is checked by the service, not from this file.`,
    });
    return results;
  }
  if (profile.authType === 'apiKey') {
    results.push(shape('User OCID', profile.user, checkUserOcid));
  }
  results.push(shape('Fingerprint', profile.fingerprint, checkFingerprint));
  const key = await openKey(input, results);
  if (key && profile.fingerprint && !checkFingerprint(profile.fingerprint)) {
    const actual = fingerprintOf(key);
    results.push(
      actual === profile.fingerprint.toLowerCase()
        ? { label: 'Key matches fingerprint', status: 'pass', detail: actual }
        : {
            label: 'Key matches fingerprint',
            status: 'fail',
            detail: `The key's fingerprint is ${actual}, not ${profile.fingerprint}: every request would get 401 NotAuthenticated. Point key_file at the key you uploaded, or set fingerprint=${actual} if this key is the uploaded one.`,
          },
    );
  }
  if (profile.authType === 'sessionToken') {
    results.push(await checkSessionToken(profile.name, profile.securityTokenFile!, input.now));
  }
  return results;
}

function shape(label: string, value: string | undefined, check: (v: string) => string | undefined): ProfileCheckResult {
  if (!value) {
    return { label, status: 'fail', detail: `Missing: the profile and [DEFAULT] have no ${label.toLowerCase()}.` };
  }
  const problem = check(value);
  return problem ? { label, status: 'fail', detail: problem } : { label, status: 'pass', detail: value };
}

async function openKey(input: ProfileCheckInput, results: ProfileCheckResult[]): Promise<KeyObject | undefined> {
  const keyFile = input.profile.keyFile;
  if (!keyFile) {
    results.push({ label: 'Key file', status: 'fail', detail: 'Missing: add key_file=<path of the private key>.' });
    return undefined;
  }
  const problem = await checkKeyFile(keyFile, input.home);
  if (problem) {
    results.push({ label: 'Key file', status: 'fail', detail: problem });
    return undefined;
  }
  results.push({ label: 'Key file', status: 'pass', detail: keyFile });
  const pem = await fs.readFile(keyFile, 'latin1');
  if (!input.passPhrase && isEncryptedPem(pem)) {
    results.push({
      label: 'Key opens',
      status: 'fail',
      detail: 'The key is encrypted and the profile has no pass_phrase: add pass_phrase=<the key’s pass phrase>.',
    });
    return undefined;
  }
  try {
    const key = createPrivateKey({ key: pem, format: 'pem', passphrase: input.passPhrase });
    results.push({
      label: 'Key opens',
      status: 'pass',
      detail: input.passPhrase ? 'The pass phrase opens the key.' : 'The key is not encrypted.',
    });
    return key;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const detail = input.passPhrase
      ? 'The pass phrase does not open the key (or the key is damaged): check pass_phrase.'
      : `The key cannot be read as a private key (${code ?? 'unknown format'}).`;
    results.push({ label: 'Key opens', status: 'fail', detail });
    return undefined;
  }
}

/** OCI's fingerprint: MD5 of the DER SubjectPublicKeyInfo, as colon-separated hex pairs. */
export function fingerprintOf(key: KeyObject): string {
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('md5').update(der).digest('hex').match(/../g)!.join(':');
}

async function checkSessionToken(profile: string, file: string, now: Date): Promise<ProfileCheckResult> {
  const label = 'Session token';
  let token: string;
  try {
    token = (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    return { label, status: 'fail', detail: `${file} cannot be read (${(err as NodeJS.ErrnoException).code}).` };
  }
  const exp = tokenExpiry(token);
  if (exp === undefined) {
    return { label, status: 'warn', detail: `${file} does not hold a token whose expiry can be read.` };
  }
  return exp.getTime() <= now.getTime()
    ? {
        label,
        status: 'fail',
        detail: `The token expired at ${exp.toISOString()}: run "${sessionRefreshCommand(profile)}" (or "oci session authenticate" once the session can no longer be refreshed).`,
      }
    : { label, status: 'pass', detail: `Valid until ${exp.toISOString()}.` };
}
