import * as assert from 'assert';
import { readdirSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { cachedRequire } from '../../../src/core/runtime/cachedRequire';
import { useTempDir } from '../tempDir';

describe('cachedRequire', () => {
  const dir = useTempDir();

  function bundle(body: string): string {
    const file = path.join(dir(), 'bundle.js');
    writeFileSync(file, body);
    return file;
  }

  it('loads a CommonJS file as require would: exports, module.exports, __dirname and its own require', () => {
    writeFileSync(path.join(dir(), 'helper.js'), 'module.exports = 41;');
    const file = bundle(
      'exports.answer = require("./helper") + 1; exports.dir = __dirname; exports.os = require("os").EOL;',
    );
    const loaded = cachedRequire(file, path.join(dir(), 'cache')) as { answer: number; dir: string; os: string };
    assert.deepStrictEqual(loaded, { answer: 42, dir: dir(), os: '\n' });
  });

  it('keeps a code cache after the first load, uses it on the next, and drops caches of older builds', async () => {
    const cache = path.join(dir(), 'cache');
    const file = bundle('module.exports = { n: 1 };');
    assert.deepStrictEqual(cachedRequire(file, cache), { n: 1 });
    const first = readdirSync(cache);
    assert.strictEqual(first.length, 1);
    const written = statSync(path.join(cache, first[0])).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepStrictEqual(cachedRequire(file, cache), { n: 1 });
    assert.deepStrictEqual(readdirSync(cache), first);
    assert.strictEqual(statSync(path.join(cache, first[0])).mtimeMs, written, 'read, not rejected and written again');
    // A new build: a new cache, and the old one is removed.
    writeFileSync(file, 'module.exports = { n: 2 };');
    assert.deepStrictEqual(cachedRequire(file, cache), { n: 2 });
    const second = readdirSync(cache);
    assert.strictEqual(second.length, 1);
    assert.notDeepStrictEqual(second, first);
  });

  it('still loads when the cache folder cannot be written', () => {
    const blocked = bundle('module.exports = "ok";');
    // A file where the cache folder should be.
    assert.strictEqual(cachedRequire(blocked, blocked), 'ok');
  });
});
