import { ChildProcess, spawn } from 'child_process';
import { createWriteStream } from 'fs';
import * as net from 'net';
import * as path from 'path';
import { Toolchain } from './install';
import { RunDir } from './runDir';

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly logFile: string;
  /** Stops the server and everything it started (extension host, file watcher). */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** What the extension host should find in its environment, beside the run's own. */
  readonly env?: NodeJS.ProcessEnv;
  /** Taken when free, else any free port. */
  readonly preferredPort?: number;
  /**
   * The workbench runs a test suite passed in its URL. It also hides every notification toast
   * (they reach only the bell's list), so it is for the extension-host tests, never for a
   * workbench a person or a UI test looks at.
   */
  readonly testPayload?: boolean;
}

export async function startCodeServer(
  toolchain: Toolchain,
  run: RunDir,
  { env: extraEnv = {}, preferredPort, testPayload = false }: CodeServerOptions = {},
): Promise<CodeServer> {
  const port = preferredPort !== undefined && (await portIsFree(preferredPort)) ? preferredPort : await freePort();
  const logFile = path.join(run.root, 'code-server.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    toolchain.node24,
    [
      toolchain.codeServerEntry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--config',
      path.join(run.root, 'config.yaml'),
      '--user-data-dir',
      run.userDataDir,
      '--extensions-dir',
      run.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...(testPayload ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ],
    // Its own process group, so that stop() can end the extension host and watcher too.
    { env: { ...run.env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    signalGroup(child, 'SIGTERM');
    await Promise.race([exited, delay(3000)]);
    // The extension host and file watcher may outlive the server: end whatever is left.
    signalGroup(child, 'SIGKILL');
    log.end();
  };
  try {
    await waitForHealth(url, child, 30_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message} (log: ${logFile})`, { cause: err });
  }
  return { url, port, logFile, stop };
}

export function installExtension(toolchain: Toolchain, run: RunDir, vsix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      toolchain.node24,
      [
        toolchain.codeServerEntry,
        '--install-extension',
        vsix,
        '--extensions-dir',
        run.extensionsDir,
        '--user-data-dir',
        run.userDataDir,
      ],
      { env: run.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`code-server --install-extension exited ${code}:\n${output}`)),
    );
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with code ${child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
