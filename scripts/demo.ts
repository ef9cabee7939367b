import { execFileSync } from 'child_process';
import { cpSync } from 'fs';
import * as path from 'path';
import { launchBrowser } from '../test/harness/browser';
import { installExtension, startCodeServer } from '../test/harness/codeServer';
import { ensureToolchain } from '../test/harness/install';
import { REPO_ROOT } from '../test/harness/paths';
import { createRunDir } from '../test/harness/runDir';
import { Emulator, startEmulator } from '../src/emulator/emulator';
import { addEmulatorProfiles } from './demoHome';
import { DEMO_INBOX_TOPIC, emitInstanceEvent, subscribeDemoInbox } from './demoInbox';
import { packageVsix } from './package';

/**
 * npm run demo — the packaged extension in a real VS Code (code-server) with demo OCI profiles,
 * served until Ctrl-C. `npm run demo -- --screenshot FILE` saves a picture of it and exits.
 */
const DEFAULT_PORT = 8080;

async function main(args: string[]): Promise<void> {
  const shotIndex = args.indexOf('--screenshot');
  const screenshot = shotIndex >= 0 ? args[shotIndex + 1] : undefined;
  if (shotIndex >= 0 && !screenshot) {
    throw new Error('--screenshot needs a file name, for example: npm run demo -- --screenshot demo.png');
  }
  const toolchain = ensureToolchain();
  const run = createRunDir('demo', 'demo');
  // The emulated tenancy lives in this process, beside code-server, until Ctrl-C.
  const emulator = await startEmulator({ dataset: 'demo', stateDir: path.join(run.root, 'emulator') });
  emulator.state.log = (line) => console.error(`emulator: ${line}`);
  // Only profiles that connect: made-up ones would show network errors a new user cannot fix.
  const env = addEmulatorProfiles(run.home, run.userDataDir, emulator, { asDefault: true });
  const inboxUrl = await subscribeDemoInbox(run.userDataDir, emulator);
  // The demo's own files: rule documents of the emulated tenancy, samples, a filter and their tests.
  cpSync(path.join(REPO_ROOT, 'demo', 'workspace'), run.workspace, { recursive: true });
  await installExtension(toolchain, run, packageVsix().file);
  const server = await startCodeServer(toolchain, run, { env, preferredPort: DEFAULT_PORT });
  const stop = async () => {
    await server.stop();
    await emulator.close();
  };
  const url = `${server.url}/?folder=${encodeURIComponent(run.workspace)}`;
  if (screenshot) {
    try {
      await takeScreenshot(
        url,
        run.browserProfile,
        path.resolve(process.env.INIT_CWD ?? process.cwd(), screenshot),
        emulator,
        inboxUrl,
      );
    } finally {
      await stop();
    }
    return;
  }
  console.log(`\nOCI Event Workbench is running in VS Code at:\n\n  ${url}\n`);
  console.log(
    `The Tenancy view shows the profiles EMULATOR and EMULATOR_SESSION of a local OCI emulator (tenancy "${emulator.state.tenancy.name}") at ${emulator.server.url}.`,
  );
  console.log(
    `The Webhook Inbox starts with the extension on ${inboxUrl}, subscribed to the topic ${DEMO_INBOX_TOPIC}: Test Against Emulator on the rule instance-state-changes sends it an event.`,
  );
  console.log('Open it in a browser and select "OCI Events" in the activity bar. Press Ctrl-C to stop.');
  if (hasDesktopCode()) {
    console.log(`\nA desktop VS Code is on PATH; to use it with your own ~/.oci/config instead, run:\n`);
    console.log(`  code --extensionDevelopmentPath=${REPO_ROOT}\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nStopping…');
  await stop();
}

async function takeScreenshot(
  url: string,
  profileDir: string,
  file: string,
  emulator: Emulator,
  inboxUrl: string,
): Promise<void> {
  const browser = await launchBrowser(profileDir);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    // A first start opens the walkthrough by itself: that is where a new user begins.
    await page.locator('.getting-started-step', { hasText: 'Open the OCI Events view' }).waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-label[aria-label^="OCI Events"]').click({ timeout: 60_000 });
    // The emulator's profile opens by itself and shows the tenancy it fetched.
    await page
      .locator('.monaco-list-row', { hasText: emulator.state.tenancy.name })
      .first()
      .waitFor({ timeout: 30_000 });
    // The inbox started with the extension, and an event of the demo rule reaches it through its topic.
    await page.locator('.pane-header', { hasText: inboxUrl }).waitFor({ timeout: 30_000 });
    await emitInstanceEvent(emulator);
    await page.locator('.monaco-list-row', { hasText: 'computeapi.launchinstance.end' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: file });
    console.log(`Screenshot saved to ${file}`);
  } finally {
    await browser.close();
  }
}

function hasDesktopCode(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
