import { execFileSync } from 'child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';

/**
 * npm run package:cli — `oew` as an npm package of its own: the bundled CLI, the event type
 * catalogue it reads beside it, a README and the license, nothing else. The bundle holds every
 * dependency, so the package has none and installs offline.
 */
const ROOT = path.resolve(__dirname, '..', '..');
export const CLI_PACKAGE = 'oci-event-workbench-cli';

export function packageCli(outDir = ROOT): { file: string; bytes: number } {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    engines: { node: string };
  };
  const stage = path.join(ROOT, 'out', 'cli-package');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.join(stage, 'dist', 'catalogue'), { recursive: true });
  // dist/cli.js reads ../package.json for its version and catalogue/ beside it: the same layout.
  copyFileSync(path.join(ROOT, 'dist', 'cli.js'), path.join(stage, 'dist', 'cli.js'));
  copyFileSync(
    path.join(ROOT, 'dist', 'catalogue', 'eventTypes.json'),
    path.join(stage, 'dist', 'catalogue', 'eventTypes.json'),
  );
  copyFileSync(path.join(ROOT, 'docs', 'cli.md'), path.join(stage, 'README.md'));
  copyFileSync(path.join(ROOT, 'LICENSE'), path.join(stage, 'LICENSE'));
  const pkg = {
    name: CLI_PACKAGE,
    version: manifest.version,
    description:
      'oew: check and test OCI Events rules and OIC filters, send test webhooks, run a webhook inbox and a local OCI emulator.',
    license: manifest.license,
    bin: { oew: 'dist/cli.js' },
    files: ['dist/cli.js', 'dist/catalogue/eventTypes.json'],
    engines: { node: manifest.engines.node },
    keywords: ['oci', 'oracle cloud', 'events', 'ons', 'webhook', 'xpath', 'cli'],
  };
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  mkdirSync(outDir, { recursive: true });
  const packed = execFileSync('npm', ['pack', '--pack-destination', outDir, '--silent'], {
    cwd: stage,
    encoding: 'utf8',
  }).trim();
  const file = path.join(outDir, packed.split('\n').pop()!);
  return { file, bytes: statSync(file).size };
}

if (require.main === module) {
  const { file, bytes } = packageCli();
  console.log(`${path.basename(file)}: ${(bytes / 1024).toFixed(1)} KB`);
  console.log(`Install it with: npm install -g ./${path.basename(file)}`);
}
