import type { Page, WebSocketRoute } from 'playwright-core';
import { demoJourney, describeInBrowser, graphqlAs, screenshot } from './browser';

const FORUM = '/communities/engineering-guild/forum';

/** A new discussion in the Engineering Guild, started through the API by the page's account. */
async function startThread(page: Page, title: string): Promise<string> {
  const { community } = await graphqlAs<{ community: { id: string } }>(page, 'query { community(slug: "engineering-guild") { id } }');
  const { createThread } = await graphqlAs<{ createThread: { id: string } }>(page, 'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
    input: { communityId: community.id, title, body: 'Where do we keep the on-call rota for the holidays?' },
  });
  return createThread.id;
}

/** A reply sent through the API by the page's account, as if from another tab. */
function replyThroughApi(page: Page, threadId: string, body: string): Promise<unknown> {
  return graphqlAs(page, 'mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }', { input: { threadId, body } });
}

/** Marks the document, to tell later that the page was never reloaded. */
const markDocument = (page: Page) => page.evaluate(() => Object.assign(window, { sameDocument: true }));
const sameDocument = (page: Page) => page.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument === true);

/** Every reply card on the page that shows `text`. */
const repliesShowing = (page: Page, text: string) => page.getByRole('article', { name: /^Reply by / }).filter({ hasText: text });

/**
 * Two members of the Engineering Guild in the same thread: Ada reads, Grace replies, and Ada
 * sees each reply arrive while she reads, without reloading, once, marked as new; also after
 * her connection dropped, and when the reply lands beyond the pages she has loaded.
 */
