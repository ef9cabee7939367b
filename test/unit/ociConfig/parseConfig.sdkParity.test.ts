import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { ConfigFile, ConfigFileReader } from 'oci-common/lib/config-file-reader';
import * as os from 'os';
import { parseConfig } from '../../../src/core/ociConfig/parseConfig';
import { lookupKey, ResolvedProfile, resolveProfile } from '../../../src/core/ociConfig/resolveProfile';
import { fixture } from '../fixtures';

const KEYS = [
  'user',
  'fingerprint',
  'tenancy',
  'region',
  'key_file',
  'pass_phrase',
  'security_token_file',
  'authentication_type',
];

// The line each malformed fixture must be reported at; the SDK only says that it failed.
const ERROR_LINES: Record<string, number> = {
  'semicolon-comment.config': 3,
  'key-before-profile.config': 1,
  'empty-profile-name.config': 3,
  'no-key.config': 2,
  'header-with-comment.config': 1,
};

type SdkResult = { ok: true; profiles: Map<string, Map<string, string>>; file: ConfigFile } | { ok: false };

function sdkParse(text: string): SdkResult {
  const info = console.info;
  console.info = () => undefined; // the SDK logs when there is no [DEFAULT]
  try {
    const file = ConfigFileReader.parse(text, null);
    return { ok: true, profiles: file.profileCredentials.configurationsByProfile, file };
  } catch {
    return { ok: false };
  } finally {
    console.info = info;
  }
}

describe('OCI config parser matches oci-common ConfigFileReader', () => {
  const files = readdirSync(fixture('ociConfig')).filter((f) => f.endsWith('.config'));

  it('has the fixtures the SDK parity rests on', () => {
    for (const required of [
      'crlf.config',
      'bom.config',
      'comments.config',
      'semicolon-comment.config',
      'value-with-equals.config',
      'duplicate-section.config',
      'default-fallback.config',
      'tilde-key-file.config',
    ]) {
      assert.ok(files.includes(required), required);
    }
  });

  for (const name of files) {
    it(name, () => {
      const text = readFileSync(fixture('ociConfig', name), 'utf8');
      const sdk = sdkParse(text);
      const ours = parseConfig(text);
      if (!sdk.ok) {
        assert.strictEqual(ours.ok, false, 'the SDK refuses this file, so the parser must report an error');
        assert.ok(!ours.ok && ours.error.line === ERROR_LINES[name], `error line: ${JSON.stringify(ours)}`);
        return;
      }
      assert.ok(ours.ok, `the SDK accepts this file but the parser said: ${JSON.stringify(!ours.ok && ours.error)}`);
      const raw = new Map(
        [...ours.sections].map(([n, s]) => [n, new Map([...s.entries].map(([k, e]) => [k, e.value]))]),
      );
      assert.deepStrictEqual(raw, sdk.profiles);
      for (const profile of sdk.profiles.keys()) {
        const sdkFile: ConfigFile = new ConfigFile(sdk.file.profileCredentials, profile);
        const resolved: ResolvedProfile = resolveProfile(ours.sections, profile, os.homedir())!;
        for (const key of KEYS) {
          assert.strictEqual(
            lookupKey(ours.sections, profile, key),
            sdkFile.get(key) ?? undefined,
            `${profile}.${key}`,
          );
        }
        const sdkKeyFile: string | null = sdkFile.get('key_file');
        assert.strictEqual(
          resolved.keyFile,
          sdkKeyFile ? ConfigFileReader.expandUserHome(sdkKeyFile) : undefined,
          `${profile} key_file after ~ expansion`,
        );
      }
    });
  }
});
