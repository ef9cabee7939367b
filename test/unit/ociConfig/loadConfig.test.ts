import * as assert from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { loadConfig } from '../../../src/core/ociConfig/loadConfig';
import { useTempDir } from '../tempDir';

describe('loading the config file for the Tenancy view', () => {
  const home = useTempDir();
  const write = (text: string) => {
    mkdirSync(path.join(home(), '.oci'), { recursive: true });
    writeFileSync(path.join(home(), '.oci', 'config'), text);
  };

  it('lists the profiles in file order, resolved against DEFAULT', async () => {
    write('[DEFAULT]\nregion=us-ashburn-1\n[B]\n[A]\nregion=eu-paris-1\n');
    const state = await loadConfig({ home: home() });
    assert.ok(state.kind === 'loaded');
    assert.deepStrictEqual(
      state.profiles.map((p) => [p.name, p.region]),
      [
        ['DEFAULT', 'us-ashburn-1'],
        ['B', 'us-ashburn-1'],
        ['A', 'eu-paris-1'],
      ],
    );
  });

  it('reports a malformed file with its line', async () => {
    write('[DEFAULT]\nregion\n');
    const state = await loadConfig({ home: home() });
    assert.ok(state.kind === 'malformed');
    assert.strictEqual(state.error.line, 2);
    assert.strictEqual(state.file.path, path.join(home(), '.oci', 'config'));
  });

  it('treats a folder where the file should be as no file, and lists where it looked', async () => {
    mkdirSync(path.join(home(), '.oci', 'config'), { recursive: true });
    const state = await loadConfig({ home: home() });
    assert.ok(state.kind === 'missing');
    assert.strictEqual(state.candidates.length, 2);
  });

  it('refuses to read a file far too large to be a config file', async () => {
    write('#'.repeat(2 * 1024 * 1024));
    const state = await loadConfig({ home: home() });
    assert.ok(state.kind === 'unreadable');
    assert.match(state.message, /too large to be an OCI config file/);
  });
});
