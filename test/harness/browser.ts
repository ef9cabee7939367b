import { BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM } from './versions';

/** Debian's Chromium, headless, with the network chatter that this machine refuses turned off. */
export function launchBrowser(profileDir: string, headless = true): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
