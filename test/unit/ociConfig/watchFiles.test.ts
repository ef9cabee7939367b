import * as assert from 'assert';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { watchFiles } from '../../../src/core/ociConfig/watchFiles';
import { useTempDir } from '../tempDir';

function nextChange(files: string[]): { changed: Promise<void>; dispose(): void } {
  let resolve!: () => void;
  const changed = new Promise<void>((r) => (resolve = r));
  const watch = watchFiles(files, () => resolve(), 20);
  return { changed, dispose: () => watch.dispose() };
}

describe('watching the config file', () => {
  const dir = useTempDir();

  it('sees a file created together with its folder', async () => {
    const file = path.join(dir(), '.oci', 'config');
    const w = nextChange([file]);
    mkdirSync(path.dirname(file));
    writeFileSync(file, '[DEFAULT]\n');
    await w.changed;
    w.dispose();
  });

  it('sees an edit, an atomic replace and a delete', async () => {
    const file = path.join(dir(), 'config');
    writeFileSync(file, '[A]\n');
    for (const change of [
      () => writeFileSync(file, '[B]\n'),
      () => {
        writeFileSync(file + '.tmp', '[C]\n');
        renameSync(file + '.tmp', file);
      },
      () => rmSync(file),
    ]) {
      const w = nextChange([file]);
      change();
      await w.changed;
      w.dispose();
    }
  });

  it('ignores other files in the same folder', async () => {
    const file = path.join(dir(), 'config');
    let calls = 0;
    const watch = watchFiles([file], () => calls++, 20);
    writeFileSync(path.join(dir(), 'other'), 'x');
    await new Promise((r) => setTimeout(r, 200));
    watch.dispose();
    assert.strictEqual(calls, 0);
  });
});
