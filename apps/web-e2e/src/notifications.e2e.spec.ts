import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, demoJourney, describeInBrowser, graphqlAs, screenshot } from './browser';
import { activateRule, communityId } from './moderation-setup';

const SLUG = 'engineering-guild';

/** A new discussion in the Engineering Guild, started through the API by the page's account. */
async function startThread(page: Page, title: string): Promise<string> {
  const { createThread } = await graphqlAs<{ createThread: { id: string } }>(page, 'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
    input: { communityId: await communityId(page, SLUG), title, body: 'Who keeps the spare badges for visitors?' },
  });
  return createThread.id;
}

/** A reply sent through the API by the page's account. */
async function replyThroughApi(page: Page, threadId: string, body: string): Promise<string> {
  const { replyToThread } = await graphqlAs<{ replyToThread: { id: string } }>(page, 'mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }', {
    input: { threadId, body },
  });
  return replyToThread.id;
}

/** Marks the document, to tell later that the page was never reloaded. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { sameDocument: true }));
const sameDocument = (page: Page) => page.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument === true);

/** The top bar's bell, by its name (which says the count). */
const bell = (page: Page, unread: number) => page.getByRole('button', { name: unread > 0 ? `Notifications, ${unread} unread` : 'Notifications', exact: true });

/**
 * Notifications reach people where they are: Ada, on the home page, sees Grace's reply to her
 * thread counted on the bell as it happens, and opens it from there. A moderator's queue shows
 * a post held meanwhile.
 */
describeInBrowser('notifications', () => {
  const { newPage, signInAs } = demoJourney();

  it('counts a reply to your thread on the bell live, and opens it at the reply', async () => {
    const title = 'Visitor badges for the open day';
    const ada = await signInAs('ada.lovelace@commons.example');
    const threadId = await startThread(ada, title);
    await graphqlAs(ada, 'mutation { markAllNotificationsRead }');
    await ada.goto('/');
    await bell(ada, 0).waitFor();
    await markDocument(ada);

    const grace = await signInAs('grace.hopper@commons.example');
    const answer = 'Reception keeps them in the second drawer.';
    const replyId = await replyThroughApi(grace, threadId, answer);

    await bell(ada, 1).waitFor();
    await ada.getByRole('status').filter({ hasText: '1 unread notification' }).waitFor({ state: 'attached' });
    await expect(sameDocument(ada)).resolves.toBe(true);

    await bell(ada, 1).click();
    const item = ada.getByRole('menuitem').filter({ hasText: 'Grace Hopper' }).filter({ hasText: title });
    await item.waitFor();
    await screenshot(ada, 'notifications-bell-open');
    await item.click();

    await ada.waitForURL((url) => url.pathname === `/communities/${SLUG}/forum/threads/${threadId}` && url.hash === `#reply-${replyId}`);
    const reply = ada.getByRole('article', { name: 'Reply by Grace Hopper' });
    await reply.getByText(answer).waitFor();
    await expect(ada.evaluate(() => document.activeElement?.id ?? '')).resolves.toBe(`reply-${replyId}`);
    await bell(ada, 0).waitFor();
  });

  it('shows the moderator a post held while the queue is open', async () => {
    const ada = await signInAs('ada.lovelace@commons.example');
    const term = 'hovercraft';
    await activateRule(ada, SLUG, { id: 'e2e-hovercraft', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Hovercraft posts are checked first.', terms: [term] }, 'Hold hovercraft posts');
    const threadId = await startThread(ada, 'Getting to the open day');

    const grace = await signInAs('grace.hopper@commons.example');
    await grace.goto(`/communities/${SLUG}/moderation`);
    await grace.getByRole('heading', { name: 'Review queue' }).waitFor();
    await grace.getByTestId('queue-count').filter({ hasText: 'awaiting review' }).waitFor();

    const ken = await newPage();
    await graphqlAs(ken, 'mutation ($input: SignInInput!) { signIn(input: $input) { account { id } } }', { input: { email: 'ken.cerf@commons.example', password: DEMO_PASSWORD } });
    const body = `I will come by ${term} across the bay.`;
    await replyThroughApi(ken, threadId, body);

    const notice = grace.getByRole('status').filter({ hasText: '1 new item' });
    await notice.getByRole('button', { name: 'Show 1 new item' }).click();
    await grace.getByRole('list', { name: 'Items awaiting review' }).getByRole('listitem').filter({ hasText: body }).waitFor();
    await notice.getByRole('button').waitFor({ state: 'detached' });
  });
});
