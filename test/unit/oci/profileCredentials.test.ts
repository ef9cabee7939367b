import * as assert from 'assert';
import { generateKeyPairSync } from 'crypto';
import { renameSync, utimesSync, writeFileSync } from 'fs';
import * as path from 'path';
import { UserError } from '../../../src/core/errors/userError';
import { readCredentials, unchangedSince } from '../../../src/core/oci/profileCredentials';
import { useTempDir } from '../tempDir';

const PEM = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

describe('reading a profile’s credentials', () => {
  const dir = useTempDir();

  function config(text: string): string {
    const keyFile = path.join(dir(), 'key.pem');
    writeFileSync(keyFile, PEM);
    const file = path.join(dir(), 'config');
    writeFileSync(file, text.replace('KEY', keyFile));
    return file;
  }

  const BASE =
    'tenancy=ocid1.tenancy.oc1..aaaa\nuser=ocid1.user.oc1..aaaa\nfingerprint=12:34\nregion=us-ashburn-1\nkey_file=KEY\n';

  async function failure(file: string, profile = 'DEFAULT'): Promise<UserError> {
    try {
      await readCredentials({ configFile: file, profile }, undefined, dir());
    } catch (err) {
      assert.ok(err instanceof UserError, String(err));
      return err;
    }
    throw new Error('the credentials were read');
  }

  it('reads an API-key profile, taking missing keys from [DEFAULT] as the SDK does', async () => {
    const file = config(`[DEFAULT]\n${BASE}[OTHER]\nregion=eu-frankfurt-1\n`);
    const credentials = await readCredentials({ configFile: file, profile: 'OTHER' }, undefined, dir());
    assert.strictEqual(credentials.region, 'eu-frankfurt-1');
    assert.strictEqual(credentials.user, 'ocid1.user.oc1..aaaa');
    assert.strictEqual(credentials.privateKey, PEM);
  });

  it('prefers a switched region to the file’s', async () => {
    const file = config(`[DEFAULT]\n${BASE}`);
    const credentials = await readCredentials(
      { configFile: file, profile: 'DEFAULT', region: 'ap-tokyo-1' },
      undefined,
      dir(),
    );
    assert.strictEqual(credentials.region, 'ap-tokyo-1');
  });

  it('names the line of a malformed file', async () => {
    const err = await failure(config(`[DEFAULT]\n${BASE}this line has no equals sign\n`));
    assert.match(err.message, /config line 7/);
  });

  it('names a missing key and the profile it is missing from', async () => {
    const err = await failure(config(`[DEFAULT]\n${BASE.replace(/fingerprint=.*\n/, '')}`));
    assert.match(err.message, /Profile DEFAULT .* has no fingerprint/);
    assert.match(err.nextStep, /Add fingerprint=/);
  });

  it('names an unreadable key file by its path, never by its content', async () => {
    const file = path.join(dir(), 'config');
    writeFileSync(file, `[DEFAULT]\n${BASE.replace('KEY', path.join(dir(), 'gone.pem'))}`);
    const err = await failure(file);
    assert.match(err.message, /gone\.pem\) cannot be read: ENOENT/);
  });

  it('refuses a file that is not a PEM private key', async () => {
    const file = config(`[DEFAULT]\n${BASE}`);
    writeFileSync(path.join(dir(), 'key.pem'), 'ssh-rsa AAAA…');
    const err = await failure(file);
    assert.match(err.message, /is not a private key in PEM format/);
  });

  it('explains that instance principals do not work from the editor', async () => {
    const err = await failure(config('[DEFAULT]\nregion=us-ashburn-1\nauthentication_type=instance_principal\n'));
    assert.match(err.message, /instance_principal, which only works on an OCI instance/);
  });

  it('names a profile that is gone', async () => {
    const err = await failure(config(`[DEFAULT]\n${BASE}`), 'GONE');
    assert.match(err.message, /has no profile named GONE/);
  });

  it('knows when the config file or the key file it read has changed or gone since, as after an emulator’s restart or stop', async () => {
    const file = config(`[DEFAULT]\n${BASE}`);
    const keyFile = path.join(dir(), 'key.pem');
    const read = async () => (await readCredentials({ configFile: file, profile: 'DEFAULT' }, undefined, dir())).files;
    let files = await read();
    assert.deepStrictEqual(
      files.map((f) => f.file),
      [file, keyFile],
    );
    assert.strictEqual(await unchangedSince(files), true, 'nothing changed');

    // Written again with the same length, as a new key of the same size would be.
    const later = new Date(Date.now() + 5_000);
    utimesSync(keyFile, later, later);
    assert.strictEqual(await unchangedSince(files), false, 'the key file was written again');

    files = await read();
    writeFileSync(path.join(dir(), 'other.pem'), PEM);
    renameSync(path.join(dir(), 'other.pem'), keyFile);
    assert.strictEqual(await unchangedSince(files), false, 'the key file was replaced');

    files = await read();
    writeFileSync(file, `[DEFAULT]\n${BASE.replace('KEY', keyFile)}\n`);
    assert.strictEqual(await unchangedSince(files), false, 'the config file changed');

    files = await read();
    renameSync(keyFile, path.join(dir(), 'gone.pem'));
    assert.strictEqual(await unchangedSince(files), false, 'the key file went');
  });
});
