import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { CodeServer, installExtension, startCodeServer } from '../harness/codeServer';
import { ensureToolchain } from '../harness/install';
import { RESULTS_DIR } from '../harness/paths';
import { createRunDir, RunDir } from '../harness/runDir';
import { packageVsix } from '../../scripts/package';

export const SHOTS_DIR = path.join(RESULTS_DIR, 'ui');

/** A real workbench in Chromium, served by an isolated code-server with the packaged extension installed. */
export class Workbench {
  private constructor(
    readonly run: RunDir,
    readonly server: CodeServer,
    readonly browser: BrowserContext,
    readonly page: Page,
  ) {}

  static async start(prepareHome: (home: string) => void): Promise<Workbench> {
    const toolchain = ensureToolchain();
    const run = createRunDir('ui');
    prepareHome(run.home);
    await installExtension(toolchain, run, packageVsix().file);
    const server = await startCodeServer(toolchain, run);
    const browser = await launchBrowser(run.browserProfile);
    const page = await browser.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(run.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Workbench(run, server, browser, page);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SHOTS_DIR, { recursive: true });
    const file = path.join(SHOTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  writeHomeFile(relative: string, text: string): void {
    const file = path.join(this.run.home, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }

  async openContainer(title: string): Promise<void> {
    const button = this.page.locator(`.activitybar .action-label[aria-label^="${title}"]`);
    await button.waitFor({ timeout: 60_000 });
    await button.click();
  }

  /** A row of a tree view, found by its label as a user reads it. */
  treeRow(viewTitle: string, label: string | RegExp): Locator {
    return this.view(viewTitle).locator('.monaco-list-row').filter({ hasText: label });
  }

  view(viewTitle: string): Locator {
    return this.page.locator('.pane').filter({ has: this.page.locator('.pane-header', { hasText: viewTitle }) });
  }

  /** Runs a command from the palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The content of the active webview panel. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }
}
