import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBuiltServer, type BuiltServer } from '@commons/server-testing';

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

/**
 * Starts the built server with the demo organisation and one Chromium for a test file;
 * stops both afterwards. Call inside a describe block.
 */
export function demoPlatformInBrowser(): { server: () => BuiltServer; newPage: () => Promise<Page> } {
  let server: BuiltServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startBuiltServer({ SEED_DEMO: 'true' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    server: () => server as BuiltServer,
    // A context of its own per page: its own cookies, and what axe needs.
    newPage: async () => (await (browser as Browser).newContext({ baseURL: server?.url })).newPage(),
  };
}

/** The password input itself (its visibility toggle carries the same label). */
export const passwordField = (page: Page) => page.getByLabel(/^Password/u).and(page.locator('input'));

/** Fills and sends the sign-in form (the caller waits for what it expects next). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await passwordField(page).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
