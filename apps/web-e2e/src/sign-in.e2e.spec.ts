import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, screenshot, submitSignIn } from './browser';

describeInBrowser('signing in to the demo organisation', () => {
  const { newPage } = demoJourney();
  let page: Page;

  beforeEach(async () => {
    page = await newPage();
  });

  it('explains a wrong password and stays on the sign-in page', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/u);
    await submitSignIn(page, 'admin@commons.example', 'not the password');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/e-mail address or password is incorrect/iu);
  });

  it('signs in as the demo admin, returns to the page asked for, and shows the shell', async () => {
    await page.goto('/people');
    await page.waitForURL(/\/sign-in\?next=%2Fpeople/u);
    await submitSignIn(page, 'admin@commons.example', 'commons-demo');
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
    await submitSignIn(page, 'ada.lovelace@commons.example', 'commons-demo');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(navigation.getByRole('link', { name: 'Metrics' }).count()).resolves.toBe(0);
    await expect(navigation.getByRole('link', { name: 'Administration' }).count()).resolves.toBe(0);
    await screenshot(page, 'member-home');
  });
});
