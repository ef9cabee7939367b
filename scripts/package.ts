import { execFileSync } from 'child_process';
import { readFileSync, statSync } from 'fs';
import * as path from 'path';

/** npm run package — the VSIX, with its size; it fails above the 1.5 MB budget. */
const ROOT = path.resolve(__dirname, '..', '..');
const LIMIT_BYTES = 1.5 * 1024 * 1024;

export function packageVsix(): { file: string; bytes: number } {
  const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const file = path.join(ROOT, `${name}-${version}.vsix`);
  // Everything is bundled into dist/, so the VSIX needs no node_modules.
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--skip-license',
      // The README's pictures live in docs/images/, outside the VSIX (its size budget): their links
      // stay relative, for the repository's own README, rather than pointing at a branch of it.
      '--no-rewrite-relative-links',
      '--out',
      file,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return { file, bytes: statSync(file).size };
}

if (require.main === module) {
  const { file, bytes } = packageVsix();
  console.log(`${path.basename(file)}: ${(bytes / 1024).toFixed(1)} KB (budget ${LIMIT_BYTES / 1024} KB)`);
  if (bytes > LIMIT_BYTES) {
    console.error('The VSIX is over its size budget: check .vscodeignore and the bundles.');
    process.exit(1);
  }
}
