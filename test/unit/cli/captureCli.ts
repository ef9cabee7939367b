import { main } from '../../../src/cli/main';

/**
 * Runs `oew` in this process through main(argv, io), with what it prints captured: the same
 * code as dist/cli.js without a process to start, for tests that run it thousands of times.
 * `cwd`, for the commands that read the workspace's files, is restored afterwards.
 */
export async function captureCli(
  args: readonly string[],
  cwd?: string,
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  if (cwd) {
    process.chdir(cwd);
  }
  try {
    const status = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    return { status, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}
