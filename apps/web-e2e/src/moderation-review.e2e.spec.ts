import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demoJourney, describeInBrowser, expectAccessible, graphqlAs } from './browser';
import { activateRule, communityId } from './moderation-setup';

const SLUG = 'engineering-guild';
const MODERATION = `/communities/${SLUG}/moderation`;
/** The term the guild's policy holds posts for, and the rule that does it. */
const TERM = 'dirigible';
const RULE = { id: 'e2e-dirigibles', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Posts about dirigibles are checked by a moderator first.', terms: [TERM] };
/** The manager's thread the members reply in (nothing in it is held). */
const THREAD = { title: 'Shipping the hardware lab prototypes to the Berlin office', body: 'Which carrier did you use last time, and did anything arrive broken?' };
/** A member's thread, held, which the moderator approves with her edit. */
const HELD_THREAD = {
  title: 'Lighter-than-air delivery for the lab',
  body: `Could a ${TERM} carry the prototypes? Mine is parked behind the car park.`,
  edited: 'Could an airship carry the prototypes? A moderator asked me to keep the details private.',
};

/** Who posts what, all held for naming the term. */
const AUTHORS = {
  approved: [
    { email: 'frances.wilson@commons.example', name: 'Frances Wilson', body: `We flew them by ${TERM} last spring; nothing broke.` },
    { email: 'ken.cerf@commons.example', name: 'Ken Cerf', body: `A ${TERM} is slow but gentle with the boards.` },
  ],
  rejected: [
    { email: 'shafi.hamilton@commons.example', name: 'Shafi Hamilton', body: `Buy your own ${TERM}, it is cheaper than the carrier.` },
    { email: 'leslie.knuth@commons.example', name: 'Leslie Knuth', body: `My cousin sells a second-hand ${TERM}, message me.` },
  ],
  escalated: { email: 'james.matsumoto@commons.example', name: 'James Matsumoto', body: `The carrier lost our last ${TERM} model; legal is involved.` },
  muted: { email: 'joan.allen@commons.example', name: 'Joan Allen', body: `Nobody here knows anything about a ${TERM}, stop asking.` },
  appealing: { email: 'brian.dijkstra@commons.example', name: 'Brian Dijkstra', body: `The ${TERM} museum lends crates that fit the boards exactly.` },
  editing: { email: 'mary.keller@commons.example', name: 'Mary Keller' },
};
const PENDING_AT_START = 8;

const replyName = (name: string) => `Reply by ${name} in “${THREAD.title}”`;

/** Signs the page in through the API (no screen to look at): for members who only post. */
async function signInByApi(page: Page, email: string): Promise<void> {
  await graphqlAs(page, 'mutation ($input: SignInInput!) { signIn(input: $input) { account { id } } }', { input: { email, password: DEMO_PASSWORD } });
}

/** Grace, the guild's moderator, on its review queue. */
async function openQueue(page: Page): Promise<Locator> {
  await page.goto(MODERATION);
  await page.getByRole('heading', { name: 'Review queue' }).waitFor();
  const queue = page.getByRole('list', { name: 'Items awaiting review' });
  await queue.getByRole('listitem').first().waitFor();
  return queue;
}

const queueCount = (page: Page, n: number) => page.getByTestId('queue-count').filter({ hasText: `${n} item${n === 1 ? '' : 's'} awaiting review` });

/** Picks an item in the queue by the start of its name; resolves to the detail pane once it shows the item. */
async function pick(page: Page, name: string): Promise<Locator> {
  await page.getByRole('list', { name: 'Items awaiting review' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`, 'u') }).click();
  const detail = page.getByRole('region', { name: 'Selected item' });
  await detail.getByRole('heading', { name, exact: true }).waitFor();
  return detail;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The thread's page, with the reply articles a viewer sees. */
async function openThread(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: THREAD.title, level: 2 }).waitFor();
}

const replyOf = (page: Page, name: string, body: string) => page.getByRole('article', { name: `Reply by ${name}` }).filter({ hasText: body });

/**
 * Reviewing in the Engineering Guild beyond one approval: Ada (its manager) has the policy hold
 * posts naming a term and members post such replies and a thread; Grace (its moderator)
 * approves and rejects several at once, approves a thread with her edit, escalates one to the
 * platform admins, mutes a member (who is then refused until she revokes it) and rejects a
 * reply whose author appeals, which Ada, not Grace, overturns.
 */
describeInBrowser('moderation review journeys', () => {
  const { newPage, signInAs } = demoJourney();
  let threadPath = '';
  let heldThreadId = '';

  it('holds the members’ replies and thread naming the term', async () => {
    const ada = await newPage();
    await signInByApi(ada, 'ada.lovelace@commons.example');
    await activateRule(ada, SLUG, RULE, 'Hold posts about dirigibles');
    const community = await communityId(ada, SLUG);
    const { createThread } = await graphqlAs<{ createThread: { id: string; moderationState: string } }>(
      ada,
      'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id moderationState } }',
      { input: { communityId: community, ...THREAD } },
    );
    expect(createThread.moderationState).toBe('VISIBLE');
    threadPath = `/communities/${SLUG}/forum/threads/${createThread.id}`;

    const repliers = [...AUTHORS.approved, ...AUTHORS.rejected, AUTHORS.escalated, AUTHORS.muted, AUTHORS.appealing];
    const states: string[] = [];
    for (const author of repliers) {
      const page = await newPage();
      await signInByApi(page, author.email);
      const { replyToThread } = await graphqlAs<{ replyToThread: { moderationState: string } }>(
        page,
        'mutation ($input: ReplyInput!) { replyToThread(input: $input) { moderationState } }',
        { input: { threadId: createThread.id, body: author.body } },
      );
      states.push(replyToThread.moderationState);
    }
    const mary = await newPage();
    await signInByApi(mary, AUTHORS.editing.email);
    const { createThread: held } = await graphqlAs<{ createThread: { id: string; moderationState: string } }>(
      mary,
      'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id moderationState } }',
      { input: { communityId: community, title: HELD_THREAD.title, body: HELD_THREAD.body } },
    );
    heldThreadId = held.id;
    expect([...states, held.moderationState]).toEqual(Array(PENDING_AT_START).fill('HELD'));
  });

  it('approves two held replies at once: they leave the queue and everyone sees them', async () => {
    const page = await signInAs('grace.hopper@commons.example');
    const queue = await openQueue(page);
    await queueCount(page, PENDING_AT_START).waitFor();

    for (const author of AUTHORS.approved) await page.getByRole('checkbox', { name: `Select ${replyName(author.name)}` }).check();
    await page.getByRole('group', { name: 'Bulk actions' }).getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Approved 2 items.' }).waitFor();
    for (const author of AUTHORS.approved) await queue.getByRole('listitem').filter({ hasText: author.body }).waitFor({ state: 'detached' });
    await queueCount(page, PENDING_AT_START - 2).waitFor();
    // The others are still waiting.
    await queue.getByRole('listitem').filter({ hasText: AUTHORS.rejected[0].body }).waitFor();

    // Another member sees the two approved replies, and still not a held one.
    const alan = await signInAs('alan.ritchie@commons.example');
    await openThread(alan, threadPath);
    for (const author of AUTHORS.approved) {
      const reply = replyOf(alan, author.name, author.body);
      await reply.waitFor();
      await expect(reply.getByText('Awaiting review').count()).resolves.toBe(0);
    }
    await expect(alan.getByText(AUTHORS.rejected[0].body).count()).resolves.toBe(0);
  });

  it('rejects two held replies at once with a reason: their authors see them rejected, nobody else sees them', async () => {
    const page = await signInAs('grace.hopper@commons.example');
    const queue = await openQueue(page);
    for (const author of AUTHORS.rejected) await page.getByRole('checkbox', { name: `Select ${replyName(author.name)}` }).check();
    await page.getByRole('button', { name: 'Reject selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject 2 items' });
    // A rejection needs the reason its authors read.
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await dialog.getByText('Give the reason the author is shown.').waitFor();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Selling things is not what this thread is for.');
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Rejected 2 items.' }).waitFor();
    for (const author of AUTHORS.rejected) await queue.getByRole('listitem').filter({ hasText: author.body }).waitFor({ state: 'detached' });
    await queueCount(page, PENDING_AT_START - 4).waitFor();

    const [first] = AUTHORS.rejected;
    const shafi = await signInAs(first.email);
    await openThread(shafi, threadPath);
    await replyOf(shafi, first.name, first.body).getByText('Rejected by a moderator', { exact: true }).waitFor();

    const alan = await signInAs('alan.ritchie@commons.example');
    await openThread(alan, threadPath);
    await replyOf(alan, AUTHORS.approved[0].name, AUTHORS.approved[0].body).waitFor();
    for (const author of AUTHORS.rejected) await expect(alan.getByText(author.body).count()).resolves.toBe(0);
  });

  it('approves a held thread with the moderator’s edit: the edited text is what is published', async () => {
    const page = await signInAs('grace.hopper@commons.example');
    const queue = await openQueue(page);
    const name = `Thread “${HELD_THREAD.title}” by ${AUTHORS.editing.name}`;
    const detail = await pick(page, name);
    await detail.getByRole('region', { name: 'The post as written' }).getByText(HELD_THREAD.body).waitFor();
    await detail.getByRole('button', { name: 'Edit and approve' }).click();
    const text = detail.getByRole('textbox', { name: 'Text to approve' });
    await expect(text.inputValue()).resolves.toBe(HELD_THREAD.body);
    await text.fill(HELD_THREAD.edited);
    await detail.getByRole('button', { name: 'Approve edited text' }).click();
    await page.getByRole('status').filter({ hasText: `Approved with your edit: ${name}.` }).waitFor();
    await queue.getByRole('listitem').filter({ hasText: HELD_THREAD.title }).waitFor({ state: 'detached' });

    // A member finds the thread in the forum with the edited text, not the author's.
    const alan = await signInAs('alan.ritchie@commons.example');
    await alan.goto(`/communities/${SLUG}/forum`);
    await alan.getByRole('list', { name: 'Threads' }).getByRole('link', { name: HELD_THREAD.title }).click();
    await alan.waitForURL((url) => url.pathname.endsWith(`/forum/threads/${heldThreadId}`));
    await alan.getByRole('heading', { name: HELD_THREAD.title, level: 2 }).waitFor();
    await alan.getByText(HELD_THREAD.edited).waitFor();
    await expect(alan.getByText(TERM).count()).resolves.toBe(0);
  });

  it('escalates a reply: it stays in the queue marked escalated, and the platform admin sees it first', async () => {
    const page = await signInAs('grace.hopper@commons.example');
    const queue = await openQueue(page);
    const { name, body } = AUTHORS.escalated;
    const detail = await pick(page, replyName(name));
    await detail.getByRole('button', { name: 'Escalate' }).click();
    await page.getByRole('status').filter({ hasText: `Escalated to the platform admins: ${replyName(name)}.` }).waitFor();
    const row = queue.getByRole('listitem').filter({ hasText: body });
    await row.getByText('Escalated', { exact: true }).waitFor();
    await detail.getByText('Escalated', { exact: true }).waitFor();
    // It can still be decided here, but not escalated twice.
    await detail.getByRole('button', { name: 'Approve', exact: true }).waitFor();
    await expect(detail.getByRole('button', { name: 'Escalate' }).count()).resolves.toBe(0);
    // "Escalated only" leaves just it.
    await page.getByRole('checkbox', { name: 'Escalated only' }).check();
    await queueCount(page, 1).waitFor();
    await expect(queue.getByRole('listitem').allInnerTexts()).resolves.toEqual([expect.stringContaining(body)]);

    // The platform admin's queue (every community's) puts it first.
    const admin = await signInAs('admin@commons.example');
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Moderation' }).click();
    await admin.waitForURL((url) => url.pathname === '/moderation');
    const adminQueue = admin.getByRole('list', { name: 'Items awaiting review' });
    const top = adminQueue.getByRole('listitem').first();
    await top.getByText(body).waitFor();
    await top.getByText('Escalated', { exact: true }).waitFor();
    await top.getByText(`${name} in Engineering Guild`).waitFor();
  });

  it('mutes a member from a held item: she is refused when posting until the mute is revoked', async () => {
    const { name, email, body } = AUTHORS.muted;
    const reason = 'Be kind to people asking questions.';
    const page = await signInAs('grace.hopper@commons.example');
    await openQueue(page);
    const detail = await pick(page, replyName(name));
    await detail.getByRole('button', { name: `Warn or mute ${name}…` }).click();
    const form = detail.getByRole('form', { name: `Warn or mute ${name}` });
    await form.getByRole('radio', { name: 'Mute in this community' }).check();
    await form.getByRole('textbox', { name: 'For how many hours' }).fill('3');
    await form.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await form.getByRole('button', { name: 'Mute' }).click();
    await detail.getByRole('status').filter({ hasText: `${name} cannot post here for 3 hours.` }).waitFor();
    // Her history in the item now lists the mute.
    await detail.getByRole('list', { name: 'Sanctions' }).getByText(new RegExp(`^Muted on .* by Grace Hopper: ${escapeRegExp(reason)} \\(until `, 'u')).waitFor();

    await page.getByRole('navigation', { name: 'Moderation sections' }).getByRole('link', { name: 'Sanctions' }).click();
    const row = page.getByRole('table', { name: 'Sanctions' }).getByRole('row').filter({ hasText: name });
    await row.getByText(reason).waitFor();
    await row.getByRole('cell', { name: 'Muted', exact: true }).waitFor();
    await row.getByText(/^Grace Hopper, /u).waitFor();
    await expectAccessible(page, 'moderation sanctions');

    // Joan tries to reply: she is told she is muted, and nothing is posted.
    const joan = await signInAs(email);
    await openThread(joan, threadPath);
    const attempt = 'The carrier we used last time was fine, for what it is worth.';
    await joan.getByRole('textbox', { name: 'Reply', exact: true }).fill(attempt);
    await joan.getByRole('button', { name: 'Post reply' }).click();
    const refusal = joan.getByRole('alert').filter({ hasText: 'You are muted in this community until' });
    await refusal.waitFor();
    await refusal.getByText('Not allowed').waitFor();
    await expect(replyOf(joan, name, attempt).count()).resolves.toBe(0);
    await replyOf(joan, name, body).getByText('Awaiting review', { exact: true }).waitFor();

    // Grace revokes it early; it leaves the sanctions in force and shows as revoked among all.
    await row.getByRole('button', { name: `Revoke the mute of ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke the mute of ${name}` });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('She apologised.');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('No sanction is in force.').waitFor();
    await page.getByRole('radiogroup', { name: 'Which sanctions' }).getByText('All', { exact: true }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    await expect(row.getByRole('button', { name: /^Revoke/u }).count()).resolves.toBe(0);

    // Joan sends the same reply again: it is posted.
    await joan.getByRole('button', { name: 'Post reply' }).click();
    await joan.getByRole('status').filter({ hasText: 'Your reply is posted.' }).waitFor();
    await replyOf(joan, name, attempt).waitFor();
    await expect(replyOf(joan, name, attempt).getByText('Awaiting review').count()).resolves.toBe(0);
  });

  it('lets an author appeal a rejection, which another moderator than the one who rejected overturns', async () => {
    const { name, email, body } = AUTHORS.appealing;
    const grace = await signInAs('grace.hopper@commons.example');
    const queue = await openQueue(grace);
    const detail = await pick(grace, replyName(name));
    await detail.getByRole('button', { name: 'Reject…' }).click();
    const dialog = grace.getByRole('dialog', { name: `Reject ${replyName(name)}` });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Lending crates is off topic here.');
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await grace.getByRole('status').filter({ hasText: `Rejected: ${replyName(name)}.` }).waitFor();
    await queue.getByRole('listitem').filter({ hasText: body }).waitFor({ state: 'detached' });

    // Brian sees his reply rejected and appeals.
    const brian = await signInAs(email);
    await openThread(brian, threadPath);
    const reply = replyOf(brian, name, body);
    await reply.getByText('Rejected by a moderator', { exact: true }).waitFor();
    await reply.getByRole('button', { name: 'Appeal' }).click();
    const appeal = brian.getByRole('dialog', { name: 'Appeal the decision about your reply' });
    const message = 'The crates are exactly what the thread asks about: shipping the prototypes safely.';
    await appeal.getByRole('textbox', { name: 'Why should the decision change?' }).fill(message);
    await appeal.getByRole('button', { name: 'Send appeal' }).click();
    await reply.getByRole('status').filter({ hasText: 'Appeal sent: you will hear back in your notices.' }).waitFor();

    // Grace made the decision: she may not decide its appeal.
    await grace.getByRole('navigation', { name: 'Moderation sections' }).getByRole('link', { name: 'Appeals' }).click();
    const graceCard = grace.getByRole('list', { name: 'Appeals' }).getByRole('listitem').filter({ hasText: message });
    await graceCard.getByText(`appealed by ${name}`, { exact: false }).waitFor();
    await graceCard.getByRole('button', { name: 'Overturn…' }).click();
    await graceCard.getByRole('textbox', { name: 'Why the decision is overturned' }).fill('I was wrong.');
    await graceCard.getByRole('button', { name: 'Overturn', exact: true }).click();
    await graceCard.getByRole('alert').filter({ hasText: 'You made the decision under appeal: another moderator decides the appeal.' }).waitFor();

    // Ada, the guild's manager, overturns it.
    const ada = await signInAs('ada.lovelace@commons.example');
    await ada.goto(`${MODERATION}/appeals`);
    const card = ada.getByRole('list', { name: 'Appeals' }).getByRole('listitem').filter({ hasText: message });
    await card.getByText(' · decided by Grace Hopper', { exact: false }).waitFor();
    await expectAccessible(ada, 'moderation appeals');
    await card.getByRole('button', { name: 'Overturn…' }).click();
    const answer = 'Fair point: crates are on topic.';
    await card.getByRole('textbox', { name: 'Why the decision is overturned' }).fill(answer);
    await card.getByRole('button', { name: 'Overturn', exact: true }).click();
    await ada.getByText('No appeal is waiting.').waitFor();
    await ada.getByRole('radiogroup', { name: 'Appeals to show' }).getByText('Overturned', { exact: true }).click();
    await ada.getByRole('list', { name: 'Appeals' }).getByRole('listitem').filter({ hasText: message }).getByText(`Overturned by Ada Lovelace`, { exact: false }).waitFor();

    // The reply is published; Brian is told why.
    const alan = await signInAs('alan.ritchie@commons.example');
    await openThread(alan, threadPath);
    await replyOf(alan, name, body).waitFor();
    await brian.goto('/notices');
    await brian.getByRole('list', { name: 'Moderation notices' }).getByText(`Your appeal was accepted and your post is now visible: ${answer}`).waitFor();
    await brian.getByRole('list', { name: 'Your appeals' }).getByRole('listitem').getByText('Overturned', { exact: true }).waitFor();
  });
});
