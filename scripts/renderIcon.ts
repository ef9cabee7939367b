import { mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchBrowser } from '../test/harness/browser';

/**
 * npm run icon — media/icon.png, the 128×128 marketplace icon, drawn from media/icon.svg by the
 * Chromium the UI tests use (no image tool of its own). Run it after changing the SVG, and commit both.
 */
const ROOT = path.resolve(__dirname, '..', '..');

async function renderIcon(): Promise<void> {
  const svg = readFileSync(path.join(ROOT, 'media', 'icon.svg'), 'utf8');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'oew-icon-'));
  const browser = await launchBrowser(profile);
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 128, height: 128 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace(/width="\d+" height="\d+"/, 'width="128" height="128"')}</body></html>`,
    );
    await page.locator('svg').screenshot({ path: path.join(ROOT, 'media', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

void renderIcon().then(() => console.log('media/icon.png: drawn from media/icon.svg'));
