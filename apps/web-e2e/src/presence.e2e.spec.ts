import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, graphqlAs, screenshot } from './browser';

const FORUM = '/communities/engineering-guild/forum';

/** A new discussion in the Engineering Guild, started through the API by the page's account. */
async function startThread(page: Page, title: string): Promise<string> {
  const { community } = await graphqlAs<{ community: { id: string } }>(page, 'query { community(slug: "engineering-guild") { id } }');
  const { createThread } = await graphqlAs<{ createThread: { id: string } }>(page, 'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
    input: { communityId: community.id, title, body: 'Who can pair on the flaky payments test this week?' },
  });
  return createThread.id;
}

/** Resolves when the page sends a typing report (reportTyping) with `typing` as given. */
function typingReport(page: Page, typing: boolean): Promise<unknown> {
  return page.waitForRequest((request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return false;
    const body = request.postDataJSON() as { operationName?: string; variables?: { typing?: boolean } } | null;
    return body?.operationName === 'ReportTyping' && body.variables?.typing === typing;
  });
}

/** The thread page's presence line: how many read, who is typing. */
const presence = (page: Page) => page.getByTestId('thread-presence');

async function openThread(page: Page, path: string, title: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: title, level: 2 }).waitFor();
}

/**
 * Two members of the Engineering Guild in the same thread: Ada sees that someone else reads
 * it, that Grace is writing a reply while she types, and that she stopped once she posted it
 * or left the thread. Nobody sees themself typing.
 */
describeInBrowser('thread presence', () => {
  const { signInAs } = demoJourney();

  /** Ada starts a thread and opens it, then Grace opens it too: each sees the other reading. */
  async function readingTogether(title: string): Promise<{ ada: Page; grace: Page }> {
    const ada = await signInAs('ada.lovelace@commons.example');
    const threadId = await startThread(ada, title);
    const path = `${FORUM}/threads/${threadId}`;
    await openThread(ada, path, title);
    const grace = await signInAs('grace.hopper@commons.example');
    await openThread(grace, path, title);
    for (const page of [ada, grace]) await presence(page).getByText('2 people reading', { exact: true }).waitFor();
    return { ada, grace };
  }

  it('shows who else reads the thread and who is writing a reply, until the reply is posted', async () => {
    const { ada, grace } = await readingTogether('Pairing on the flaky payments test');

    // Grace writes: Ada is told, politely.
    const typing = typingReport(grace, true);
    await grace.getByRole('textbox', { name: 'Reply', exact: true }).fill('I can pair on Thursday morning');
    await typing;
    const graceTyping = presence(ada).getByText('Grace Hopper is typing…', { exact: true });
    await graceTyping.waitFor();
    await expect(graceTyping.getAttribute('aria-live')).resolves.toBe('polite');
    await screenshot(ada, 'presence-typing');
    // Grace hears of the same change, and is not told that she herself is typing.
    await expect(presence(grace).getByText(/typing/u).count()).resolves.toBe(0);

    // Grace posts: she stops typing, and Ada's line says so.
    const stopped = typingReport(grace, false);
    await grace.getByRole('button', { name: 'Post reply' }).click();
    await stopped;
    await grace.getByRole('status').filter({ hasText: 'Your reply is posted.' }).waitFor();
    await ada.getByRole('article', { name: 'Reply by Grace Hopper' }).getByText('I can pair on Thursday morning').waitFor();
    await graceTyping.waitFor({ state: 'detached' });
    await presence(ada).getByText('2 people reading', { exact: true }).waitFor();
  });

  it('stops showing someone who leaves the thread while typing', async () => {
    const { ada, grace } = await readingTogether('Retiring the old build agents');
    await grace.getByRole('textbox', { name: 'Reply', exact: true }).fill('The ARM agents go first');
    const graceTyping = presence(ada).getByText('Grace Hopper is typing…', { exact: true });
    await graceTyping.waitFor();

    // Grace goes back to the forum without posting: her reply box reports that she stopped.
    const stopped = typingReport(grace, false);
    await grace.getByRole('link', { name: 'Back to the forum of Engineering Guild' }).click();
    await stopped;
    await graceTyping.waitFor({ state: 'detached' });
    // Ada reads alone again: no count.
    await presence(ada).getByText('people reading').waitFor({ state: 'detached' });
  });
});
