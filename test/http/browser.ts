import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, which the test tools script installs; playwright-core never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** In CI the browser tests must run: a missing chromium there fails at launch instead of skipping. */
export const skipBrowser = !existsSync(CHROMIUM) && !process.env.CI;

/** Headless chromium with nothing running beside the page (no sync, updates or first-run screens). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