describeInBrowser('live thread', () => {
  const { signInAs } = demoJourney();

  it('shows a reply the moment someone else posts it, marked new, exactly once', async () => {
    const title = 'Holiday on-call rota: who has it?';
    const ada = await signInAs('ada.lovelace@commons.example');
    const threadId = await startThread(ada, title);
    const path = `${FORUM}/threads/${threadId}`;
    await ada.goto(path);
    await ada.getByRole('heading', { name: title, level: 2 }).waitFor();
    await ada.getByText('No replies yet.').waitFor();
    await markDocument(ada);

    const grace = await signInAs('grace.hopper@commons.example');
    await grace.goto(path);
    await grace.getByRole('heading', { name: title, level: 2 }).waitFor();
    const answer = 'It is in the team wiki under Operations, updated every Friday.';
    await grace.getByRole('textbox', { name: 'Reply', exact: true }).fill(answer);
    await grace.getByRole('button', { name: 'Post reply' }).click();
    await grace.getByRole('status').filter({ hasText: 'Your reply is posted.' }).waitFor();

    const graces = ada.getByRole('article', { name: 'Reply by Grace Hopper' });
    await graces.getByText(answer).waitFor();
    await graces.getByText('New', { exact: true }).waitFor();
    await ada.getByRole('heading', { name: '1 Reply', level: 3 }).waitFor();
    await screenshot(ada, 'realtime-reply-arrived');

    // Ada answers: her own reply comes back by its mutation and by the thread's activity, and
    // shows once, not marked new.
    const thanks = 'Thanks, found it.';
    await ada.getByRole('textbox', { name: 'Reply', exact: true }).fill(thanks);
    await ada.getByRole('button', { name: 'Post reply' }).click();
    await ada.getByRole('status').filter({ hasText: 'Your reply is posted.' }).waitFor();
    // Events arrive in order: once Grace's next reply is on Ada's page, everything before it is too.
    const last = 'You are welcome.';
    await replyThroughApi(grace, threadId, last);
    await repliesShowing(ada, last).waitFor();

    await expect(repliesShowing(ada, answer).count()).resolves.toBe(1);
    await expect(repliesShowing(ada, thanks).count()).resolves.toBe(1);
    await expect(repliesShowing(ada, thanks).getByText('New', { exact: true }).count()).resolves.toBe(0);
    await ada.getByRole('heading', { name: '3 Replies', level: 3 }).waitFor();
    await expect(sameDocument(ada)).resolves.toBe(true);
  });

  it('catches up after the connection dropped: the reply posted meanwhile appears, once', async () => {
    const title = 'Which dashboards does the incident review use?';
    const ada = await signInAs('ada.lovelace@commons.example');
    const threadId = await startThread(ada, title);

    // Ada's live connection goes through a switch: while it is off, the connection is closed
    // and every attempt to reopen it is refused, as when the network drops.
    let off = false;
    const open: WebSocketRoute[] = [];
    await ada.routeWebSocket(/\/graphql$/u, (ws) => {
      if (off) {
        void ws.close({ code: 1013, reason: 'Try again later' });
        return;
      }
      open.push(ws, ws.connectToServer());
    });

    await ada.goto(`${FORUM}/threads/${threadId}`);
    await ada.getByRole('heading', { name: title, level: 2 }).waitFor();
    await markDocument(ada);
    const grace = await signInAs('grace.hopper@commons.example');
    const before = 'The latency and error-rate boards.';
    await replyThroughApi(grace, threadId, before);
    await repliesShowing(ada, before).waitFor();

    off = true;
    await Promise.all(open.splice(0).map((ws) => ws.close({ code: 1001, reason: 'Connection lost' })));
    await ada.getByRole('status').filter({ hasText: 'Reconnecting… live updates paused' }).waitFor();
    await screenshot(ada, 'realtime-reconnecting');
    const meanwhile = 'And the saturation board, since last quarter.';
    await replyThroughApi(grace, threadId, meanwhile);
    off = false;

    // Back: the server sends what Ada missed first.
    const missed = repliesShowing(ada, meanwhile);
    await missed.waitFor();
    await missed.getByText('New', { exact: true }).waitFor();
    await ada.getByText('Reconnecting… live updates paused').waitFor({ state: 'detached' });
    const after = 'Thanks both.';
    await replyThroughApi(grace, threadId, after);
    await repliesShowing(ada, after).waitFor();
    await expect(repliesShowing(ada, meanwhile).count()).resolves.toBe(1);
    await expect(repliesShowing(ada, before).count()).resolves.toBe(1);
    await ada.getByRole('heading', { name: '3 Replies', level: 3 }).waitFor();
    await expect(sameDocument(ada)).resolves.toBe(true);
  });

  it('tells the reader of a long thread about new replies beyond the loaded pages, and shows them on request', async () => {
    const title = 'Release notes for the spring train';
    const ada = await signInAs('ada.lovelace@commons.example');
    const threadId = await startThread(ada, title);
    const grace = await signInAs('grace.hopper@commons.example');
    // More than a page of replies (pages are 20).
    for (let n = 1; n <= 21; n++) await replyThroughApi(grace, threadId, `Note ${n} for the spring train.`);

    await ada.goto(`${FORUM}/threads/${threadId}`);
    await ada.getByRole('heading', { name: title, level: 2 }).waitFor();
    await repliesShowing(ada, 'Note 20 for').waitFor();
    await ada.getByRole('button', { name: 'Load more replies' }).waitFor();

    const late = 'A late addition: the search reindex moves to Tuesday.';
    await replyThroughApi(grace, threadId, late);
    const notice = ada.getByRole('status').filter({ hasText: '1 new reply' });
    await notice.waitFor();
    await ada.getByRole('heading', { name: '22 Replies', level: 3 }).waitFor();
    await expect(repliesShowing(ada, late).count()).resolves.toBe(0);
    await screenshot(ada, 'realtime-new-replies-waiting');

    await notice.getByRole('button', { name: 'Show 1 new reply' }).click();
    const shown = repliesShowing(ada, late);
    await shown.waitFor();
    await shown.getByText('New', { exact: true }).waitFor();
    await notice.waitFor({ state: 'detached' });
    // The new reply is brought into view, and focus moves to it.
    await expect(ada.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain(late);
    await expect(repliesShowing(ada, late).count()).resolves.toBe(1);
    await expect(repliesShowing(ada, 'Note 21 for').count()).resolves.toBe(1);
  });

  it('sends the reader to sign in when the session ends elsewhere while the thread is open', async () => {
    const title = 'Who reviews the on-call handbook?';
    const ada = await signInAs('ada.lovelace@commons.example');
    const threadId = await startThread(ada, title);
    const path = `${FORUM}/threads/${threadId}`;
    await ada.goto(path);
    await ada.getByRole('heading', { name: title, level: 2 }).waitFor();
    const grace = await signInAs('grace.hopper@commons.example');
    // The live connection is open once an event has come through it.
    await replyThroughApi(grace, threadId, 'I can, next week.');
    await repliesShowing(ada, 'I can, next week.').waitFor();

    // Signed out from another tab: the server closes the live connection for the ended session.
    await graphqlAs(ada, 'mutation { signOut }');
    await ada.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === path);
    await ada.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});
