import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { writeDemoHome } from '../../scripts/demoHome';
import { REPO_ROOT } from '../harness/paths';
import { Workbench } from './workbench';

/**
 * The install path of the README: `npm run package`, then `--install-extension` of the VSIX into
 * a VS Code that has never seen the project. Every other UI suite runs on the same install; this
 * one checks the install itself, then that the installed extension works from its own folder.
 */
describe('the packaged VSIX, installed as a user installs it', function () {
  this.timeout(120_000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start((home) => writeDemoHome(home));
  });

  afterEach(function () {
    return wb?.recordFailure(this.currentTest, 'vsix-');
  });

  after(async () => {
    await wb?.stop();
  });

  it('1. is installed into the extensions folder with its bundles, and no node_modules', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
    };
    const folder = path.join(wb.run.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
    assert.ok(existsSync(folder), readdirSync(wb.run.extensionsDir).join(', '));
    for (const bundle of ['extension.js', 'cli.js', 'oci.js', 'xpath.js', 'webhooks.js', 'emulator.js', 'flowMap.js']) {
      assert.ok(existsSync(path.join(folder, 'dist', bundle)), bundle);
    }
    assert.ok(existsSync(path.join(folder, 'dist', 'webview', 'elkWorker.js')), 'the flow map’s layout worker');
    assert.ok(!existsSync(path.join(folder, 'node_modules')));
  });

  it('2. activates: the OCI Events view lists the profiles of ~/.oci/config, and its commands run', async () => {
    await wb.openContainer('OCI Events');
    await wb.treeRow('Tenancy', 'DEFAULT').waitFor({ timeout: 60_000 });
    await wb.runCommand('OCI Events: Show Log');
    await wb.page.locator('.panel .monaco-editor').first().waitFor({ timeout: 30_000 });
    await wb.screenshot('vsix-01-installed-and-running');
  });
});
