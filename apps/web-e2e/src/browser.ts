import AxeBuilder from '@axe-core/playwright';
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

/** Every demo account's password. */
export const DEMO_PASSWORD = 'commons-demo';

/** A new page (its own cookies) signed in as a demo account, on the home page. */
export async function signedInPage(platform: { newPage: () => Promise<Page> }, email: string): Promise<Page> {
  const page = await platform.newPage();
  await page.goto('/sign-in');
  await submitSignIn(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

/**
 * A journey through the demo organisation, with pages opened per test (`signInAs`, `newPage`):
 * a failed test leaves a screenshot of where each stopped, and they are closed after the test.
 */
export function demoJourney(): {
  platform: ReturnType<typeof demoPlatformInBrowser>;
  /** A page nobody is signed in on. */
  newPage: () => Promise<Page>;
  signInAs: (email: string) => Promise<Page>;
} {
  const platform = demoPlatformInBrowser();
  const pages: Page[] = [];
  const track = (page: Page) => {
    pages.push(page);
    return page;
  };
  afterEach(async () => {
    const state = expect.getState();
    const failed = state.assertionCalls !== state.numPassingAsserts;
    for (const page of pages.splice(0)) {
      if (failed) await screenshot(page, `failed-${state.currentTestName?.replace(/\W+/gu, '-')}`);
      await page.context().close();
    }
  });
  return {
    platform,
    newPage: async () => track(await platform.newPage()),
    signInAs: async (email) => track(await signedInPage(platform, email)),
  };
}

/** A GraphQL request with the page's session, as if from another tab: changes the page does not know about. */
export async function graphqlAs<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL request failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Serious and critical axe findings on the page (WCAG 2.1 A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Expects no serious axe findings where the page is (`where` names it), with a screenshot when there are. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) await screenshot(page, `axe-${where.replace(/\W+/gu, '-')}`);
  expect({ where, violations }).toEqual({ where, violations: [] });
}
