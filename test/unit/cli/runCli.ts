import { spawn } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from '../fixtures';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Runs dist/cli.js without blocking this process, so that servers in the test can answer it. */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  cwd = REPO_ROOT,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
