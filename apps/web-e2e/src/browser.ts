import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);
const RESULTS = resolve(__dirname, '..', '..', '..', 'test-results');

if (!browserAvailable) {
  console.warn(
    `BROWSER TESTS SKIPPED: Chromium not found at ${CHROMIUM} — install it with: sudo apt-get install -y chromium`,
  );
}

/** `describe` when Chromium is installed, a loudly skipped block otherwise. */
export const describeInBrowser = browserAvailable ? describe : describe.skip;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Saves what the page shows, for a person to look at when a journey fails. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
