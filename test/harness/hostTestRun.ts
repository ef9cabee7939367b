import { format } from 'util';
import { launchBrowser } from './browser';
import { startCodeServer } from './codeServer';
import { Toolchain } from './install';
import { RunDir } from './runDir';

const COUNT_LINE = /^(\d+) passed, (\d+) failed$/;

export interface HostTestResult {
  readonly exitCode: number;
  readonly passed: number;
  readonly failed: number;
  readonly output: string;
}

/**
 * Runs a compiled mocha suite inside the real extension host of code-server, with the
 * extension loaded from `extensionPath`, and reports what the suite printed and returned.
 */
export async function runInExtensionHost(
  toolchain: Toolchain,
  run: RunDir,
  extensionPath: string,
  testsPath: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<HostTestResult> {
  const server = await startCodeServer(toolchain, run, { env, testPayload: true });
  let output = '';
  try {
    const browser = await launchBrowser(run.browserProfile);
    try {
      const page = await browser.newPage();
      const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${file}`;
      let resolveExit!: (code: number) => void;
      const exit = new Promise<number>((resolve) => (resolveExit = resolve));
      await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
      await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
        const line = format(...args);
        output += line + '\n';
        // The launcher prints the count line itself, once, after checking it.
        if (!COUNT_LINE.test(line)) {
          process.stdout.write(line + '\n');
        }
      });
      const payload = [
        ['extensionDevelopmentPath', remote(extensionPath)],
        ['extensionTestsPath', remote(testsPath)],
        ['skipWelcome', 'true'],
      ];
      const url = `${server.url}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      await page.goto(url);
      const exitCode = await Promise.race([
        exit,
        new Promise<number>((resolve) =>
          setTimeout(() => {
            output += `harness: no result from the extension host within ${timeoutMs / 1000} s\n`;
            resolve(124);
          }, timeoutMs).unref(),
        ),
      ]);
      const counts = new RegExp(COUNT_LINE.source, 'm').exec(output);
      return {
        exitCode,
        passed: counts ? Number(counts[1]) : 0,
        failed: counts ? Number(counts[2]) : 0,
        output,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
