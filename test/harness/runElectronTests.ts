import { runTests } from '@vscode/test-electron';
import * as path from 'path';
import { REPO_ROOT } from './paths';
import { createRunDir } from './runDir';

/**
 * npm run test:electron — the same test/vscode suite in desktop VS Code, downloaded by
 * @vscode/test-electron. It needs to reach update.code.visualstudio.com, so it cannot run on
 * machines that reach only the npm registry; test:vscode runs the suite there.
 */
async function main(): Promise<void> {
  const run = createRunDir('electron');
  await runTests({
    version: '1.139.1',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js'),
    extensionTestsEnv: { HOME: run.home, OEW_HOST_SUITE: 'main', OCI_CONFIG_FILE: undefined },
    launchArgs: [
      run.workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      run.userDataDir,
      '--extensions-dir',
      run.extensionsDir,
    ],
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
