import { createHash } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { createRequire, Module } from 'module';
import * as path from 'path';
import * as vm from 'vm';

/**
 * Requires a large CommonJS bundle with V8's code cache kept in `cacheDir`, so that only the
 * first load in an installation pays for compiling it; later loads (every new window) read the
 * cache. Node's own compile cache would be process-wide, which in an extension host means every
 * other extension's modules too; this touches only `file`. A rejected or missing cache just
 * means an ordinary compile.
 */
export function cachedRequire(file: string, cacheDir: string): unknown {
  const source = readFileSync(file, 'utf8');
  // Keyed by content: V8 checks little more than the source's length before using a cache.
  const key = createHash('sha256').update(`${file}\0${process.version}\0`).update(source).digest('hex');
  const cacheFile = path.join(cacheDir, `${path.basename(file)}.${key.slice(0, 16)}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this load makes one.
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} as unknown };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  if (!cachedData || script.cachedDataRejected) {
    writeCache(cacheFile, script.createCachedData());
  }
  return module.exports;
}

function writeCache(cacheFile: string, data: Buffer): void {
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    // Written aside and renamed, so that a window loading at the same moment never reads half a cache.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, cacheFile);
    // Caches of earlier builds of the same bundle are never read again.
    const prefix = `${path.basename(cacheFile).split('.').slice(0, -2).join('.')}.`;
    for (const name of readdirSync(path.dirname(cacheFile))) {
      if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== path.basename(cacheFile)) {
        rmSync(path.join(path.dirname(cacheFile), name), { force: true });
      }
    }
  } catch {
    // A cache that cannot be written only costs the next load its compile.
  }
}
