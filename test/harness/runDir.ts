import { mkdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './paths';

/**
 * One isolated run: every folder code-server, the extension host and Chromium write to is
 * inside it, including a fake home, so nothing reads or touches the real ~/.oci or ~/.config.
 */
export interface RunDir {
  readonly root: string;
  readonly home: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly browserProfile: string;
  readonly tmp: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Settings of every run: no telemetry, no update checks, no AI panel, no trust prompt. A
 * test run also starts on no editor and keeps walkthroughs shut, so that nothing but the
 * test moves the focus; the demo starts as a user's VS Code does.
 */
function userSettings(purpose: 'test' | 'demo'): Record<string, unknown> {
  const quiet = {
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    // The run's folders sit inside this repository; a user's workspace is not inside someone else's.
    'git.openRepositoryInParentFolders': 'never',
  };
  return purpose === 'demo'
    ? quiet
    : {
        ...quiet,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
      };
}

export function createRunDir(name: string, purpose: 'test' | 'demo' = 'test'): RunDir {
  // One folder per kind of run, wiped at its start: the last run stays for a look after a failure.
  const root = path.join(REPO_ROOT, '.vscode-test', 'runs', name);
  rmSync(root, { recursive: true, force: true });
  const dir = (...parts: string[]) => {
    const full = path.join(root, ...parts);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const run: RunDir = {
    root,
    home: dir('home'),
    workspace: dir('workspace'),
    userDataDir: dir('udd'),
    extensionsDir: dir('exts'),
    browserProfile: dir('browser'),
    tmp: dir('tmp'),
    env: {},
  };
  writeFileSync(path.join(root, 'config.yaml'), 'auth: none\ncert: false\n');
  writeFileSync(path.join(dir('udd', 'User'), 'settings.json'), JSON.stringify(userSettings(purpose), null, 2));
  if (purpose === 'test') {
    // A machine-scoped setting, which a code-server window reads from the remote machine's settings only.
    writeFileSync(
      path.join(dir('udd', 'Machine'), 'settings.json'),
      JSON.stringify({ 'workbench.welcomePage.walkthroughs.openOnInstall': false }, null, 2),
    );
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: run.home,
    TMPDIR: run.tmp,
    XDG_CONFIG_HOME: dir('xdg', 'config'),
    XDG_DATA_HOME: dir('xdg', 'data'),
    XDG_CACHE_HOME: dir('xdg', 'cache'),
    XDG_STATE_HOME: dir('xdg', 'state'),
  };
  // The host must not see a config file from the machine running the tests.
  delete env.OCI_CONFIG_FILE;
  delete env.OCI_REGION;
  return { ...run, env };
}
