import { promises as fs } from 'fs';
import * as os from 'os';
import { UserError } from '../errors/userError';
import { isEncryptedPem, opensKey } from '../ociConfig/checkKeyFile';
import { parseConfig } from '../ociConfig/parseConfig';
import { lookupKey, resolveProfile } from '../ociConfig/resolveProfile';
import { sessionRefreshCommand, tokenExpiry } from '../ociConfig/sessionToken';

/** Which profile of which config file, and how to reach it. */
export interface ProfileTarget {
  readonly configFile: string;
  readonly profile: string;
  /** Sends every call here instead of the region's endpoints: the emulator, or a private endpoint. */
  readonly endpoint?: string;
  /** Overrides the profile's region without editing the file. */
  readonly region?: string;
}

export interface PassphraseRequest {
  readonly profile: string;
  readonly keyFile: string;
  /** Set when the last pass phrase given did not open the key. */
  readonly previousWasWrong: boolean;
}

/**
 * Where the pass phrase of an encrypted key comes from when the config file has no
 * pass_phrase: the editor keeps it in SecretStorage and asks once.
 */
export interface PassphraseSource {
  get(request: PassphraseRequest): Promise<string | undefined>;
  /** Called with the pass phrase that opened the key, so that it need not be asked again. */
  accepted(request: PassphraseRequest, passphrase: string): Promise<void>;
}

/** What signing needs, read from the user's own files. Held in memory only. */
export interface ProfileCredentials {
  readonly tenancy: string;
  /** Empty for session-token profiles, whose key id is the token. */
  readonly user: string;
  readonly fingerprint: string;
  readonly keyFile: string;
  readonly privateKey: string;
  readonly passphrase?: string;
  readonly region: string;
  readonly securityTokenFile?: string;
  /** The config file and the key file as they were read: credentials whose files changed since are stale. */
  readonly files: readonly FileStamp[];
}

/** A file as it was before it was read; written again, replaced or removed, it no longer matches. */
export interface FileStamp {
  readonly file: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly ino: number;
}

const WRONG_PASSPHRASE_ATTEMPTS = 3;

/** Taken before the file is read, so that a change made while it is read shows later; a file that cannot be stated matches nothing. */
async function stampOf(file: string): Promise<FileStamp> {
  const stat = await fs.stat(file).catch(() => undefined);
  return { file, mtimeMs: stat?.mtimeMs ?? -1, size: stat?.size ?? -1, ino: stat?.ino ?? -1 };
}

/** Whether each file is still as it was when its stamp was taken. */
export async function unchangedSince(stamps: readonly FileStamp[]): Promise<boolean> {
  const now = await Promise.all(stamps.map((s) => stampOf(s.file)));
  return now.every(
    (n, i) => n.mtimeMs >= 0 && n.mtimeMs === stamps[i].mtimeMs && n.size === stamps[i].size && n.ino === stamps[i].ino,
  );
}

/**
 * Reads a profile the way the SDK would, but with errors that say which key of which profile
 * is at fault, and with the pass phrase of an encrypted key asked for rather than required
 * in the file.
 */
export async function readCredentials(
  target: ProfileTarget,
  passphrases?: PassphraseSource,
  home = os.homedir(),
): Promise<ProfileCredentials> {
  const configStamp = await stampOf(target.configFile);
  const parsed = parseConfig(await fs.readFile(target.configFile, 'utf8'));
  if (!parsed.ok) {
    throw new UserError(
      `${target.configFile} line ${parsed.error.line}: ${parsed.error.message}`,
      'Fix the line, then try again.',
    );
  }
  const profile = resolveProfile(parsed.sections, target.profile, home);
  if (!profile) {
    throw new UserError(`${target.configFile} has no profile named ${target.profile}.`, 'Refresh the Tenancy view.');
  }
  if (profile.authType === 'other') {
    throw new UserError(
      `Profile ${profile.name} uses authentication_type=${profile.authenticationType}, which only works on an OCI instance or function, not in the editor.`,
      'Use an API-key or session-token profile.',
    );
  }
  const missing = (key: string) =>
    new UserError(
      `Profile ${profile.name} in ${target.configFile} has no ${key} (nor has [DEFAULT]).`,
      `Add ${key}=… to the profile; "Check Profile" checks the rest.`,
    );
  const tenancy = profile.tenancy || throwError(missing('tenancy'));
  const fingerprint = profile.fingerprint || throwError(missing('fingerprint'));
  const keyFile = profile.keyFile || throwError(missing('key_file'));
  const region = target.region || profile.region || process.env.OCI_REGION || throwError(missing('region'));
  const user = profile.authType === 'sessionToken' ? '' : profile.user || throwError(missing('user'));
  const keyStamp = await stampOf(keyFile);
  const privateKey = await fs.readFile(keyFile, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UserError(
      `The key_file of profile ${profile.name} (${keyFile}) cannot be read: ${err.code ?? err.message}.`,
      'Point key_file at the private key whose public key is uploaded for the user.',
    );
  });
  const fromFile = lookupKey(parsed.sections, profile.name, 'pass_phrase') || undefined;
  const passphrase = await openKey(profile.name, keyFile, privateKey, fromFile, passphrases);
  return {
    tenancy,
    user,
    fingerprint,
    keyFile,
    privateKey,
    passphrase,
    region,
    securityTokenFile: profile.securityTokenFile,
    files: [configStamp, keyStamp],
  };
}

