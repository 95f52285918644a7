import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { demoPlatformInBrowser, describeInBrowser, screenshot, submitSignIn } from './browser';

/** Serious and critical axe findings on a page (WCAG 2.1 A and AA rules). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describeInBrowser('accessibility of the main screens', () => {
  const platform = demoPlatformInBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await platform.newPage();
  });

  it('has no serious violations on sign-in and registration', async () => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/register');
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious violations in the signed-in shell, directories, communities, profile and administration', async () => {
    await page.goto('/sign-in');
    await submitSignIn(page, 'admin@commons.example', 'commons-demo');
    await page.waitForURL((url) => url.pathname === '/');
    for (const [path, ready] of [
      ['/', 'Welcome, Alex'],
      ['/people', 'People'],
      // Ready once the directory has loaded its first page.
      ['/communities', 'Engineering Guild'],
      ['/communities/engineering-guild', 'Engineering Guild'],
      ['/communities/new', '1. Audience'],
      ['/profile', 'Profile'],
      ['/administration', 'Administration'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: ready }).first().waitFor();
      const violations = await seriousViolations(page);
      if (violations.length > 0) await screenshot(page, `axe${path.replace(/\//gu, '-')}`);
      expect({ path, violations }).toEqual({ path, violations: [] });
    }
  });

  it('can be signed in to with the keyboard alone', async () => {
    const keyboardPage = await platform.newPage();
    try {
      await keyboardPage.goto('/sign-in');
      await keyboardPage.getByLabel('E-mail address').focus();
      await keyboardPage.keyboard.type('ada.lovelace@commons.example');
      await keyboardPage.keyboard.press('Tab');
      await keyboardPage.keyboard.type('commons-demo');
      await keyboardPage.keyboard.press('Enter');
      await keyboardPage.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    } finally {
      await keyboardPage.context().close();
    }
  });
});
