import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, graphqlAs, screenshot } from './browser';

const FORUM = '/communities/engineering-guild/forum';
const TITLE = 'Which flag turns off the new checkout flow in staging?';
const ANSWER = 'Set checkout.v2 to off in the staging flag service; it takes effect within a minute.';

/**
 * A question in the Engineering Guild's forum of the demo organisation: Ada (its manager) asks,
 * Grace (a moderator) answers, Ada accepts the answer, and both see it as the accepted answer.
 */
describeInBrowser('forums journey', () => {
  const { signInAs } = demoJourney();
  let page: Page;
  let threadPath = '';


  it('lets a member ask a question, checked before it is sent', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    await page.goto(FORUM);
    await page.getByRole('heading', { name: 'Forum', level: 2 }).waitFor();
    await page.getByRole('list', { name: 'Threads' }).waitFor();
    await page.getByRole('link', { name: 'New thread' }).click();
    await page.waitForURL(new RegExp(`${FORUM}/new$`, 'u'));

    await page.getByRole('radio', { name: 'Question' }).check();
    await page.getByRole('button', { name: 'Ask question' }).click();
    await page.getByText('Enter a title of 1 to 200 characters.').waitFor();
    await page.getByText('Write 1 to 50,000 characters.').waitFor();

    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    const body = page.getByRole('textbox', { name: 'Body', exact: true });
    await body.fill('Checkout v2 breaks our staging tests.\n\nWhat is the **safe** way to turn it off?');
    await body.press('Control+End');

    // "@" and a few letters suggest people who may read the community; the keyboard picks one.
    await body.pressSequentially(' Asking @Gra');
    const people = page.getByRole('listbox', { name: 'People to mention' });
    await people.getByRole('option', { name: /Grace Hopper/u }).waitFor();
    const activeOption = async () => page.locator(`[id="${await body.getAttribute('aria-activedescendant')}"]`);
    for (let i = 0; i < 10 && !/Grace Hopper/u.test((await (await activeOption()).textContent()) ?? ''); i++) await body.press('ArrowDown');
    await body.press('Enter');
    await people.waitFor({ state: 'detached' });
    const mention = /Asking @\[Grace Hopper\]\(mention:([0-9a-f-]{36})\) $/u.exec(await body.inputValue());
    expect(mention).not.toBeNull();
    const graceId = (mention as RegExpExecArray)[1];

    // "#" and letters at the start of a word suggest the community's tags; picking one writes it
    // normalised and adds it to the thread's tags.
    await body.pressSequentially('about #Data');
    const tagOptions = page.getByRole('listbox', { name: 'Tags' });
    await tagOptions.getByRole('option').first().waitFor();
    await screenshot(page, 'forum-editor-tag-suggestions');
    const pickedTag = ((await (await activeOption()).locator('p').first().textContent()) ?? '').replace(/^#/u, '');
    expect(pickedTag).toMatch(/^[a-z-]*data/u);
    await body.press('Tab');
    await tagOptions.waitFor({ state: 'detached' });
    await expect(body.inputValue()).resolves.toMatch(new RegExp(`about #${pickedTag} $`, 'u'));
    await page.getByText(pickedTag, { exact: true }).waitFor();

    // Shortcuts: Ctrl+K makes the selection a link with "url" selected to type over.
    await body.pressSequentially('(see the docs)');
    await body.press('ArrowLeft');
    for (let i = 0; i < 'docs'.length; i++) await body.press('Shift+ArrowLeft');
    await body.press('Control+K');
    await body.pressSequentially('https://flags.example.com/checkout');
    await expect(body.inputValue()).resolves.toMatch(/\(see the \[docs\]\(https:\/\/flags\.example\.com\/checkout\)\)$/u);
    // Tags are shown as the server keeps them: lower-case, without '#', words joined by hyphens.
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.fill('#Feature Flags, Staging');
    await tags.press('Enter');
    await page.getByText('feature-flags', { exact: true }).waitFor();
    await page.getByText('staging', { exact: true }).waitFor();

    // The preview shows the Markdown as it will read.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.getByRole('tabpanel').locator('strong', { hasText: 'safe' }).waitFor();
    await page.getByRole('tab', { name: 'Write' }).click();

    // Ctrl+Enter in the text sends the form.
    await body.press('Control+Enter');
    await page.waitForURL(new RegExp(`${FORUM}/threads/[0-9a-f-]{36}$`, 'u'));
    threadPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    await page.getByText('Question', { exact: true }).first().waitFor();
    // The body is the server's sanitized HTML.
    await page.getByRole('article', { name: TITLE }).locator('strong', { hasText: 'safe' }).waitFor();
    await page.getByRole('article', { name: TITLE }).getByRole('link', { name: 'docs' }).waitFor();
    // The mention links to Grace's profile (she may read the community).
    await expect(page.getByRole('article', { name: TITLE }).getByRole('link', { name: '@Grace Hopper' }).getAttribute('href')).resolves.toBe(`/people/${graceId}`);
    await expect(graphqlAs<{ account: { displayName: string } }>(page, 'query ($id: ID!) { account(id: $id) { displayName } }', { id: graceId })).resolves.toEqual({
      account: { displayName: 'Grace Hopper' },
    });
    // Following it opens her page; back to the question.
    await page.getByRole('article', { name: TITLE }).getByRole('link', { name: '@Grace Hopper' }).click();
    await page.waitForURL((url) => url.pathname === `/people/${graceId}`);
    await page.getByRole('heading', { name: 'Grace Hopper', level: 2 }).waitFor();
    await page.goBack();
    await page.getByRole('article', { name: TITLE }).waitFor();
    await page.getByRole('link', { name: '#feature-flags' }).waitFor();
    await page.getByText('No answers yet.').waitFor();
    await screenshot(page, 'forum-question-asked');

    // Its tag has a page listing the tag's threads, which people can follow.
    await page.getByRole('link', { name: '#staging' }).click();
    await page.waitForURL((url) => url.pathname === `${FORUM}/tags/staging`);
    await page.getByRole('heading', { name: '#staging', level: 2 }).waitFor();
    const threads = page.getByRole('list', { name: 'Threads' });
    await threads.getByRole('link', { name: TITLE }).waitFor();
    await expect(threads.getByRole('listitem').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Follow #staging', pressed: false }).click();
    await page.getByRole('button', { name: 'Follow #staging', pressed: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Follow #staging', pressed: true }).waitFor();

    // The forum's own tag filter narrows the list the same way.
    await page.goto(`${FORUM}?tag=staging`);
    await page.getByText('Showing threads tagged #staging.').waitFor();
    await page.getByRole('list', { name: 'Threads' }).getByRole('link', { name: TITLE }).waitFor();
    await expect(page.getByRole('list', { name: 'Threads' }).getByRole('listitem').count()).resolves.toBe(1);
  });

  it('lets a moderator answer it and react to it', async () => {
    page = await signInAs('grace.hopper@commons.example');
    await page.goto(threadPath);
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();

    const helpful = page.getByRole('group', { name: 'Reactions to the thread' }).getByRole('button', { name: /Helpful/u });
    await helpful.click();
    await page.getByRole('group', { name: 'Reactions to the thread' }).getByRole('button', { name: 'Helpful 1', pressed: true }).waitFor();

    await page.getByRole('textbox', { name: 'Reply', exact: true }).fill(ANSWER);
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByRole('status').filter({ hasText: 'Your reply is posted.' }).waitFor();
    const answer = page.getByRole('article', { name: 'Reply by Grace Hopper' });
    await answer.getByText(ANSWER).waitFor();
    await page.getByRole('heading', { name: '1 Reply', level: 3 }).waitFor();
    // Only the asker and moderators accept answers: Grace is a moderator.
    await answer.getByRole('button', { name: 'Accept answer' }).waitFor();
  });

  it('lets the asker accept the answer', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    await page.goto(threadPath);
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    const answer = page.getByRole('article', { name: 'Reply by Grace Hopper' });
    await answer.getByText(ANSWER).waitFor();
    await answer.getByRole('button', { name: 'Accept answer' }).click();

    const accepted = page.getByRole('region', { name: 'Accepted answer' });
    await accepted.getByText(ANSWER).waitFor();
    await answer.getByText('Accepted answer', { exact: true }).waitFor();
    await expect(answer.getByRole('button', { name: 'Accept answer' }).count()).resolves.toBe(0);
    await page.getByText('Answered', { exact: true }).waitFor();
    await screenshot(page, 'forum-answer-accepted');
  });

  it('shows the moderator the accepted answer, in the thread and in the forum', async () => {
    page = await signInAs('grace.hopper@commons.example');
    await page.goto(threadPath);
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    await page.getByRole('region', { name: 'Accepted answer' }).getByText(ANSWER).waitFor();
    await page.getByRole('article', { name: 'Reply by Grace Hopper' }).getByText('Accepted answer', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Back to the forum of Engineering Guild' }).click();
    await page.waitForURL((url) => url.pathname === FORUM);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await row.getByText('Answered', { exact: true }).waitFor();
    await expect(row.textContent()).resolves.toMatch(/Question.*Answered.*Ada Lovelace.*1 reply/u);

    // Locked by a moderator: the reply box gives way to the reason.
    await page.goto(threadPath);
    await page.getByRole('button', { name: 'Moderate' }).click();
    await page.getByRole('menuitem', { name: 'Lock thread' }).click();
    await page.getByTestId('reply-refusal').filter({ hasText: 'This thread is locked: no new replies.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Post reply' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Moderate' }).click();
    await page.getByRole('menuitem', { name: 'Unlock thread' }).click();
    await page.getByRole('button', { name: 'Post reply' }).waitFor();
  });

  it('tells the asker when someone else changed the thread while she edited it', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    await page.goto(threadPath);
    await page.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    await page.getByRole('article', { name: TITLE }).getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit the thread' });
    await form.getByRole('textbox', { name: 'Title' }).fill(`${TITLE} (staging)`);

    // Meanwhile, from another tab, the thread changes.
    const threadId = threadPath.split('/').pop() as string;
    const { thread } = await graphqlAs<{ thread: { version: number } }>(page, 'query ($id: ID!) { thread(id: $id) { version } }', { id: threadId });
    await graphqlAs(page, 'mutation ($input: EditThreadInput!) { editThread(input: $input) { id } }', {
      input: { threadId, version: thread.version, title: `${TITLE} (edited elsewhere)` },
    });

    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByRole('alert').filter({ hasText: 'Someone changed this thread while you were editing it' }).waitFor();
    await form.getByRole('button', { name: 'Reload the thread' }).click();
    // The form starts again from the reloaded version (the alert goes with the old one).
    await form.getByRole('button', { name: 'Reload the thread' }).waitFor({ state: 'detached' });
    await expect(form.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(`${TITLE} (edited elsewhere)`);
    await form.getByRole('textbox', { name: 'Title' }).fill(`${TITLE} (staging)`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: `${TITLE} (staging)`, level: 2 }).waitFor();
    await page.getByRole('article', { name: `${TITLE} (staging)` }).getByText('· edited').waitFor();
  });
});