/** The pass phrase that opens the key, or undefined for a key that is not encrypted. */
async function openKey(
  profile: string,
  keyFile: string,
  pem: string,
  fromFile: string | undefined,
  source: PassphraseSource | undefined,
): Promise<string | undefined> {
  const encrypted = isEncryptedPem(pem);
  if (!encrypted || fromFile) {
    if (!opensKey(pem, fromFile)) {
      throw new UserError(
        fromFile
          ? `The pass_phrase of profile ${profile} does not open ${keyFile}.`
          : `${keyFile} (the key_file of profile ${profile}) is not a private key in PEM format.`,
        fromFile ? 'Correct pass_phrase in the config file.' : 'Point key_file at the PEM private key.',
      );
    }
    return fromFile;
  }
  if (!source) {
    throw new UserError(
      `${keyFile} (the key_file of profile ${profile}) is encrypted and the profile has no pass_phrase.`,
      'Add pass_phrase=… to the profile.',
    );
  }
  for (let attempt = 0; attempt < WRONG_PASSPHRASE_ATTEMPTS; attempt++) {
    const request = { profile, keyFile, previousWasWrong: attempt > 0 };
    const passphrase = await source.get(request);
    if (passphrase === undefined) {
      throw new PassphraseNeededError(profile, keyFile);
    }
    if (opensKey(pem, passphrase)) {
      await source.accepted(request, passphrase);
      return passphrase;
    }
  }
  throw new UserError(
    `The pass phrase given ${WRONG_PASSPHRASE_ATTEMPTS} times does not open ${keyFile} (the key_file of profile ${profile}).`,
    'Try again with the pass phrase the key was encrypted with.',
  );
}

function throwError(error: Error): never {
  throw error;
}

/** An encrypted key whose pass phrase was not given (or not kept, when nobody was asked). */
export class PassphraseNeededError extends UserError {
  constructor(
    readonly profile: string,
    readonly passphraseFor: string,
  ) {
    super(
      `The key of profile ${profile} (${passphraseFor}) is encrypted, and its pass phrase was not given.`,
      'Enter its pass phrase ("Enter Pass Phrase…" on the profile); the editor keeps it in its secret storage.',
    );
  }
}

/** A session token past its expiry; `command` renews it. */
export class SessionExpiredError extends UserError {
  constructor(
    readonly profile: string,
    readonly command: string,
    expiredAt: Date,
  ) {
    super(
      `The session token of profile ${profile} expired at ${expiredAt.toISOString()}.`,
      `Run "${command}" in a terminal, then try again ("oci session authenticate" once the session can no longer be refreshed).`,
    );
  }
}

/**
 * The current token of a session-token profile. Read again for every request, so that a
 * token renewed by `oci session refresh` is used at once, and an expired one is named before
 * the service refuses it.
 */
export async function readSessionToken(profile: string, file: string, now: Date): Promise<string> {
  let token: string;
  try {
    token = (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    throw new UserError(
      `The security_token_file of profile ${profile} (${file}) cannot be read: ${(err as NodeJS.ErrnoException).code}.`,
      `Run "oci session authenticate --profile-name ${profile}" to start a session.`,
    );
  }
  const expiry = tokenExpiry(token);
  if (expiry && expiry.getTime() <= now.getTime()) {
    throw new SessionExpiredError(profile, sessionRefreshCommand(profile), expiry);
  }
  return token;
}
