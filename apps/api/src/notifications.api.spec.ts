import { Audience, PlatformRole } from '@commons/shared-contracts';
import { AuthorizationService, uuidv7, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import { EmailDigests, READS_COMMUNITY_SQL } from '@commons/server-notifications';
import { EventStream, OutboxRelay } from '@commons/server-realtime';
import { connectWs, TEST_ORIGIN, type GraphqlClient, type TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

type Person = { client: GraphqlClient; account: { id: string; email: string } };
type Notification = {
  id: string;
  kind: string;
  read: boolean;
  summary: string;
  actorCount: number;
  actors: Array<{ id: string; displayName: string }>;
  target: { kind: string; id: string; path: string; title: string | null; threadId: string | null; replyId: string | null; message: string | null; status: string | null };
};

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id slug } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const LEAVE = `mutation ($id: ID!) { leaveCommunity(communityId: $id) { id } }`;
const INVITE = `mutation ($input: InviteToCommunityInput!) { inviteToCommunity(input: $input) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id moderationState } }`;
const REACT = `mutation ($input: ReactInput!) { react(input: $input) { count } }`;
const FOLLOW = `mutation ($id: ID!) { followThread(threadId: $id, follow: true) }`;
const NOTIFICATIONS = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id kind read summary actorCount actors { id displayName } target { kind id path title threadId replyId message status } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const UNREAD = `{ unreadNotificationCount }`;
const MARK_READ = `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
const MARK_ALL_READ = `mutation { markAllNotificationsRead }`;
const PREFERENCES = `mutation ($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { replies mentions reactions followed communities emailDigest } }`;

describe('notifications', () => {
  let api: TestApp;
  let manager: Person;

  beforeAll(async () => {
    api = await startTestApp();
    manager = await api.signedIn(PlatformRole.Member, { displayName: 'Mia Manager' });
  });
  afterAll(() => api.close());

  /** Everything written so far has been published and turned into notifications (no sleeps). */
  const settled = () => api.app.get<OutboxRelay>(OutboxRelay).idle();

  const notificationsOf = async (person: Person, variables: Record<string, unknown> = {}): Promise<Notification[]> => {
    await settled();
    const { notifications } = await person.client.data<{ notifications: { edges: Array<{ node: Notification }> } }>(NOTIFICATIONS, { first: 100, ...variables });
    return notifications.edges.map((e) => e.node);
  };
  const unreadOf = async (person: Person): Promise<number> => {
    await settled();
    return (await person.client.data<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount;
  };

  /** An active community run by the manager, with everyone in `members` joined (invited first when it is private). */
  const community = async (name: string, visibility: 'OPEN' | 'PRIVATE', members: Person[] = []) => {
    const { createCommunity } = await manager.client.data<{ createCommunity: { id: string; slug: string } }>(CREATE_COMMUNITY, {
      input: { name, audiences: ['EMPLOYEE'], visibility, intent: 'COLLABORATION', useCases: ['FORUMS', 'BLOGS'] },
    });
    await manager.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    for (const member of members) {
      if (visibility === 'PRIVATE') await manager.client.data(INVITE, { input: { communityId: createCommunity.id, accountId: member.account.id } });
      await member.client.data(JOIN, { id: createCommunity.id });
    }
    return createCommunity;
  };
  const thread = async (author: Person, communityId: string, title: string, extra: Record<string, unknown> = {}) =>
    (await author.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId, title, body: 'What do you think?', ...extra } })).createThread.id;
  const reply = async (author: Person, threadId: string, body: string, replyToId?: string) =>
    (await author.client.data<{ replyToThread: { id: string; moderationState: string } }>(REPLY, { input: { threadId, body, replyToId } })).replyToThread;
  const mention = (name: string, person: Person) => `@[${name}](mention:${person.account.id})`;

  it('tells a thread’s author about a reply (not the replier), and the members it mentions but not someone outside the private community', async () => {
    const rita = await api.signedIn(PlatformRole.Member, { displayName: 'Rita Replier' });
    const paul = await api.signedIn(PlatformRole.Member, { displayName: 'Paul Member' });
    const otto = await api.signedIn(PlatformRole.Member, { displayName: 'Otto Outsider' });
    const room = await community('Quiet Room', 'PRIVATE', [rita, paul]);
    const threadId = await thread(manager, room.id, 'Roadmap for spring');

    const { id: replyId } = await reply(rita, threadId, `Agreed. ${mention('Paul Member', paul)} and ${mention('Otto Outsider', otto)}, what do you say?`);

    const forManager = (await notificationsOf(manager)).filter((n) => n.target.id === replyId);
    expect(forManager).toEqual([
      expect.objectContaining({
        kind: 'THREAD_REPLY',
        read: false,
        summary: 'Rita Replier replied to your thread “Roadmap for spring”',
        actorCount: 1,
        actors: [{ id: rita.account.id, displayName: 'Rita Replier' }],
        target: expect.objectContaining({ kind: 'REPLY', threadId, replyId, title: 'Roadmap for spring', path: `/communities/${room.slug}/forum/threads/${threadId}#reply-${replyId}` }),
      }),
    ]);
    expect((await notificationsOf(paul)).filter((n) => n.target.id === replyId)).toEqual([expect.objectContaining({ kind: 'MENTION', summary: 'Rita Replier mentioned you in “Roadmap for spring”' })]);
    expect(await notificationsOf(otto)).toEqual([]);
    expect((await notificationsOf(rita)).filter((n) => n.target.id === replyId)).toEqual([]);
    // Rita and Paul were invited before they joined: that was a notification too.
    expect((await notificationsOf(rita)).map((n) => [n.kind, n.summary])).toContainEqual(['COMMUNITY_INVITATION', 'Mia Manager invited you to join Quiet Room']);
  });

  it('gathers reactions to one post into one notification with a count while it is unread, then starts a new one', async () => {
    const reactors = await Promise.all(['Ana Alves', 'Bo Berg', 'Cy Chan'].map((displayName) => api.signedIn(PlatformRole.Member, { displayName })));
    const guild = await community('Reaction Guild', 'OPEN', reactors);
    const threadId = await thread(manager, guild.id, 'Show and tell');
    for (const person of reactors) await person.client.data(REACT, { input: { targetId: threadId, kind: 'LIKE', on: true } });
    // Another kind from someone already counted adds nobody.
    await reactors[0].client.data(REACT, { input: { targetId: threadId, kind: 'CELEBRATE', on: true } });
    // The manager's own reaction tells the manager nothing.
    await manager.client.data(REACT, { input: { targetId: threadId, kind: 'LIKE', on: true } });

    const gathered = (await notificationsOf(manager)).filter((n) => n.target.id === threadId);
    expect(gathered).toHaveLength(1);
    expect(gathered[0]).toMatchObject({ kind: 'REACTION', actorCount: 3, summary: 'Cy Chan and 2 others reacted to your thread “Show and tell”', target: { kind: 'THREAD', threadId } });
    expect(gathered[0].actors.map((a) => a.displayName)).toEqual(['Cy Chan', 'Bo Berg', 'Ana Alves']);

    await manager.client.data(MARK_READ, { ids: [gathered[0].id] });
    const late = await api.signedIn(PlatformRole.Member, { displayName: 'Dee Late' });
    await late.client.data(JOIN, { id: guild.id });
    await late.client.data(REACT, { input: { targetId: threadId, kind: 'HELPFUL', on: true } });
    const after = (await notificationsOf(manager)).filter((n) => n.target.id === threadId);
    expect(after.map((n) => [n.read, n.actorCount, n.summary])).toEqual([
      [false, 1, 'Dee Late reacted to your thread “Show and tell”'],
      [true, 3, 'Cy Chan and 2 others reacted to your thread “Show and tell”'],
    ]);
  });

  it('gathers the reactions that arrive in one batch, leaving out only the recipient’s own', async () => {
    const reactors = await Promise.all(['Eva Ek', 'Finn Fox'].map((displayName) => api.signedIn(PlatformRole.Member, { displayName })));
    const guild = await community('Batch Guild', 'OPEN', reactors);
    const threadId = await thread(manager, guild.id, 'All at once');
    // The relay's lock held elsewhere: the reactions wait, then go out in one batch.
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('commons_outbox_relay'))`);
      for (const person of reactors) await person.client.data(REACT, { input: { targetId: threadId, kind: 'LIKE', on: true } });
      await manager.client.data(REACT, { input: { targetId: threadId, kind: 'LIKE', on: true } });
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    const gathered = (await notificationsOf(manager)).filter((n) => n.target.id === threadId);
    expect(gathered.map((n) => [n.actorCount, n.summary])).toEqual([[2, 'Finn Fox and Eva Ek reacted to your thread “All at once”']]);
  });

  it('tells a thread’s followers of new replies, but not one who left the private community, whose earlier notifications disappear', async () => {
    const poster = await api.signedIn(PlatformRole.Member, { displayName: 'Pia Poster' });
    const follower = await api.signedIn(PlatformRole.Member, { displayName: 'Fay Follower' });
    const room = await community('Inner Circle', 'PRIVATE', [poster, follower]);
    const threadId = await thread(manager, room.id, 'Budget 2027');
    await follower.client.data(FOLLOW, { id: threadId });

    const first = await reply(poster, threadId, 'First numbers are in.');
    expect((await notificationsOf(follower)).map((n) => [n.kind, n.target.id])).toContainEqual(['FOLLOWED_THREAD_REPLY', first.id]);
    const unreadBefore = await unreadOf(follower);

    await follower.client.data(LEAVE, { id: room.id });
    const second = await reply(poster, threadId, 'Second numbers are in.');
    await settled();
    const stored: Array<{ count: number }> = await api.dataSource.query('SELECT count(*)::int AS count FROM notifications WHERE recipient_id = $1 AND target_id = $2', [follower.account.id, second.id]);
    expect(stored[0].count).toBe(0);
    // What she was told while a member no longer shows, nor counts: its title would leak.
    const left = await notificationsOf(follower);
    expect(left.some((n) => n.target.threadId === threadId)).toBe(false);
    expect(await unreadOf(follower)).toBe(unreadBefore - 1);
  });

  it('counts in the top bar only what the list shows: a reply since deleted by its author is neither listed nor counted', async () => {
    const author = await api.signedIn(PlatformRole.Member, { displayName: 'Ava Author' });
    const replier = await api.signedIn(PlatformRole.Member, { displayName: 'Ray Regret' });
    const room = await community('Second Thoughts', 'OPEN', [author, replier]);
    const threadId = await thread(author, room.id, 'Office move');
    const kept = await reply(replier, threadId, 'Count me in.');
    const regretted = await reply(replier, threadId, 'Actually, something I should not have said.');
    expect((await notificationsOf(author)).map((n) => n.target.id)).toEqual(expect.arrayContaining([kept.id, regretted.id]));
    const before = await unreadOf(author);

    await replier.client.data(`mutation ($id: ID!) { deleteReply(replyId: $id) { id } }`, { id: regretted.id });
    const listed = await notificationsOf(author);
    expect(listed.map((n) => n.target.id)).toContain(kept.id);
    expect(listed.map((n) => n.target.id)).not.toContain(regretted.id);
    expect(await unreadOf(author)).toBe(before - 1);
    expect(await unreadOf(author)).toBe(listed.filter((n) => !n.read).length);
  });

  it('marks one or all read and counts what is unread; someone else’s notification is NOT_FOUND', async () => {
    const asker = await api.signedIn(PlatformRole.Member, { displayName: 'Ida Asker' });
    const helpers = await Promise.all(['Hal One', 'Hal Two', 'Hal Three'].map((displayName) => api.signedIn(PlatformRole.Member, { displayName })));
    const guild = await community('Help Desk', 'OPEN', [asker, ...helpers]);
    const threadId = await thread(asker, guild.id, 'Printer on fire');
    for (const helper of helpers) await reply(helper, threadId, `Have you tried water, ${helper.account.id.slice(0, 4)}?`);
    expect(await unreadOf(asker)).toBe(3);

    const [newest, ...older] = await notificationsOf(asker, { unreadOnly: true });
    expect(newest.summary).toBe('Hal Three replied to your thread “Printer on fire”');
    await expect(asker.client.data(MARK_READ, { ids: [newest.id] })).resolves.toEqual({ markNotificationsRead: 2 });
    expect((await notificationsOf(asker, { unreadOnly: true })).map((n) => n.id)).toEqual(older.map((n) => n.id));

    // Not hers: NOT_FOUND, and nothing of hers is marked either.
    await expect(helpers[0].client.errorCode(MARK_READ, { ids: [older[0].id] })).resolves.toBe('NOT_FOUND');
    await expect(asker.client.errorCode(MARK_READ, { ids: [older[0].id, '00000000-0000-4000-8000-000000000000'] })).resolves.toBe('NOT_FOUND');
    await expect(asker.client.errorCode(MARK_READ, { ids: ['not-an-id'] })).resolves.toBe('BAD_USER_INPUT');
    await expect(asker.client.errorCode(NOTIFICATIONS, { first: 1, after: 'garbage' })).resolves.toBe('BAD_USER_INPUT');
    await expect(asker.client.errorCode(NOTIFICATIONS, { first: 1, after: Buffer.from('["soon","me"]').toString('base64url') })).resolves.toBe('BAD_USER_INPUT');
    await expect(asker.client.errorCode(NOTIFICATIONS, { first: 101 })).resolves.toBe('BAD_USER_INPUT');
    expect(await unreadOf(asker)).toBe(2);

    await expect(asker.client.data(MARK_ALL_READ)).resolves.toEqual({ markAllNotificationsRead: 0 });
    expect(await notificationsOf(asker, { unreadOnly: true })).toEqual([]);
    expect((await notificationsOf(asker)).every((n) => n.read)).toBe(true);
  });

  it('pages newest first with keyset cursors, in the same few statements whatever the page holds', async () => {
    const author = await api.signedIn(PlatformRole.Member, { displayName: 'Page Author' });
    const repliers = await Promise.all(Array.from({ length: 5 }, (_, i) => api.signedIn(PlatformRole.Member, { displayName: `Replier ${i}` })));
    const guild = await community('Paging Club', 'OPEN', [author, ...repliers]);
    const threadIds: string[] = [];
    for (let i = 0; i < 5; i++) threadIds.push(await thread(author, guild.id, `Topic ${i}`));
    for (const threadId of threadIds) for (const replier of repliers) await reply(replier, threadId, 'Me too.');
    await settled();

    const { result, statements } = await api.statements.measure(() =>
      author.client.data<{ notifications: { edges: Array<{ cursor: string; node: Notification }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(NOTIFICATIONS, { first: 20 }),
    );
    expect(result.notifications.edges).toHaveLength(20);
    // The session check, the page, what it points at, the reader's access facts, the people's names.
    expect(statements).toBe(5);
    expect(result.notifications.pageInfo.hasNextPage).toBe(true);
    const next = await author.client.data<{ notifications: { edges: Array<{ node: Notification }>; pageInfo: { hasNextPage: boolean } } }>(NOTIFICATIONS, {
      first: 20,
      after: result.notifications.pageInfo.endCursor,
    });
    expect(next.notifications.edges).toHaveLength(5);
    expect(next.notifications.pageInfo.hasNextPage).toBe(false);
    const all = [...result.notifications.edges.map((e) => e.node.id), ...next.notifications.edges.map((e) => e.node.id)];
    expect(new Set(all).size).toBe(25);
  });

  it('lets a person turn a kind off: no notification is stored for it', async () => {
    const quiet = await api.signedIn(PlatformRole.Member, { displayName: 'Quinn Quiet' });
    const chatty = await api.signedIn(PlatformRole.Member, { displayName: 'Chad Chatty' });
    const guild = await community('Preference Lab', 'OPEN', [quiet, chatty]);
    await expect(quiet.client.data(`{ notificationPreferences { replies mentions emailDigest } }`)).resolves.toEqual({
      notificationPreferences: { replies: true, mentions: true, emailDigest: 'NONE' },
    });
    await expect(quiet.client.data(PREFERENCES, { input: { replies: false } })).resolves.toEqual({
      updateNotificationPreferences: { replies: false, mentions: true, reactions: true, followed: true, communities: true, emailDigest: 'NONE' },
    });
    const threadId = await thread(quiet, guild.id, 'Leave me be');
    const plain = await reply(chatty, threadId, 'Hello!');
    // Replies are off; mentions are not, so a reply that mentions her still arrives, as a mention.
    const mentioning = await reply(chatty, threadId, `Hello, ${mention('Quinn Quiet', quiet)}!`);
    const mine = await notificationsOf(quiet);
    expect(mine.filter((n) => n.target.id === plain.id)).toEqual([]);
    expect(mine.filter((n) => n.target.id === mentioning.id).map((n) => n.kind)).toEqual(['MENTION']);
  });

  it('streams the unread count and the newest notification to the signed-in person, live', async () => {
    const reader = await api.signedIn(PlatformRole.Member, { displayName: 'Liv Live' });
    const replier = await api.signedIn(PlatformRole.Member, { displayName: 'Ray Replier' });
    const guild = await community('Live Wire', 'OPEN', [reader, replier]);
    const threadId = await thread(reader, guild.id, 'Is this live?');
    const before = await unreadOf(reader);

    type Change = { notificationsChanged: { unreadCount: number; notification: { kind: string; summary: string } | null } };
    const ws = connectWs(api.url, { cookie: reader.client.cookieHeader, origin: TEST_ORIGIN });
    const changes = ws.client.iterate<Change>({ query: `subscription { notificationsChanged { unreadCount notification { kind summary } } }` });
    const next = async () => ((await changes.next()).value as { data: Change }).data.notificationsChanged;
    // First what is true now.
    await expect(next()).resolves.toEqual({ unreadCount: before, notification: null });

    await reply(replier, threadId, 'Yes it is.');
    await expect(next()).resolves.toEqual({ unreadCount: before + 1, notification: { kind: 'THREAD_REPLY', summary: 'Ray Replier replied to your thread “Is this live?”' } });
    // Read in another tab: this one hears it too.
    await reader.client.data(MARK_ALL_READ);
    await expect(next()).resolves.toEqual({ unreadCount: 0, notification: null });

    const stream = api.app.get<EventStream>(EventStream);
    const watching = stream.size.watchers;
    await changes.return?.();
    await ws.dispose();
    while (stream.size.watchers >= watching) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('tells nobody of a held reply until a moderator approves it; its author hears it is waiting, then the outcome', async () => {
    const ADOPT = `mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id } }`;
    const SAVE = `mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version } }`;
    const ACTIVATE_VERSION = `mutation ($policyId: ID!, $version: Int!) { activateModerationPolicyVersion(policyId: $policyId, version: $version) { activeVersion } }`;
    const QUEUE = `query ($id: ID) { moderationQueue(communityId: $id) { edges { node { id contentId } } } }`;
    const REVIEW = `mutation ($input: ReviewItemInput!) { reviewModerationItem(input: $input) { status } }`;
    const asker = await api.signedIn(PlatformRole.Member, { displayName: 'Ada Asker' });
    const poster = await api.signedIn(PlatformRole.Member, { displayName: 'Zed Zeppelin' });
    const follower = await api.signedIn(PlatformRole.Member, { displayName: 'Fin Follower' });
    const guild = await community('Airship Club', 'OPEN', [asker, poster, follower]);
    const policyId = (await manager.client.data<{ adoptModerationPolicy: { id: string } }>(ADOPT, { id: guild.id })).adoptModerationPolicy.id;
    await manager.client.data(SAVE, { input: { policyId, rules: [{ id: 'airships', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Airship talk is checked first.', terms: ['dirigible'] }] } });
    await manager.client.data(ACTIVATE_VERSION, { policyId, version: 2 });
    const threadId = await thread(asker, guild.id, 'Favourite aircraft');
    await follower.client.data(FOLLOW, { id: threadId });

    const held = await reply(poster, threadId, `A dirigible, obviously. ${mention('Fin Follower', follower)}?`);
    expect(held.moderationState).toBe('HELD');
    expect((await notificationsOf(asker)).filter((n) => n.target.id === held.id)).toEqual([]);
    expect((await notificationsOf(follower)).filter((n) => n.target.id === held.id)).toEqual([]);
    expect((await notificationsOf(poster)).map((n) => [n.kind, n.target.id, n.summary])).toContainEqual(['CONTENT_HELD', held.id, "Your reply in Airship Club is waiting for a moderator's review"]);

    const item = (await manager.client.data<{ moderationQueue: { edges: Array<{ node: { id: string; contentId: string } }> } }>(QUEUE, { id: guild.id })).moderationQueue.edges.find(
      (e) => e.node.contentId === held.id,
    );
    await manager.client.data(REVIEW, { input: { itemId: item?.node.id, action: 'APPROVE' } });
    expect((await notificationsOf(asker)).filter((n) => n.target.id === held.id).map((n) => n.kind)).toEqual(['THREAD_REPLY']);
    expect((await notificationsOf(follower)).filter((n) => n.target.id === held.id).map((n) => n.kind)).toEqual(['MENTION']);
    const notice = (await notificationsOf(poster)).find((n) => n.kind === 'MODERATION_NOTICE');
    expect(notice).toMatchObject({ target: { kind: 'MODERATION_NOTICE', path: '/notices', status: 'CONTENT_APPROVED' } });
    expect(notice?.summary).toMatch(/^Your reply ".*" was approved and is now visible\.$/u);
  });

  it('tells people of invitations, requests to join and their decisions, accepted answers and comments on their blog posts', async () => {
    const asker = await api.signedIn(PlatformRole.Member, { displayName: 'Quinn Question' });
    const expert = await api.signedIn(PlatformRole.Member, { displayName: 'Eve Expert' });
    const hopeful = await api.signedIn(PlatformRole.Member, { displayName: 'Hope Fulton' });
    const room = await community('Experts Lounge', 'PRIVATE', [asker, expert]);

    await hopeful.client.data(`mutation ($input: RequestToJoinInput!) { requestToJoinCommunity(input: $input) { id } }`, { input: { communityId: room.id, message: 'Please?' } });
    const request = (await notificationsOf(manager)).find((n) => n.kind === 'JOIN_REQUESTED' && n.actors[0]?.id === hopeful.account.id);
    expect(request).toMatchObject({ summary: 'Hope Fulton asked to join Experts Lounge', target: { kind: 'JOIN_REQUEST', path: `/communities/${room.slug}/manage`, status: 'PENDING' } });
    await manager.client.data(`mutation ($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { id } }`, { input: { requestId: request?.target.id, approve: true } });
    expect((await notificationsOf(hopeful)).map((n) => [n.kind, n.summary, n.target.path])).toContainEqual([
      'JOIN_REQUEST_APPROVED',
      'Your request to join Experts Lounge was approved',
      `/communities/${room.slug}`,
    ]);

    const question = await thread(asker, room.id, 'Which index?', { kind: 'QUESTION' });
    const answer = await reply(expert, question, 'A partial one.');
    await manager.client.data(`mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { id } }`, { input: { threadId: question, replyId: answer.id } });
    expect((await notificationsOf(expert)).filter((n) => n.target.id === answer.id).map((n) => n.summary)).toEqual(['Mia Manager accepted your answer in “Which index?”']);
    expect((await notificationsOf(asker)).filter((n) => n.kind === 'QUESTION_ANSWERED').map((n) => n.summary)).toEqual(['Mia Manager accepted an answer to your question “Which index?”']);

    const { createBlogPost } = await manager.client.data<{ createBlogPost: { id: string } }>(
      `mutation ($input: CreateBlogPostInput!) { createBlogPost(input: $input) { id } }`,
      { input: { communityId: room.id, title: 'Our indexing guide', body: 'Start with the queries.', excerpt: 'How we index.' } },
    );
    await manager.client.data(`mutation ($input: PublishBlogPostInput!) { publishBlogPost(input: $input) { id } }`, { input: { postId: createBlogPost.id } });
    await expert.client.data(`mutation ($input: BlogCommentInput!) { commentOnBlogPost(input: $input) { id } }`, { input: { postId: createBlogPost.id, body: 'Very useful.' } });
    expect((await notificationsOf(manager)).filter((n) => n.kind === 'BLOG_COMMENT').map((n) => [n.summary, n.target.path])).toEqual([
      ['Eve Expert commented on your blog post “Our indexing guide”', expect.stringMatching(new RegExp(`^/communities/${room.slug}/blog/`, 'u'))],
    ]);
  });

  it('writes a weekly digest of unread notifications, escaped for HTML, to the e-mail table (log transport)', async () => {
    const reader = await api.signedIn(PlatformRole.Member, { displayName: 'Dora Digest' });
    const writer = await api.signedIn(PlatformRole.Member, { displayName: 'Walt <b>Writer</b>' });
    const guild = await community('Digest Den', 'OPEN', [reader, writer]);
    await expect(reader.client.data(PREFERENCES, { input: { emailDigest: 'WEEKLY' } })).resolves.toMatchObject({ updateNotificationPreferences: { emailDigest: 'WEEKLY' } });
    const threadId = await thread(reader, guild.id, 'Tom & Jerry <script>alert(1)</script>');
    await reply(writer, threadId, 'Classic.');
    await settled();

    const digests = api.app.get<EmailDigests>(EmailDigests);
    // Not due yet: the first weekly digest comes a week after choosing it.
    await digests.sendDue(new Date());
    const none: Array<{ count: number }> = await api.dataSource.query('SELECT count(*)::int AS count FROM notification_emails WHERE recipient_id = $1', [reader.account.id]);
    expect(none[0].count).toBe(0);

    await expect(digests.sendDue(new Date(Date.now() + 8 * 24 * 3_600_000))).resolves.toBeGreaterThanOrEqual(1);
    const emails: Array<{ to_address: string; subject: string; body_html: string; body_text: string; transport: string; sent_at: Date | null }> = await api.dataSource.query(
      'SELECT to_address, subject, body_html, body_text, transport, sent_at FROM notification_emails WHERE recipient_id = $1',
      [reader.account.id],
    );
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email).toMatchObject({ to_address: reader.account.email, subject: 'Your weekly Commons digest: 1 unread notification', transport: 'log' });
    expect(email.sent_at).not.toBeNull();
    expect(email.body_html).toContain('Walt &lt;b&gt;Writer&lt;/b&gt; replied to your thread “Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;”');
    expect(email.body_html).not.toContain('<script>');
    expect(email.body_html).not.toContain('<b>Writer');
    expect(email.body_html).toContain(`/communities/${guild.slug}/forum/threads/${threadId}#reply-`);
    expect(email.body_text).toContain('Walt <b>Writer</b> replied to your thread “Tom & Jerry <script>alert(1)</script>”');

    // Covered now: the next run a week on has nothing new to tell.
    await digests.sendDue(new Date(Date.now() + 16 * 24 * 3_600_000));
    const again: Array<{ count: number }> = await api.dataSource.query('SELECT count(*)::int AS count FROM notification_emails WHERE recipient_id = $1', [reader.account.id]);
    expect(again[0].count).toBe(1);
  });

  it('chooses recipients by the communities’ own reading rule: its SQL answers as the rule does for every kind of person and community', async () => {
    const setups: Array<[string, PlatformRole, Audience]> = [
      ['member', PlatformRole.Member, Audience.Employee],
      ['outsider', PlatformRole.Member, Audience.Employee],
      ['banned', PlatformRole.Member, Audience.Employee],
      ['customerMember', PlatformRole.Member, Audience.Customer],
      ['customer', PlatformRole.Member, Audience.Customer],
      ['admin', PlatformRole.Admin, Audience.Employee],
    ];
    const people: Array<{ name: string; viewer: Viewer }> = [];
    for (const [name, role, audience] of setups) {
      const { account } = await api.signedIn(role, { audience });
      people.push({ name, viewer: { accountId: account.id, sessionId: 'matrix', role, audience } });
    }
    const idOf = (name: string) => (people.find((p) => p.name === name) as { viewer: Viewer }).viewer.accountId;
    const communities: Array<{ id: string; key: string }> = [];
    await api.dataSource.transaction(async (tx) => {
      for (const visibility of ['OPEN', 'PRIVATE', 'SECRET']) {
        for (const audience of ['EMPLOYEE', 'CUSTOMER']) {
          for (const lifecycle of ['DRAFT', 'PILOT', 'ACTIVE', 'ARCHIVED']) {
            const id = uuidv7();
            const key = `${visibility}/${audience}/${lifecycle}`;
            communities.push({ id, key });
            await tx.query(
              `INSERT INTO communities (id, slug, name, sort_name, audiences, visibility, intent, use_cases, lifecycle, owner_id, created_at, updated_at)
               VALUES ($1, $2, $3, lower($3), $4::audience[], $5, 'COLLABORATION', '{FORUMS}', $6, $7, now(), now())`,
              [id, `readers-${key.toLowerCase().replace(/\//gu, '-')}`, `Readers ${key}`, [audience], visibility, lifecycle, manager.account.id],
            );
            for (const name of ['member', 'banned', 'customerMember']) {
              await tx.query(`INSERT INTO community_memberships (community_id, account_id, role, joined_at) VALUES ($1, $2, 'MEMBER', now())`, [id, idOf(name)]);
            }
            await tx.query(`INSERT INTO community_bans (id, community_id, account_id, reason, banned_by_id, created_at) VALUES ($1, $2, $3, 'matrix', $4, now())`, [
              uuidv7(),
              id,
              idOf('banned'),
              manager.account.id,
            ]);
          }
        }
      }
    });
    const authorization = api.app.get<AuthorizationService>(AuthorizationService);
    const access = api.app.get<CommunityAccessService>(CommunityAccessService);
    const ids = communities.map((c) => c.id);
    const mismatches: string[] = [];
    for (const { name, viewer } of people) {
      const facts = await access.factsMany(viewer, ids);
      const rows: Array<{ id: string }> = await api.dataSource.query(
        `SELECT c.id FROM accounts a CROSS JOIN communities c WHERE a.id = $1 AND c.id = ANY($2::uuid[]) AND ${READS_COMMUNITY_SQL}`,
        [viewer.accountId, ids],
      );
      const bySql = new Set(rows.map((r) => r.id));
      for (const community of communities) {
        const byRule = authorization.can(viewer, CommunityAction.ReadContent, { access: facts.get(community.id) });
        if (byRule !== bySql.has(community.id)) mismatches.push(`${name} ${community.key}: the rule says ${byRule ? 'reads' : 'does not read'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
