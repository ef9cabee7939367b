import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { CodeServer, installExtension, startCodeServer } from '../harness/codeServer';
import { ensureToolchain, Toolchain } from '../harness/install';
import { REPO_ROOT, RESULTS_DIR } from '../harness/paths';
import { createRunDir, RunDir } from '../harness/runDir';
import { packageVsix } from '../../scripts/package';
import { untilItTakes } from './untilItTakes';

export const SHOTS_DIR = path.join(RESULTS_DIR, 'ui');
export const DOCS_IMAGES_DIR = path.join(REPO_ROOT, 'docs', 'images');

let prepared: { toolchain: Toolchain; vsix: string } | undefined;

/**
 * The toolchain and the packaged extension, made once per run. The runner calls it before
 * mocha starts, so that a first install of code-server (minutes on a fresh machine) is not
 * timed as part of a test's hook.
 */
export function prepareWorkbench(): { toolchain: Toolchain; vsix: string } {
  prepared ??= { toolchain: ensureToolchain(), vsix: packageVsix().file };
  return prepared;
}

/** A real workbench in Chromium, served by an isolated code-server with the packaged extension installed. */
export class Workbench {
  private constructor(
    readonly run: RunDir,
    readonly server: CodeServer,
    readonly browser: BrowserContext,
    readonly page: Page,
  ) {}

  /** `env` is read after `prepare`: what the extension host should find in its environment. */
  /** `purpose` 'demo' starts it as a user's VS Code: walkthroughs open, the welcome page shows. */
  static async start(
    prepare: (home: string, workspace: string, userDataDir: string) => void,
    env: () => NodeJS.ProcessEnv = () => ({}),
    purpose: 'test' | 'demo' = 'test',
  ): Promise<Workbench> {
    const { toolchain, vsix } = prepareWorkbench();
    const run = createRunDir('ui', purpose);
    prepare(run.home, run.workspace, run.userDataDir);
    await installExtension(toolchain, run, vsix);
    const server = await startCodeServer(toolchain, run, { env: env() });
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

  /**
   * A screenshot the README shows, saved to docs/images/ as well: each run of the UI tests
   * draws it again from the real workbench, so it never shows an older product.
   */
  async screenshotForDocs(name: string): Promise<string> {
    const file = await this.screenshot(name);
    mkdirSync(DOCS_IMAGES_DIR, { recursive: true });
    copyFileSync(file, path.join(DOCS_IMAGES_DIR, `${name}.png`));
    return file;
  }

  /** After a failed test: a screenshot named for it, and code-server's log beside it (`prefix` keeps suites apart). */
  async recordFailure(test: Mocha.Test | undefined, prefix = ''): Promise<void> {
    if (test?.state !== 'failed') {
      return;
    }
    await this.screenshot(`${prefix}failure-${test.title.replace(/\W+/g, '-')}`);
    copyFileSync(this.server.logFile, path.join(SHOTS_DIR, `${prefix}code-server.log`));
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

  /** A tree row at a depth (1 for the roots), for labels that repeat at several depths such as "Rules". */
  treeRowAt(viewTitle: string, label: string | RegExp, level: number): Locator {
    return this.treeRow(viewTitle, label).and(this.page.locator(`[aria-level="${level}"]`));
  }

  /**
   * The rows of a view whose label or description ends in "…" at the current width: what a
   * user cannot read without widening the side bar or hovering.
   */
  async cutOffRows(
    viewTitle: string,
    part: 'label' | 'label and description' = 'label and description',
  ): Promise<string[]> {
    const selector = part === 'label' ? '.label-name' : '.monaco-icon-label-container';
    return this.view(viewTitle)
      .locator(`.monaco-list-row ${selector}`)
      .evaluateAll((labels) =>
        labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent ?? ''),
      );
  }

  /** Drags the side bar's edge to `width` pixels, as a user makes room for long rows. */
  async widenSideBar(width: number): Promise<void> {
    const sideBar = await this.page.locator('.part.sidebar').boundingBox();
    if (!sideBar) {
      return;
    }
    const edge = sideBar.x + sideBar.width;
    const y = sideBar.y + sideBar.height / 2;
    await this.page.mouse.move(edge + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(sideBar.x + width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Opens a row's context menu and chooses `title`. */
  async contextMenu(row: Locator, title: string): Promise<void> {
    const item = this.page.locator('.monaco-menu .action-label', { hasText: title });
    // A right-click while the row's hover opens can open no menu: click again, as a user would.
    await untilItTakes(4, async () => {
      await row.click({ button: 'right' });
      await item.first().waitFor({ timeout: 6_000 });
    });
    await item.first().click();
    // A menu that opened under the pointer can let its first click pass; the item stays under the
    // pointer, highlighted, and Enter chooses it then. A menu that took the click closes at once.
    // The item itself, not any `.monaco-menu`: the workbench keeps other menus in the page.
    const closed = await item
      .first()
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    if (!closed) {
      await this.page.keyboard.press('Enter');
    }
  }

  /**
   * Folds or unfolds a view by its title. Clicked at its title, not its middle: the header's
   * action buttons appear under the pointer as it arrives, and one of them would take the click.
   */
  async toggleView(viewTitle: string): Promise<void> {
    await this.page.locator('.pane-header', { hasText: viewTitle }).locator('.title').first().click();
  }

  view(viewTitle: string): Locator {
    return this.page.locator('.pane').filter({ has: this.page.locator('.pane-header', { hasText: viewTitle }) });
  }

  /** Opens a workspace file with Quick Open, as a user would. */
  async openFile(name: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    // F1, then the name without the palette's ">": Quick Open by file name. Not Ctrl+P, which
    // Chromium 156 also takes for its print preview. Right after a walkthrough step's button the
    // workbench is inert for a moment, and a quick input opened then closes again, before or after
    // it took the name: open it until it lists the file, as a user would.
    await untilItTakes(
      5,
      async () => {
        await this.page.keyboard.press('F1');
        await input.fill(name, { timeout: 3_000 });
        await row.waitFor({ timeout: 6_000 });
      },
      async () => {
        // Closes the quick input that did not list it (not the page: a walkthrough would go back).
        if (await input.isVisible()) {
          await this.page.keyboard.press('Escape');
        }
      },
    );
    await this.page.keyboard.press('Enter');
  }

  /**
   * Opens the quick-fix menu at the editor text `at` and chooses `title`. The menu is asked for
   * again when it opens before the editor's code actions are ready, as a user would press Ctrl+. again.
   */
  async quickFix(at: string, title: string, shot: string): Promise<void> {
    const fix = this.page.getByText(title, { exact: true });
    await untilItTakes(
      3,
      async (attempt) => {
        await this.page.locator('.monaco-editor .view-line span', { hasText: at }).first().click();
        await this.page.locator('.monaco-editor.focused').waitFor();
        await this.page.keyboard.press('Control+.');
        await fix.waitFor({ timeout: 5_000 }).catch(async (err: unknown) => {
          await this.screenshot(`${shot}-attempt-${attempt}-failed`);
          throw err;
        });
      },
      async () => {
        await this.page.keyboard.press('Escape');
        // Back to the top: a file scrolled under the sticky scroll's lines hides the text behind them.
        await this.page.keyboard.press('Control+Home');
      },
    );
    await this.screenshot(shot);
    await fix.click();
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
