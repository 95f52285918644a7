import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, expectAccessible, screenshot } from './browser';
import { activateRule } from './moderation-setup';

const SLUG = 'engineering-guild';
const MODERATION = `/communities/${SLUG}/moderation`;
const THREAD_TITLE = 'Is there a shared staging environment for the mobile team?';
/** The term the guild's policy holds posts for, and the rule that does it. */
const TERM = 'zeppelin';
const RULE = { id: 'e2e-zeppelins', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Posts about zeppelins are checked by a moderator first.', terms: [TERM] };
const REPLY = `The old ${TERM} cluster still hosts staging for the mobile beta; ask the platform team for access.`;

/**
 * Moderation in the demo organisation's Engineering Guild: Ada (its manager) has the guild's
 * policy hold posts naming a term; Alan (a member) replies with it and sees his reply awaiting
 * review; Grace (a moderator) finds it in the queue with the rule it matched and approves it
 * with the keyboard; Alan then sees his reply published.
 */
describeInBrowser('moderation journey', () => {
  const { signInAs } = demoJourney();
  let threadPath = '';

  it('lets the manager make the community policy hold posts naming a term', async () => {
    const page = await signInAs('ada.lovelace@commons.example');
    await activateRule(page, SLUG, RULE, 'Hold posts about zeppelins');

    // The policy screen shows the rule in force, in the editor and in the history.
    await page.goto(`${MODERATION}/policy`);
    await page.getByRole('heading', { name: 'The policy that governs Engineering Guild' }).waitFor();
    const ruleIds = page.getByRole('textbox', { name: 'Rule id' });
    await ruleIds.first().waitFor();
    await expect(ruleIds.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).resolves.toContain(RULE.id);
    await page.getByRole('list', { name: 'Versions' }).getByRole('listitem').filter({ hasText: 'Hold posts about zeppelins' }).getByText('Active', { exact: true }).waitFor();
  });

  it('holds a member’s reply naming the term, which he sees awaiting review', async () => {
    const page = await signInAs('alan.ritchie@commons.example');
    await page.goto(`/communities/${SLUG}/forum`);
    await page.getByRole('list', { name: 'Threads' }).getByRole('link', { name: THREAD_TITLE }).click();
    await page.waitForURL(/\/forum\/threads\/[0-9a-f-]{36}$/u);
    threadPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: THREAD_TITLE, level: 2 }).waitFor();

    await page.getByRole('textbox', { name: 'Reply', exact: true }).fill(REPLY);
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByRole('status').filter({ hasText: 'Your reply is awaiting review' }).waitFor();
    const reply = page.getByRole('article', { name: 'Reply by Alan Ritchie' }).filter({ hasText: REPLY });
    await reply.getByText('Awaiting review', { exact: true }).waitFor();
    // His own held reply can be appealed; nobody flags their own post.
    await reply.getByRole('button', { name: 'Appeal' }).waitFor();
    await expect(reply.getByRole('button', { name: /^Flag/u }).count()).resolves.toBe(0);
    await screenshot(page, 'moderation-reply-held');
  });

  it('shows the moderator the held reply with the rule it matched; "a" approves it and it leaves the queue', async () => {
    const page = await signInAs('grace.hopper@commons.example');
    // The navigation leads a community moderator to the communities she moderates.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('list', { name: 'Communities you moderate' }).getByRole('link', { name: 'Engineering Guild' }).click();
    await page.waitForURL((url) => url.pathname === MODERATION);

    const queue = page.getByRole('list', { name: 'Items awaiting review' });
    const row = queue.getByRole('listitem').filter({ hasText: TERM });
    await row.waitFor();
    await row.getByRole('button', { name: /^Reply by Alan Ritchie/u }).click();
    const detail = page.getByRole('region', { name: 'Selected item' });
    await detail.getByRole('heading', { name: 'Reply by Alan Ritchie' }).waitFor();
    await detail.getByText(REPLY).waitFor();
    const matched = detail.getByRole('list', { name: 'Matched rules' }).getByRole('listitem').filter({ hasText: RULE.id });
    await matched.getByText(`Reason shown to the author: ${RULE.reason}`).waitFor();
    await matched.getByText(TERM, { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await expectAccessible(page, 'moderation queue');
    await screenshot(page, 'moderation-queue');

    // The selected row has the focus (not a text field): "a" approves the selected item.
    await page.keyboard.press('a');
    await page.getByRole('status').filter({ hasText: `Approved: Reply by Alan Ritchie in “${THREAD_TITLE}”.` }).waitFor();
    await queue.getByRole('listitem').filter({ hasText: TERM }).waitFor({ state: 'detached' });
    // After a reload too: it is no longer pending.
    await page.reload();
    await page.getByRole('heading', { name: 'Review queue' }).waitFor();
    await page.getByTestId('queue-count').filter({ hasText: 'awaiting review' }).waitFor();
    await expect(page.getByRole('list', { name: 'Items awaiting review' }).getByRole('listitem').filter({ hasText: TERM }).count()).resolves.toBe(0);

    // The audit log records the approval.
    await page.getByRole('navigation', { name: 'Moderation sections' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('table', { name: 'Audit log entries' }).getByText('queue.approve').first().waitFor();
  });

  it('shows the member his reply published, without the badge', async () => {
    const page: Page = await signInAs('alan.ritchie@commons.example');
    await page.goto(threadPath);
    const reply = page.getByRole('article', { name: 'Reply by Alan Ritchie' }).filter({ hasText: REPLY });
    await reply.waitFor();
    await expect(reply.getByText('Awaiting review').count()).resolves.toBe(0);
    await expect(reply.getByRole('button', { name: 'Appeal' }).count()).resolves.toBe(0);
  });
});
