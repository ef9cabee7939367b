import * as assert from 'assert';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'crypto';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { checkProfile, fingerprintOf } from '../../../src/core/ociConfig/checkProfile';
import { useTempDir } from '../tempDir';

const TENANCY = 'ocid1.tenancy.oc1..aaaaaaaaexampletenancy';
const USER = 'ocid1.user.oc1..aaaaaaaaexampleuser';
const NOW = new Date('2026-11-24T12:00:00Z');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PLAIN_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const ENCRYPTED_PEM = privateKey.export({
  type: 'pkcs8',
  format: 'pem',
  cipher: 'aes-256-cbc',
  passphrase: 'correct horse',
}) as string;
const FINGERPRINT = fingerprintOf(createPrivateKey(PLAIN_PEM));

function jwt(exp: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part({ exp, sub: 'user' })}.c2ln`;
}

describe('checking a profile offline', () => {
  const dir = useTempDir();

  function run(profile: string, files: Record<string, string>) {
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(path.join(dir(), name), content);
    }
    const config = path.join(dir(), 'config');
    writeFileSync(config, profile.replace(/\$DIR/g, dir()));
    return checkProfile({ file: config, profileName: 'DEFAULT', home: dir(), now: NOW });
  }

  const byLabel = async (results: Promise<{ label: string; status: string; detail: string }[]>) =>
    new Map((await results).map((r) => [r.label, r]));

  it('passes a complete API-key profile whose key matches its fingerprint', async () => {
    const results = await run(
      `[DEFAULT]\ntenancy=${TENANCY}\nuser=${USER}\nfingerprint=${FINGERPRINT}\nkey_file=~/key.pem\nregion=us-ashburn-1\n`,
      { 'key.pem': PLAIN_PEM },
    );
    assert.deepStrictEqual(
      results.filter((r) => r.status !== 'pass'),
      [],
    );
    assert.ok(results.some((r) => r.label === 'Key matches fingerprint'));
  });

  it('reports a key that does not match the fingerprint, with the right fingerprint', async () => {
    const wrong = '00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff';
    const results = await byLabel(
      run(
        `[DEFAULT]\ntenancy=${TENANCY}\nuser=${USER}\nfingerprint=${wrong}\nkey_file=$DIR/key.pem\nregion=us-ashburn-1\n`,
        {
          'key.pem': PLAIN_PEM,
        },
      ),
    );
    const match = results.get('Key matches fingerprint')!;
    assert.strictEqual(match.status, 'fail');
    assert.ok(match.detail.includes(FINGERPRINT), match.detail);
    assert.match(match.detail, /401 NotAuthenticated/);
  });

  it('opens an encrypted key with pass_phrase, and says when it is missing or wrong', async () => {
    const base = `[DEFAULT]\ntenancy=${TENANCY}\nuser=${USER}\nfingerprint=${FINGERPRINT}\nkey_file=$DIR/key.pem\nregion=us-ashburn-1\n`;
    const files = { 'key.pem': ENCRYPTED_PEM };
    assert.strictEqual(
      (await byLabel(run(base + 'pass_phrase=correct horse\n', files))).get('Key opens')!.status,
      'pass',
    );
    const missing = (await byLabel(run(base, files))).get('Key opens')!;
    assert.match(missing.detail, /encrypted and the profile has no pass_phrase/);
    const wrong = (await byLabel(run(base + 'pass_phrase=wrong\n', files))).get('Key opens')!;
    assert.strictEqual(wrong.status, 'fail');
    assert.ok(!wrong.detail.includes('wrong'), 'the pass phrase is never echoed');
  });

  it('refuses a public key given as key_file', async () => {
    const publicPem = createPublicKey(PLAIN_PEM).export({ type: 'spki', format: 'pem' }) as string;
    const results = await byLabel(
      run(
        `[DEFAULT]\ntenancy=${TENANCY}\nuser=${USER}\nfingerprint=${FINGERPRINT}\nkey_file=$DIR/pub.pem\nregion=us-ashburn-1\n`,
        {
          'pub.pem': publicPem,
        },
      ),
    );
    assert.match(results.get('Key file')!.detail, /is a public key/);
  });

  it('says when a session token has expired', async () => {
    const profile = `[DEFAULT]\ntenancy=${TENANCY}\nfingerprint=${FINGERPRINT}\nkey_file=$DIR/key.pem\nregion=us-ashburn-1\nsecurity_token_file=$DIR/token\n`;
    const expired = (await byLabel(run(profile, { 'key.pem': PLAIN_PEM, token: jwt(NOW.getTime() / 1000 - 60) }))).get(
      'Session token',
    )!;
    assert.strictEqual(expired.status, 'fail');
    assert.match(expired.detail, /oci session refresh/);
    const valid = (await byLabel(run(profile, { 'key.pem': PLAIN_PEM, token: jwt(NOW.getTime() / 1000 + 3600) }))).get(
      'Session token',
    )!;
    assert.strictEqual(valid.status, 'pass');
  });

  it('names each missing value of an empty profile', async () => {
    const results = await byLabel(run('[DEFAULT]\n', {}));
    assert.strictEqual(results.get('Tenancy OCID')!.status, 'fail');
    assert.strictEqual(results.get('Region')!.status, 'fail');
    assert.match(results.get('Key file')!.detail, /Missing/);
  });
});
