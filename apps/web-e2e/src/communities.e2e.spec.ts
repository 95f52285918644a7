import type { Page } from 'playwright-core';
import { demoPlatformInBrowser, describeInBrowser, screenshot, submitSignIn } from './browser';

const PASSWORD = 'commons-demo';
const NAME = 'Northwind Pilot Lounge';
const SLUG = 'northwind-pilot-lounge';

/** A calendar date some days from today, as the date input takes it (UTC, like the server). */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One journey through the communities area of the demo organisation: an employee starts a
 * customer community in pilot with a cohort; the cohort member joins, another employee cannot,
 * and a customer sees only the communities opened to customers.
 */
describeInBrowser('communities journey', () => {
  const platform = demoPlatformInBrowser();
  let page: Page;

  async function signInAs(email: string): Promise<void> {
    page = await platform.newPage();
    await page.goto('/sign-in');
    await submitSignIn(page, email, PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
  }

  afterEach(async () => {
    const state = expect.getState();
    if (state.assertionCalls !== state.numPassingAsserts) await screenshot(page, `failed-${state.currentTestName?.replace(/\W+/gu, '-')}`);
    await page.context().close();
  });

  it('lets an employee create a customer community in pilot with its cohort', async () => {
    await signInAs('ada.lovelace@commons.example');
    await page.goto('/communities');
    await page.getByRole('link', { name: 'Engineering Guild' }).waitFor();
    await page.getByRole('link', { name: 'New community' }).click();
    await page.waitForURL(/\/communities\/new$/u);

    // 1. Audience — a step is checked before the next one.
    await page.getByRole('heading', { name: '1. Audience' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Choose at least one audience.').waitFor();
    await page.getByRole('checkbox', { name: 'Customers' }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    // 2. Social intent.
    await page.getByRole('heading', { name: '2. Social intent' }).waitFor();
    await page.getByRole('radio', { name: 'Customer service' }).check();
    await page.getByLabel('Intent statement').fill('Northwind customers answer each other before they open a ticket.');
    await page.getByRole('button', { name: 'Next' }).click();

    // 3. Use cases.
    await page.getByRole('heading', { name: '3. Use cases' }).waitFor();
    await page.getByRole('checkbox', { name: 'Forums' }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    // 4. One objective; a target that is not an improvement is refused before sending.
    await page.getByRole('heading', { name: '4. Objectives' }).waitFor();
    await page.getByRole('button', { name: 'Add an objective' }).click();
    await page.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: 'Resolution rate' }).click();
    await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Questions answered in the community');
    await page.getByRole('textbox', { name: 'Baseline' }).fill('0.3');
    await page.getByRole('textbox', { name: 'Target' }).fill('0.2');
    await page.getByLabel('Due date').fill(daysFromToday(120));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Higher is better here: set the target above the baseline.').waitFor();
    await page.getByRole('textbox', { name: 'Target' }).fill('0.6');
    await page.getByRole('button', { name: 'Next' }).click();

    // 5. A new pilot cohort with Grace Hopper, starting as a pilot.
    await page.getByRole('heading', { name: '5. Pilot cohort' }).waitFor();
    await page.getByRole('textbox', { name: 'Cohort name' }).fill('Northwind pilot wave');
    await page.getByRole('combobox', { name: 'People in the cohort' }).fill('Grace');
    await page.getByRole('option', { name: 'Grace Hopper' }).click();
    await page.getByRole('checkbox', { name: 'Start as pilot' }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    // 6. Review: the address is proposed from the name.
    await page.getByRole('heading', { name: '6. Review' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
    await expect(page.getByRole('textbox', { name: 'Address' }).inputValue()).resolves.toBe(SLUG);
    await page.getByRole('textbox', { name: 'Description' }).fill('Northwind’s operations team and our support engineers, in pilot.');
    await page.getByRole('textbox', { name: 'Charter' }).fill('## Why we are here\n\nAnswer each other **fast**.');
    await page.getByRole('radio', { name: 'Open' }).check();
    await screenshot(page, 'community-wizard-review');

    // An address already taken comes back from the server next to its field.
    await page.getByRole('textbox', { name: 'Address' }).fill('customer-support-hub');
    await page.getByRole('button', { name: 'Create community' }).click();
    await page.getByText('Another community already uses this address.').waitFor();
    await page.getByRole('textbox', { name: 'Address' }).fill(SLUG);
    await page.getByRole('button', { name: 'Create community' }).click();

    await page.waitForURL(new RegExp(`/communities/${SLUG}$`, 'u'));
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await page.getByText('You are a manager of this community.').waitFor();
    await page.getByText('Questions answered in the community').waitFor();
    await expect(page.getByRole('heading', { name: 'Why we are here' }).count()).resolves.toBe(1);
    await screenshot(page, 'community-home-created');

    // The directory shows it, in pilot, with the viewer's role.
    await page.getByRole('link', { name: 'All communities' }).click();
    await page.getByRole('textbox', { name: 'Search by name' }).fill('Northwind Pilot');
    await page.getByTestId('community-count').filter({ hasText: /^1 community$/u }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: NAME }) });
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/Pilot.*You are a manager.*For customers · 1 member/u);
  });

  it('lets a member of the pilot cohort join', async () => {
    await signInAs('grace.hopper@commons.example');
    await page.goto(`/communities/${SLUG}`);
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByText('You are a member of this community.').waitFor();
    await page.getByRole('list', { name: 'Members' }).getByText('Grace Hopper').waitFor();
    await expect(page.getByRole('button', { name: 'Join', exact: true }).count()).resolves.toBe(0);
  });

  it('explains to an employee outside the cohort why they cannot join', async () => {
    await signInAs('alan.ritchie@commons.example');
    await page.goto(`/communities/${SLUG}`);
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await expect(page.getByTestId('join-refusal').textContent()).resolves.toBe('This community is in pilot: only its pilot cohort can join for now.');
    await expect(page.getByRole('button', { name: /join/iu }).count()).resolves.toBe(0);
  });

  it('shows a customer only the communities opened to customers', async () => {
    await signInAs('casey.customer@northwind.example');
    await page.goto('/communities');
    await page.getByRole('link', { name: 'Customer Support Hub' }).waitFor();
    await expect(page.getByRole('link', { name: 'Engineering Guild' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'New community' }).count()).resolves.toBe(0);
    await screenshot(page, 'communities-customer-directory');

    // Even by its address, an employee community does not exist for a customer.
    await page.goto('/communities/engineering-guild');
    await page.getByRole('heading', { name: 'Community not found' }).waitFor();
  });
});
