import { Audience, PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { ThreadViews } from '@commons/server-forums';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id kind title bodyHtml tags version categoryId author { displayName } } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id bodyHtml author { id } } }`;
const ACCEPT = `mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { acceptedReplyId resolvedAt firstResponseAt } }`;
const THREAD = `query ($id: ID!) {
  thread(id: $id) {
    id title bodyHtml kind locked pinned replyCount acceptedReplyId firstResponseAt resolvedAt editedAt deleted version
    author { id displayName initials }
    reactions { kind count mine }
    viewerCan { reply edit delete accept moderate }
    replies(first: 20) { edges { node { id bodyHtml deleted editedAt author { displayName } replyTo { authorName excerpt } reactions { kind count mine } viewerCan { edit delete } } } pageInfo { hasNextPage endCursor } }
  }
}`;

type Id = { id: string };

describe('forums', () => {
  let api: TestApp;
  let manager: { client: GraphqlClient; account: Id };
  let asker: { client: GraphqlClient; account: Id };
  let colleague: { client: GraphqlClient; account: Id };
  let communityId: string;

  beforeAll(async () => {
    api = await startTestApp();
    manager = await api.signedIn();
    asker = await api.signedIn(PlatformRole.Member, { displayName: 'Quinn Asker' });
    colleague = await api.signedIn(PlatformRole.Member, { displayName: 'Cole Colleague' });
    const { createCommunity } = await manager.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Platform Help', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
    });
    communityId = createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    await asker.client.data(JOIN, { id: communityId });
    await colleague.client.data(JOIN, { id: communityId });
  });
  afterAll(() => api.close());

  const ask = async (title = 'How do I rotate the API keys?') =>
    (
      await asker.client.data<{ createThread: Id & { version: number } }>(ASK, {
        input: { communityId, kind: 'QUESTION', title, body: 'Our keys expire **monthly**. <script>alert(1)</script>', tags: ['#Security', 'API keys'] },
      })
    ).createThread;

  it('asks, answers and accepts: both see the answer marked, with response and resolution times', async () => {
    const { createThread } = await asker.client.data<{ createThread: Record<string, unknown> }>(ASK, {
      input: { communityId, kind: 'QUESTION', title: 'Where are the deploy logs?', body: 'Looking for **yesterday**. <img src=x onerror=alert(1)>', tags: ['#Deploys', 'Logs'] },
    });
    expect(createThread).toMatchObject({ kind: 'QUESTION', tags: ['deploys', 'logs'], version: 1, author: { displayName: 'Quinn Asker' } });
    expect(createThread['bodyHtml']).toContain('<strong>yesterday</strong>');
    expect(createThread['bodyHtml']).not.toMatch(/<img/u);
    const threadId = createThread['id'] as string;

    const { replyToThread } = await colleague.client.data<{ replyToThread: Id & { bodyHtml: string } }>(REPLY, { input: { threadId, body: 'In the **ops** dashboard, see #Deploys.' } });
    // An inline #tag links to the forum's page of that tag.
    expect(replyToThread.bodyHtml).toContain('see <a href="/communities/platform-help/forum/tags/deploys" rel="nofollow noopener ugc">#Deploys</a>.');
    await expect(colleague.client.errorCode(ACCEPT, { input: { threadId, replyId: replyToThread.id } })).resolves.toBe('FORBIDDEN');
    const { acceptAnswer } = await asker.client.data<{ acceptAnswer: { acceptedReplyId: string; resolvedAt: string; firstResponseAt: string } }>(ACCEPT, {
      input: { threadId, replyId: replyToThread.id },
    });
    expect(acceptAnswer.acceptedReplyId).toBe(replyToThread.id);
    expect(acceptAnswer.firstResponseAt).toEqual(expect.any(String));
    expect(acceptAnswer.resolvedAt).toEqual(expect.any(String));
    for (const client of [asker.client, colleague.client]) {
      const { thread } = await client.data<{ thread: { acceptedReplyId: string; replyCount: number } }>(THREAD, { id: threadId });
      expect(thread).toMatchObject({ acceptedReplyId: replyToThread.id, replyCount: 1 });
    }
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const [{ before }] = await api.dataSource.query('SELECT count(*)::int AS before FROM forum_threads');
    await expect(asker.client.errorCode(ASK, { input: { communityId, title: '', body: 'x' } })).resolves.toBe('BAD_USER_INPUT');
    await expect(asker.client.errorCode(ASK, { input: { communityId, title: 'x'.repeat(201), body: 'x' } })).resolves.toBe('BAD_USER_INPUT');
    await expect(asker.client.errorCode(ASK, { input: { communityId, title: 'Long', body: 'x'.repeat(50_001) } })).resolves.toBe('BAD_USER_INPUT');
    await expect(asker.client.errorCode(ASK, { input: { communityId, title: 'Tags', body: 'x', tags: ['###'] } })).resolves.toBe('BAD_USER_INPUT');
    const [{ after }] = await api.dataSource.query('SELECT count(*)::int AS after FROM forum_threads');
    expect(after).toBe(before);

    // An answer from another thread cannot be accepted.
    const first = await ask('First question');
    const second = await ask('Second question');
    const { replyToThread } = await colleague.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: second.id, body: 'Answer to the second.' } });
    const wrong = await asker.client.request(ACCEPT, { input: { threadId: first.id, replyId: replyToThread.id } });
    expect(wrong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'replyId' }] });
  });

  it('refuses replies to a locked thread with a reason, and only moderators lock', async () => {
    const thread = await ask('Locked soon');
    const LOCK = `mutation ($id: ID!, $locked: Boolean!) { lockThread(threadId: $id, locked: $locked) { locked } }`;
    await expect(asker.client.errorCode(LOCK, { id: thread.id, locked: true })).resolves.toBe('FORBIDDEN');
    await manager.client.data(LOCK, { id: thread.id, locked: true });
    const refused = await colleague.client.request(REPLY, { input: { threadId: thread.id, body: 'Too late?' } });
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/locked/u) });
  });

  it('checks the version on edits, keeps the history for moderators, and shows "edited" to all', async () => {
    const thread = await ask('Versioned');
    const EDIT = `mutation ($input: EditThreadInput!) { editThread(input: $input) { version title editedAt } }`;
    const { editThread } = await asker.client.data<{ editThread: { version: number; editedAt: string } }>(EDIT, {
      input: { threadId: thread.id, version: 1, title: 'Versioned, clearer' },
    });
    expect(editThread).toMatchObject({ version: 2, editedAt: expect.any(String) });
    // A second editor who started from version 1 does not overwrite silently.
    await expect(asker.client.errorCode(EDIT, { input: { threadId: thread.id, version: 1, title: 'Stale' } })).resolves.toBe('CONFLICT');
    await expect(colleague.client.errorCode(EDIT, { input: { threadId: thread.id, version: 2, title: 'Not mine' } })).resolves.toBe('FORBIDDEN');

    const HISTORY = `query ($id: ID!) { thread(id: $id) { revisions { version title } } }`;
    await expect(colleague.client.data(HISTORY, { id: thread.id })).resolves.toEqual({ thread: { revisions: null } });
    await expect(manager.client.data(HISTORY, { id: thread.id })).resolves.toEqual({
      thread: { revisions: [{ version: 1, title: 'Versioned' }] },
    });
  });

  it('deletes as a tombstone without taking other people’s replies along', async () => {
    const thread = await ask('To be removed');
    const { replyToThread: answer } = await colleague.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: thread.id, body: 'My answer stays.' } });
    const { replyToThread: quoting } = await asker.client.data<{ replyToThread: Id }>(REPLY, {
      input: { threadId: thread.id, body: 'Thanks!', replyToId: answer.id },
    });
    await asker.client.data(`mutation ($id: ID!) { deleteThread(threadId: $id) { deleted } }`, { id: thread.id });
    await asker.client.data(`mutation ($id: ID!) { deleteReply(replyId: $id) { deleted } }`, { id: quoting.id });
    const { thread: seen } = await colleague.client.data<{ thread: { deleted: boolean; title: string; author: unknown; replies: { edges: Array<{ node: { id: string; deleted: boolean; bodyHtml: string } }> } } }>(
      THREAD,
      { id: thread.id },
    );
    expect(seen).toMatchObject({ deleted: true, title: 'Removed by its author', author: null });
    expect(seen.replies.edges.map((e) => [e.node.id, e.node.deleted])).toEqual([
      [answer.id, false],
      [quoting.id, true],
    ]);
    expect(seen.replies.edges[1].node.bodyHtml).not.toContain('Thanks');
  });

  it('counts one reaction of each kind per person', async () => {
    const thread = await ask('React to me');
    const REACT = `mutation ($input: ReactInput!) { react(input: $input) { kind count mine } }`;
    await colleague.client.data(REACT, { input: { targetId: thread.id, kind: 'HELPFUL', on: true } });
    await colleague.client.data(REACT, { input: { targetId: thread.id, kind: 'HELPFUL', on: true } });
    const { react } = await manager.client.data<{ react: unknown }>(REACT, { input: { targetId: thread.id, kind: 'HELPFUL', on: true } });
    expect(react).toEqual([{ kind: 'HELPFUL', count: 2, mine: true }]);
    const { react: after } = await colleague.client.data<{ react: unknown }>(REACT, { input: { targetId: thread.id, kind: 'HELPFUL', on: false } });
    expect(after).toEqual([{ kind: 'HELPFUL', count: 1, mine: false }]);
  });

  it('hides the forum of a private community from non-members as NOT_FOUND', async () => {
    const { createCommunity } = await manager.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Private Help', audiences: ['EMPLOYEE'], visibility: 'PRIVATE', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    });
    await manager.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    const { createThread } = await manager.client.data<{ createThread: Id }>(ASK, { input: { communityId: createCommunity.id, title: 'Members only', body: 'Secret plans.' } });
    await expect(colleague.client.errorCode(THREAD, { id: createThread.id })).resolves.toBe('NOT_FOUND');
    await expect(colleague.client.errorCode(`query ($id: ID!) { threads(communityId: $id) { edges { node { id } } } }`, { id: createCommunity.id })).resolves.toBe(
      'NOT_FOUND',
    );
    await expect(colleague.client.errorCode(REPLY, { input: { threadId: createThread.id, body: 'Let me in' } })).resolves.toBe('NOT_FOUND');
  });

  it('lists unanswered and unresolved questions, pinned first', async () => {
    const LIST = `query ($id: ID!, $filter: ThreadFilter) { threads(communityId: $id, first: 100, filter: $filter) { edges { node { id title pinned } } } }`;
    const open = await ask('Nobody answered me');
    const titles = async (filter: Record<string, unknown>) =>
      (await asker.client.data<{ threads: { edges: Array<{ node: { id: string } }> } }>(LIST, { id: communityId, filter })).threads.edges.map((e) => e.node.id);
    expect(await titles({ unanswered: true })).toContain(open.id);
    expect(await titles({ unresolved: true })).toContain(open.id);
    await manager.client.data(`mutation ($id: ID!) { pinThread(threadId: $id, pinned: true) { pinned } }`, { id: open.id });
    const all = await titles({});
    expect(all[0]).toBe(open.id);
    expect(await titles({ tag: 'security' })).toContain(open.id);
  });

  it('serves a thread page with 20 replies, authors, quotes and reactions in 4 SQL statements', async () => {
    const thread = await ask('Busy thread');
    let previous: string | undefined;
    for (let i = 0; i < 25; i++) {
      const who = i % 2 === 0 ? colleague : asker;
      const { replyToThread } = await who.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: thread.id, body: `Reply ${i}`, replyToId: previous } });
      previous = replyToThread.id;
      await manager.client.data(`mutation ($input: ReactInput!) { react(input: $input) { count } }`, { input: { targetId: previous, kind: 'LIKE', on: true } });
    }
    const reader = await api.signedIn();
    // Views read so far are written now, so their timed flush does not land in the count.
    await api.app.get<ThreadViews>(ThreadViews).flush();
    const { result, statements } = await api.statements.measure(() => reader.client.data<{ thread: { replies: { edges: unknown[] } } }>(THREAD, { id: thread.id }));
    expect(result.thread.replies.edges).toHaveLength(20);
    // The session check, the thread with its author and reactions, the viewer's access facts,
    // the replies with authors, quotes and reactions.
    expect(statements).toBe(4);
  });
});

describe('search', () => {
  let api: TestApp;
  let member: { client: GraphqlClient; account: Id };
  let outsider: { client: GraphqlClient; account: Id };
  let openId: string;
  const SEARCH = `query ($query: String!, $filter: SearchFilter, $after: String, $first: Int!) {
    search(query: $query, filter: $filter, first: $first, after: $after) {
      edges { cursor node { kind id threadId communityName titleHtml snippetHtml author { displayName } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  type Hits = { search: { edges: Array<{ node: { kind: string; id: string; threadId: string; titleHtml: string; snippetHtml: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };

  beforeAll(async () => {
    api = await startTestApp();
    member = await api.signedIn();
    outsider = await api.signedIn();
    const community = async (name: string, visibility: string) => {
      const { createCommunity } = await member.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
        input: { name, audiences: ['EMPLOYEE'], visibility, intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
      });
      await member.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
      return createCommunity.id;
    };
    openId = await community('Open Search', 'OPEN');
    const privateId = await community('Private Search', 'PRIVATE');
    const post = (communityId: string, title: string, body: string, kind = 'DISCUSSION') =>
      member.client.data<{ createThread: Id }>(ASK, { input: { communityId, title, body, kind, tags: ['kubernetes'] } });
    const { createThread } = await post(openId, 'Kubernetes upgrade checklist', 'Drain the nodes first, then upgrade the control plane. <script>alert(1)</script>', 'QUESTION');
    await member.client.data(REPLY, { input: { threadId: createThread.id, body: 'Remember the kubernetes pod disruption budgets.' } });
    await post(privateId, 'Kubernetes cost secrets', 'Our confidential kubernetes spend.');
    for (let i = 0; i < 5; i++) await post(openId, `Paging thread ${i}`, `paginationword number ${i}`);
  });
  afterAll(() => api.close());

  it('finds threads and replies with highlighted, escaped titles and snippets', async () => {
    const { search } = await member.client.data<Hits>(SEARCH, { query: 'kubernetes upgrade', first: 20 });
    const thread = search.edges.find((e) => e.node.kind === 'THREAD')?.node;
    expect(thread?.titleHtml).toBe('<mark>Kubernetes</mark> <mark>upgrade</mark> checklist');
    expect(thread?.snippetHtml).toContain('<mark>upgrade</mark>');
    expect(thread?.snippetHtml).not.toMatch(/<script/u);
    const reply = await member.client.data<Hits>(SEARCH, { query: 'disruption', first: 20 });
    expect(reply.search.edges.map((e) => [e.node.kind, e.node.threadId])).toEqual([['REPLY', thread?.id]]);
  });

  it('never shows a non-member titles, snippets or counts from a private community', async () => {
    const mine = await member.client.data<Hits>(SEARCH, { query: 'kubernetes', first: 20 });
    const theirs = await outsider.client.data<Hits>(SEARCH, { query: 'kubernetes', first: 20 });
    expect(mine.search.edges.map((e) => e.node.titleHtml).join(' ')).toContain('secrets');
    expect(theirs.search.edges.map((e) => e.node.titleHtml).join(' ')).not.toContain('secrets');
    const confidential = await outsider.client.data<Hits>(SEARCH, { query: 'confidential', first: 20 });
    expect(confidential.search.edges).toEqual([]);
  });

  it('filters by community, kind, tag and answered state, and pages by keyset', async () => {
    const threadsOnly = await member.client.data<Hits>(SEARCH, { query: 'kubernetes', first: 20, filter: { kind: 'THREAD', communityId: openId, tag: '#Kubernetes' } });
    expect(threadsOnly.search.edges).toHaveLength(1);
    const unanswered = await member.client.data<Hits>(SEARCH, { query: 'kubernetes', first: 20, filter: { answered: false, kind: 'THREAD' } });
    expect(unanswered.search.edges.map((e) => e.node.titleHtml)).toEqual(['<mark>Kubernetes</mark> upgrade checklist']);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Hits = await member.client.data<Hits>(SEARCH, { query: 'paginationword', first: 2, after });
      seen.push(...page.search.edges.map((e) => e.node.id));
      after = page.search.pageInfo.hasNextPage ? page.search.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('honours "phrases", OR and -excluded words, alone or together', async () => {
    const titles = async (query: string) =>
      (await member.client.data<Hits>(SEARCH, { query, first: 20, filter: { kind: 'THREAD', communityId: openId } })).search.edges.map((e) => e.node.titleHtml.replace(/<\/?mark>/gu, ''));
    expect(await titles('"upgrade checklist"')).toEqual(['Kubernetes upgrade checklist']);
    expect(await titles('"checklist upgrade"')).toEqual([]);
    expect(await titles('kubernetes -drain')).toEqual([]);
    expect(await titles('kubernetes -kubernetes')).toEqual([]);
    expect(await titles('"paginationword number" -kubernetes')).toHaveLength(5);
    expect(await titles('paginationword OR checklist')).toHaveLength(6);
    // Only exclusions: everything readable without the word.
    expect(await titles('-paginationword')).toEqual(['Kubernetes upgrade checklist']);
  });

  it('answers an empty result for words nobody wrote, and BAD_USER_INPUT for an empty query', async () => {
    await expect(member.client.data<Hits>(SEARCH, { query: 'zyxwvutsrq', first: 20 })).resolves.toMatchObject({ search: { edges: [] } });
    await expect(member.client.errorCode(SEARCH, { query: '   ', first: 20 })).resolves.toBe('BAD_USER_INPUT');
  });
});

describe('thread views', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('counts unique viewers per day, buffered and written in one flush', async () => {
    const author = await api.signedIn();
    const { createCommunity } = await author.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Viewed', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    });
    await author.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    const { createThread } = await author.client.data<{ createThread: Id }>(ASK, { input: { communityId: createCommunity.id, title: 'Popular', body: 'Read me.' } });
    const reader = await api.signedIn();
    const views = api.app.get<ThreadViews>(ThreadViews);
    const VIEWS = `query ($id: ID!) { thread(id: $id) { viewCount } }`;
    // Reading does not write: the counter moves only when the buffer is flushed.
    const { statements } = await api.statements.measure(async () => {
      for (let i = 0; i < 3; i++) await reader.client.data(VIEWS, { id: createThread.id });
    });
    await author.client.data(VIEWS, { id: createThread.id });
    expect(statements).toBe(3 * 3);
    await expect(views.flush()).resolves.toBe(2);
    await reader.client.data(VIEWS, { id: createThread.id });
    await expect(views.flush()).resolves.toBe(0);
    await expect(author.client.data(VIEWS, { id: createThread.id })).resolves.toEqual({ thread: { viewCount: 2 } });
  });
});

describe('mentions', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('links only people who may read the post, and suggests only them', async () => {
    const author = await api.signedIn(PlatformRole.Member, { displayName: 'Mira Manager' });
    const insider = await api.signedIn(PlatformRole.Member, { displayName: 'Ines Insider' });
    const outsider = await api.signedIn(PlatformRole.Member, { displayName: 'Ines Outsider' });
    const { createCommunity } = await author.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Closed Room', audiences: ['EMPLOYEE'], visibility: 'PRIVATE', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    });
    const communityId = createCommunity.id;
    await author.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    await author.client.data(`mutation ($input: InviteToCommunityInput!) { inviteToCommunity(input: $input) { id } }`, {
      input: { communityId, accountId: insider.account.id },
    });
    await insider.client.data(JOIN, { id: communityId });

    const { mentionCandidates } = await author.client.data<{ mentionCandidates: Array<{ displayName: string }> }>(
      `query ($id: ID!) { mentionCandidates(communityId: $id, search: "ines") { displayName } }`,
      { id: communityId },
    );
    expect(mentionCandidates.map((c) => c.displayName)).toEqual(['Ines Insider']);

    const body = `Thoughts, @[Ines Insider](mention:${insider.account.id}) and @[Ines Outsider](mention:${outsider.account.id})?`;
    const { createThread } = await author.client.data<{ createThread: { id: string; bodyHtml: string } }>(ASK, { input: { communityId, title: 'Mentions', body } });
    expect(createThread.bodyHtml).toContain(`<a href="/people/${insider.account.id}" rel="nofollow noopener ugc">@Ines Insider</a>`);
    expect(createThread.bodyHtml).toContain('@Ines Outsider');
    expect(createThread.bodyHtml).not.toContain(outsider.account.id);
    const recorded: Array<{ account_id: string }> = await api.dataSource.query('SELECT account_id FROM content_mentions WHERE content_id = $1', [createThread.id]);
    expect(recorded.map((r) => r.account_id)).toEqual([insider.account.id]);
  });
});

describe('following', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('records follows of threads, categories and tags and shows them back', async () => {
    const person = await api.signedIn();
    const { createCommunity } = await person.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Followed', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    });
    const communityId = createCommunity.id;
    await person.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    const { createThread } = await person.client.data<{ createThread: Id & { categoryId: string } }>(ASK, { input: { communityId, title: 'Follow me', body: 'x' } });
    await person.client.data(`mutation ($id: ID!) { followThread(threadId: $id, follow: true) }`, { id: createThread.id });
    await person.client.data(`mutation ($id: ID!) { followForumCategory(categoryId: $id, follow: true) }`, { id: createThread.categoryId });
    await person.client.data(`mutation ($id: ID!) { followTag(communityId: $id, tag: "#Release Notes", follow: true) }`, { id: communityId });
    const seen = await person.client.data<{ thread: { viewerFollows: boolean }; forumCategories: Array<{ viewerFollows: boolean }>; followedTags: string[] }>(
      `query ($t: ID!, $c: ID!) { thread(id: $t) { viewerFollows } forumCategories(communityId: $c) { viewerFollows } followedTags(communityId: $c) }`,
      { t: createThread.id, c: communityId },
    );
    expect(seen).toEqual({ thread: { viewerFollows: true }, forumCategories: [{ viewerFollows: true }], followedTags: ['release-notes'] });
  });
});

describe('tag suggestions', () => {
  const TAGS = `query ($id: ID!, $prefix: String, $first: Int) { communityTags(communityId: $id, prefix: $prefix, first: $first) { tag count } }`;
  let api: TestApp;
  let owner: { client: GraphqlClient; account: Id };
  let communityId: string;

  const community = async (name: string, visibility: 'OPEN' | 'PRIVATE' | 'SECRET', audiences = ['EMPLOYEE']) => {
    const { createCommunity } = await owner.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name, audiences, visibility, intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
    });
    await owner.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    return createCommunity.id;
  };
  const post = async (id: string, tags: string[]) =>
    (await owner.client.data<{ createThread: Id }>(ASK, { input: { communityId: id, title: `About ${tags.join(', ')}`, body: 'x', tags } })).createThread;

  beforeAll(async () => {
    api = await startTestApp();
    owner = await api.signedIn(PlatformRole.Member, { displayName: 'Tara Tagger' });
    communityId = await community('Data Guild', 'OPEN');
    await post(communityId, ['#Databases', 'Data Pipelines']);
    await post(communityId, ['databases', 'deploys']);
    await post(communityId, ['databases', 'Big Data']);
    await post(communityId, ['Café Ops', 'deploys']);
    // A deleted thread's tags are not suggested.
    const gone = await post(communityId, ['data-gone']);
    await owner.client.data(`mutation ($id: ID!) { deleteThread(threadId: $id) { deleted } }`, { id: gone.id });
  });
  afterAll(() => api.close());

  it("suggests a community's tags most used first, prefix matches before word matches, normalised like tags", async () => {
    const reader = await api.signedIn();
    const tags = async (prefix: string | null, first?: number) =>
      (await reader.client.data<{ communityTags: Array<{ tag: string; count: number }> }>(TAGS, { id: communityId, prefix, first })).communityTags;

    await expect(tags(null)).resolves.toEqual([
      { tag: 'databases', count: 3 },
      { tag: 'deploys', count: 2 },
      { tag: 'big-data', count: 1 },
      { tag: 'café-ops', count: 1 },
      { tag: 'data-pipelines', count: 1 },
    ]);
    await expect(tags('#Data')).resolves.toEqual([
      { tag: 'databases', count: 3 },
      { tag: 'data-pipelines', count: 1 },
      { tag: 'big-data', count: 1 },
    ]);
    await expect(tags('#Data', 1)).resolves.toEqual([{ tag: 'databases', count: 3 }]);
    // Unicode-aware: "CAFÉ" and "café" are the same tag; a prefix of only symbols means no prefix.
    await expect(tags('CAFÉ')).resolves.toEqual([{ tag: 'café-ops', count: 1 }]);
    await expect(tags('pipe')).resolves.toEqual([{ tag: 'data-pipelines', count: 1 }]);
    await expect(tags('%')).resolves.toHaveLength(5);
    await expect(tags('nothing-like-it')).resolves.toEqual([]);

    for (const first of [0, 51]) await expect(reader.client.errorCode(TAGS, { id: communityId, prefix: 'd', first })).resolves.toBe('BAD_USER_INPUT');
    await expect(api.client().errorCode(TAGS, { id: communityId })).resolves.toBe('UNAUTHENTICATED');
  });

  it('answers in a constant number of SQL statements', async () => {
    const reader = await api.signedIn();
    const { result, statements } = await api.statements.measure(() => reader.client.data<{ communityTags: unknown[] }>(TAGS, { id: communityId, prefix: 'd' }));
    expect(result.communityTags).toHaveLength(4);
    // Session lookup, the viewer's facts about the community, the tags.
    expect(statements).toBeLessThanOrEqual(3);
  });

  it('never shows the tags of a community the viewer may not read, answering NOT_FOUND like a missing one', async () => {
    const secret = await community('Skunkworks', 'SECRET');
    const closed = await community('Closed Circle', 'PRIVATE');
    const customers = await community('Customer Lounge', 'OPEN', ['CUSTOMER']);
    for (const id of [secret, closed, customers]) await post(id, ['project-nightingale']);
    // Customer communities hold a member's first post for review: the owner, their manager, approves it.
    const pending = await owner.client.data<{ moderationQueue: { edges: Array<{ node: { id: string } }> } }>(`query ($id: ID) { moderationQueue(communityId: $id) { edges { node { id } } } }`, { id: customers });
    for (const { node } of pending.moderationQueue.edges) {
      await owner.client.data(`mutation ($input: ReviewItemInput!) { reviewModerationItem(input: $input) { status } }`, { input: { itemId: node.id, action: 'APPROVE' } });
    }

    const outsider = await api.signedIn();
    const customer = await api.signedIn(PlatformRole.Member, { audience: Audience.Customer });
    for (const [client, id] of [
      [outsider.client, secret],
      [outsider.client, closed],
      [customer.client, secret],
      [customer.client, closed],
      [customer.client, communityId],
      [outsider.client, '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      await expect(client.errorCode(TAGS, { id, prefix: 'project' })).resolves.toBe('NOT_FOUND');
    }
    // Where they may read, they see it; the owner (a member) sees it everywhere.
    await expect(customer.client.data(TAGS, { id: customers, prefix: 'project' })).resolves.toEqual({ communityTags: [{ tag: 'project-nightingale', count: 1 }] });
    for (const id of [secret, closed]) {
      await expect(owner.client.data(TAGS, { id, prefix: 'project' })).resolves.toEqual({ communityTags: [{ tag: 'project-nightingale', count: 1 }] });
    }
  });
});
