import type { Browser, Page } from 'playwright-core';
import { startBuiltServer, type BuiltServer } from '@commons/server-testing';
import { describeInBrowser, launchBrowser, screenshot } from './browser';

/** The password input itself (its visibility toggle carries the same label). */
const passwordField = (page: Page) => page.getByLabel(/^Password/u).and(page.locator('input'));

describeInBrowser('signing in to the demo organisation', () => {
  let server: BuiltServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startBuiltServer({ SEED_DEMO: 'true' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ baseURL: server.url });
  });
  afterEach(async () => {
    const state = expect.getState();
    if (state.assertionCalls !== state.numPassingAsserts) await screenshot(page, `failed-${state.currentTestName?.replace(/\W+/gu, '-')}`);
    await page.close();
  });

  it('explains a wrong password and stays on the sign-in page', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/u);
    await page.getByLabel('E-mail address').fill('admin@commons.example');
    await passwordField(page).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/e-mail address or password is incorrect/iu);
  });

  it('signs in as the demo admin, returns to the page asked for, and shows the shell', async () => {
    await page.goto('/people');
    await page.waitForURL(/\/sign-in\?next=%2Fpeople/u);
    await page.getByLabel('E-mail address').fill('admin@commons.example');
    await passwordField(page).fill('commons-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/people$/u);

    await expect(page.getByTestId('viewer-name').textContent()).resolves.toBe('Alex Admin');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    for (const item of ['Communities', 'Knowledge', 'People', 'Metrics', 'Moderation', 'Administration']) {
      await expect(navigation.getByRole('link', { name: item }).isVisible()).resolves.toBe(true);
    }
    // The directory lists the demo organisation, paged with "Load more".
    await page.getByText('Ada Lovelace').waitFor();
    const before = await page.getByRole('listitem').count();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('li').length > n, before);
    await screenshot(page, 'people-directory');

    // The session survives a reload.
    await page.reload();
    await expect(page.getByTestId('viewer-name').textContent()).resolves.toBe('Alex Admin');
  });

  it('hides steering and admin areas from members', async () => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill('ada.lovelace@commons.example');
    await passwordField(page).fill('commons-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation.getByRole('link', { name: 'Metrics' }).count()).resolves.toBe(0);
    await expect(navigation.getByRole('link', { name: 'Administration' }).count()).resolves.toBe(0);
    await screenshot(page, 'member-home');
  });
});
