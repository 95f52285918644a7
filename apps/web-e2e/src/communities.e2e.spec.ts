import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, expectAccessible, graphqlAs, screenshot } from './browser';

const NAME = 'Northwind Pilot Lounge';
const SLUG = 'northwind-pilot-lounge';

/** A calendar date some days from today, as the date input takes it (UTC, like the server). */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One journey through the communities area of the demo organisation: an employee starts a
 * customer community in pilot with a cohort; the cohort member joins, another employee cannot,
 * and a customer sees only the communities opened to customers. Then the manager adds an
 * objective and puts that employee in the pilot cohort, and the employee can join.
 */
describeInBrowser('communities journey', () => {
  const { signInAs } = demoJourney();
  let page: Page;


  it('lets an employee create a customer community in pilot with its cohort', async () => {
    page = await signInAs('ada.lovelace@commons.example');
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
    // A multi-select stays open for more picks; close it as a person would, or its list (still
    // filling in on a busy machine) lies over the next field.
    await closePicker(page);
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
    page = await signInAs('grace.hopper@commons.example');
    await page.goto(`/communities/${SLUG}`);
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByText('You are a member of this community.').waitFor();
    await page.getByRole('list', { name: 'Members' }).getByText('Grace Hopper').waitFor();
    await expect(page.getByRole('button', { name: 'Join', exact: true }).count()).resolves.toBe(0);
  });

  it('explains to an employee outside the cohort why they cannot join', async () => {
    page = await signInAs('alan.ritchie@commons.example');
    await page.goto(`/communities/${SLUG}`);
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await expect(page.getByTestId('join-refusal').textContent()).resolves.toBe('This community is in pilot: only its pilot cohort can join for now.');
    await expect(page.getByRole('button', { name: /join/iu }).count()).resolves.toBe(0);
  });

  it('shows a customer only the communities opened to customers', async () => {
    page = await signInAs('casey.customer@northwind.example');
    await page.goto('/communities');
    await page.getByRole('link', { name: 'Customer Support Hub' }).waitFor();
    await expect(page.getByRole('link', { name: 'Engineering Guild' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'New community' }).count()).resolves.toBe(0);
    await screenshot(page, 'communities-customer-directory');

    // Even by its address, an employee community does not exist for a customer.
    await page.goto('/communities/engineering-guild');
    await page.getByRole('heading', { name: 'Community not found' }).waitFor();
  });

  it('lets the manager add an objective in the settings, shown on the community home at once', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    await page.goto(`/communities/${SLUG}`);
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Edit objectives' }).click();
    await page.waitForURL(new RegExp(`/communities/${SLUG}/settings#objectives$`, 'u'));
    const objectives = page.getByRole('region', { name: 'Objectives' });
    await objectives.getByRole('list', { name: 'Objectives' }).getByText('Questions answered in the community').waitFor();

    // The objective rules are checked before sending: a target that is no improvement, a date in the past.
    const form = page.getByRole('form', { name: 'Add an objective' });
    await form.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: 'Median first response (minutes)' }).click();
    await form.getByRole('textbox', { name: 'Title (optional)' }).fill('First answer within the hour');
    await form.getByRole('textbox', { name: 'Baseline' }).fill('180');
    await form.getByRole('textbox', { name: 'Target' }).fill('240');
    await form.getByLabel('Due date').fill(daysFromToday(-1));
    await form.getByRole('button', { name: 'Add objective' }).click();
    await form.getByText('Lower is better here: set the target below the baseline.').waitFor();
    await form.getByText('A new objective cannot be due in the past.').waitFor();
    await form.getByRole('textbox', { name: 'Target' }).fill('60');
    await form.getByLabel('Due date').fill(daysFromToday(90));
    await form.getByRole('button', { name: 'Add objective' }).click();
    await page.getByRole('status').filter({ hasText: '“First answer within the hour” is added.' }).waitFor();
    await objectives.getByRole('list', { name: 'Objectives' }).getByText('First answer within the hour').waitFor();
    await expect(form.getByRole('textbox', { name: 'Title (optional)' }).inputValue()).resolves.toBe('');
    await expectAccessible(page, 'community objectives');
    await screenshot(page, 'community-settings-objectives');

    // Edited in place: a later due date moves it after the other objective.
    await objectives.getByRole('button', { name: 'Edit First answer within the hour' }).click();
    const edit = objectives.getByRole('form', { name: 'Edit First answer within the hour' });
    await edit.getByRole('textbox', { name: 'Target' }).fill('45');
    await edit.getByLabel('Due date').fill(daysFromToday(200));
    await edit.getByRole('button', { name: 'Save objective' }).click();
    await page.getByRole('status').filter({ hasText: '“First answer within the hour” is saved.' }).waitFor();
    const items = objectives.getByRole('list', { name: 'Objectives' }).getByRole('listitem');
    await items.nth(1).filter({ hasText: 'Median first response (minutes): 180 → 45' }).waitFor();
    await expect(items.nth(0).textContent()).resolves.toContain('Questions answered in the community');

    // Archived from elsewhere meanwhile: the server refuses, the page says why and turns read-only.
    const { community } = await graphqlAs<{ community: { id: string } }>(page, 'query ($slug: String!) { community(slug: $slug) { id } }', { slug: SLUG });
    await graphqlAs(page, 'mutation ($id: ID!) { archiveCommunity(communityId: $id) { id } }', { id: community.id });
    await objectives.getByRole('button', { name: 'Delete First answer within the hour' }).click();
    await objectives.getByRole('button', { name: 'Delete objective' }).click();
    await objectives.getByRole('alert').filter({ hasText: 'This community is archived and read-only; restore it first.' }).waitFor();
    await objectives.getByText('An archived community is read-only: restore it to change its objectives.').waitFor();
    await expect(objectives.getByRole('button').count()).resolves.toBe(0);
    await objectives.getByText('First answer within the hour').waitFor();

    // Restored, it is a pilot again and its objectives can change.
    await page.getByRole('button', { name: 'Restore' }).click();
    await objectives.getByRole('button', { name: 'Add objective' }).waitFor();

    await page.getByRole('link', { name: `Back to ${NAME}` }).click();
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    const home = page.getByRole('region', { name: 'Objectives' });
    await home.getByText('First answer within the hour').waitFor();
    await home.getByText('Questions answered in the community').waitFor();
  });

  it('lets the manager change the pilot cohorts: a pilot keeps one, new ones attach, people are added', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    await page.goto(`/communities/${SLUG}/settings`);
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'pilot cohorts' }).click();
    await page.waitForURL(new RegExp(`/communities/${SLUG}/manage#pilot-cohorts$`, 'u'));
    const section = page.getByRole('region', { name: 'Pilot cohorts' });
    const cohorts = section.getByRole('list', { name: 'Pilot cohorts' });
    const wave = cohorts.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Northwind pilot wave' }) });
    await wave.getByRole('list', { name: 'People in Northwind pilot wave' }).getByText('Grace Hopper').waitFor();

    // The pilot's only cohort stays: the server refuses and says what to do instead.
    await wave.getByRole('button', { name: 'Detach Northwind pilot wave' }).click();
    await wave.getByRole('alert').filter({ hasText: 'A pilot needs a cohort: attach another one first, or make the community active.' }).waitFor();

    // A new cohort is created and attached; detached, it can be attached again from the cohorts Ada runs.
    const create = section.getByRole('form', { name: 'Create a cohort' });
    await create.getByRole('button', { name: 'Create and attach' }).click();
    await create.getByText('Enter a name of 2 to 80 characters.').waitFor();
    await create.getByRole('textbox', { name: 'Cohort name' }).fill('Northwind wave 2');
    await create.getByRole('button', { name: 'Create and attach' }).click();
    await section.getByRole('status').filter({ hasText: 'Northwind wave 2 is created and attached.' }).waitFor();
    await cohorts.getByRole('heading', { name: 'Northwind wave 2' }).waitFor();
    await section.getByRole('button', { name: 'Detach Northwind wave 2' }).click();
    await section.getByRole('status').filter({ hasText: 'Northwind wave 2 is detached.' }).waitFor();
    await expect(cohorts.getByRole('heading', { name: 'Northwind wave 2' }).count()).resolves.toBe(0);
    const attach = section.getByRole('form', { name: 'Attach an existing cohort' });
    await attach.getByRole('combobox', { name: 'Cohort to attach' }).fill('Northwind');
    await page.getByRole('option', { name: 'Northwind wave 2 (0 people)' }).click();
    await attach.getByRole('button', { name: 'Attach cohort' }).click();
    await cohorts.getByRole('heading', { name: 'Northwind wave 2' }).waitFor();

    // Alan Ritchie joins the pilot cohort.
    await wave.getByRole('combobox', { name: 'Add people to Northwind pilot wave' }).fill('Alan');
    await page.getByRole('option', { name: 'Alan Ritchie' }).click();
    await closePicker(page);
    await wave.getByRole('button', { name: 'Add to Northwind pilot wave' }).click();
    await section.getByRole('status').filter({ hasText: 'Alan Ritchie is now in Northwind pilot wave.' }).waitFor();
    await wave.getByRole('list', { name: 'People in Northwind pilot wave' }).getByText('Alan Ritchie').waitFor();
    await wave.getByText('2 people').waitFor();
    await expectAccessible(page, 'pilot cohorts');
    await screenshot(page, 'community-pilot-cohorts');
  });

  it('lets the employee added to the pilot cohort join', async () => {
    page = await signInAs('alan.ritchie@commons.example');
    await page.goto(`/communities/${SLUG}`);
    await page.getByRole('heading', { name: NAME, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByText('You are a member of this community.').waitFor();
    await page.getByRole('list', { name: 'Members' }).getByText('Alan Ritchie').waitFor();
  });
});

/** Closes an open select's option list with Escape and waits until it is gone. */
async function closePicker(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}
