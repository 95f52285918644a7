import { ListeningScorer } from '@commons/server-analytics';
import { PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const THREAD = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const DELETE_THREAD = `mutation ($id: ID!) { deleteThread(threadId: $id) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`;
const DRAFT = `mutation ($input: CreateBlogPostInput!) { createBlogPost(input: $input) { id } }`;
const PUBLISH = `mutation ($input: PublishBlogPostInput!) { publishBlogPost(input: $input) { state } }`;
const COMMENT = `mutation ($input: BlogCommentInput!) { commentOnBlogPost(input: $input) { id } }`;
const BACKFILL = `mutation ($from: String!, $to: String!) { backfillRollups(from: $from, to: $to) { days queued } }`;
const SERIES = `query ($input: MetricSeriesInput!) { metricSeries(input: $input) { definition { key unit } points { start value numerator denominator suppressed } } }`;
const TERM_LISTS = `{ listeningTermLists { id key name kind terms } }`;
const SAVE_LIST = `mutation ($input: SaveListeningTermListInput!) { saveListeningTermList(input: $input) { id key name kind terms } }`;
const DELETE_LIST = `mutation ($id: ID!) { deleteListeningTermList(id: $id) }`;
const TRENDING = `query ($input: TrendingTopicsInput!) { trendingTopics(input: $input) { asOf weekStarts topics { topic kind count people baseline ratio score spark } } }`;
const FUNNEL = `query ($input: IdeaFunnelInput!) { ideaFunnel(input: $input) { from to ideas suppressed stages { status count reached shareOfIdeas conversion } } }`;

type Id = { id: string };
type Person = { client: GraphqlClient; account: Id };
type Point = { start: string; value: number | null; numerator: number | null; denominator: number | null; suppressed: boolean };
type Topic = { topic: string; kind: string; count: number; people: number; baseline: number; ratio: number | null; score: number; spark: number[] };

const LISTENING_KEYS = ['AVERAGE_SENTIMENT', 'POSITIVE_SHARE', 'NEGATIVE_SHARE', 'OWN_MENTIONS', 'COMPETITOR_MENTIONS', 'SHARE_OF_VOICE', 'CROSS_LINKS'];

/** YYYY-MM-DD, `days` after `day`. */
const plus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const noon = (day: string) => `${day}T12:00:00Z`;

describe('listening', () => {
  let api: TestApp;
  let admin: Person;
  let coe: Person;
  let steering: Person;
  let manager: Person;
  let member: Person;
  let authors: Person[];
  let communityId: string;

  /** A thread written now by `author`, then moved to `at` (as if written then). */
  const thread = async (author: Person, title: string, body: string, tags: string[], at: string) => {
    const { createThread } = await author.client.data<{ createThread: Id }>(THREAD, { input: { communityId, title, body, tags } });
    await api.dataSource.query(`UPDATE forum_threads SET created_at = $2, last_activity_at = $2 WHERE id = $1`, [createThread.id, at]);
    return createThread.id;
  };

  const series = async (client: GraphqlClient, dimension: string, sliceId: string | null, day: string) => {
    const { metricSeries } = await client.data<{ metricSeries: Array<{ definition: { key: string }; points: Point[] }> }>(SERIES, {
      input: { metrics: LISTENING_KEYS, dimension, sliceId, from: day, to: day, bucket: 'DAY' },
    });
    return Object.fromEntries(metricSeries.map((s) => [s.definition.key, s.points[0] as Point]));
  };

  const rollDays = (from: string, to: string) => admin.client.data(BACKFILL, { from, to });

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.signedIn(PlatformRole.Admin);
    coe = await api.signedIn(PlatformRole.Coe, { department: 'Programme' });
    steering = await api.signedIn(PlatformRole.Steering, { department: 'Board' });
    manager = await api.signedIn(PlatformRole.Member, { department: 'Marketing' });
    member = await api.signedIn(PlatformRole.Member, { department: 'Marketing' });
    authors = [];
    for (let i = 0; i < 6; i++) authors.push(await api.signedIn(PlatformRole.Member, { department: i < 3 ? 'Sales' : 'Support' }));
    const { createCommunity } = await manager.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Brand voices', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'BRAND_MANAGEMENT', useCases: ['FORUMS', 'BLOGS'] },
    });
    communityId = createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [member, ...authors]) await person.client.data(JOIN, { id: communityId });
    // Everyone has been here since long before the days the tests look at.
    await api.dataSource.query(`UPDATE accounts SET created_at = '2025-01-01T00:00:00Z'`);
    await api.dataSource.query(`UPDATE community_memberships SET joined_at = '2025-01-01T00:00:00Z'`);
  });
  afterAll(() => api.close());

  it('lets the programme team and admins maintain term lists, the steering committee read them, and no one else', async () => {
    await expect(member.client.errorCode(TERM_LISTS)).resolves.toBe('FORBIDDEN');
    await expect(steering.client.errorCode(SAVE_LIST, { input: { key: 'acme', name: 'Acme', kind: 'OWN', terms: ['Acme'] } })).resolves.toBe('FORBIDDEN');
    await expect(member.client.errorCode(SAVE_LIST, { input: { key: 'acme', name: 'Acme', kind: 'OWN', terms: ['Acme'] } })).resolves.toBe('FORBIDDEN');

    const { saveListeningTermList: own } = await coe.client.data<{ saveListeningTermList: Id & { terms: string[] } }>(SAVE_LIST, {
      input: { key: 'acme', name: 'Acme products', kind: 'OWN', terms: [' Acme ', 'ACME', 'Acme Cloud'] },
    });
    expect(own.terms).toEqual(['Acme', 'Acme Cloud']);
    await admin.client.data(SAVE_LIST, { input: { key: 'globex', name: 'Globex', kind: 'COMPETITOR', terms: ['Globex'] } });

    const duplicate = await coe.client.request(SAVE_LIST, { input: { key: 'acme', name: 'Again', kind: 'OWN', terms: ['Acme'] } });
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'key' }] });
    const noise = await coe.client.request(SAVE_LIST, { input: { key: 'noise', name: 'Noise', kind: 'OWN', terms: ['Fine', 'x'] } });
    expect(noise.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'terms.1' }] });

    const { saveListeningTermList: extra } = await coe.client.data<{ saveListeningTermList: Id }>(SAVE_LIST, { input: { key: 'initech', name: 'Initech', kind: 'COMPETITOR', terms: ['Initech'] } });
    await coe.client.data(SAVE_LIST, { input: { id: extra.id, key: 'initech', name: 'Initech (old)', kind: 'COMPETITOR', terms: ['Initech', 'Initrode'] } });
    await coe.client.data(DELETE_LIST, { id: extra.id });
    await expect(coe.client.errorCode(DELETE_LIST, { id: extra.id })).resolves.toBe('NOT_FOUND');

    const { listeningTermLists } = await steering.client.data<{ listeningTermLists: Array<{ key: string; kind: string; terms: string[] }> }>(TERM_LISTS);
    expect(listeningTermLists.map((l) => [l.key, l.kind, l.terms])).toEqual([
      ['acme', 'OWN', ['Acme', 'Acme Cloud']],
      ['globex', 'COMPETITOR', ['Globex']],
    ]);
  });

  it('scores new posts from its cursor, once, skipping deleted ones and posts too fresh to be settled', async () => {
    const day = '2026-01-12';
    const at = noon(day);
    const [a1, a2, a3, a4, a5] = authors as [Person, Person, Person, Person, Person];
    // Known AFINN scores: "great" +3, "terrible" −3; four "great" make 12, capped to +5.
    const first = await thread(a1, 'Release notes', 'Acme is great', [], at);
    await thread(a2, 'Desk hours', 'Globex was terrible', [], at);
    const { replyToThread } = await a3.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: first, body: 'Acme Cloud and Acme run side by side with Globex' } });
    await api.dataSource.query(`UPDATE forum_replies SET created_at = $2 WHERE id = $1`, [replyToThread.id, at]);
    const { createBlogPost } = await manager.client.data<{ createBlogPost: Id }>(DRAFT, {
      // Two places on the platform (one linked twice, one by its full address), and one elsewhere: 2 cross-links.
      input: { communityId, title: 'Quarterly update', body: `Nothing to add here: see [the notes](/communities/field/threads/${first}), [again](/communities/field/threads/${first}#top), ${api.config.publicUrl}/knowledge/articles/how-to-reset and [elsewhere](https://example.com/notes)` },
    });
    await manager.client.data(PUBLISH, { input: { postId: createBlogPost.id } });
    await api.dataSource.query(`UPDATE blog_posts SET created_at = $2, published_at = $2 WHERE id = $1`, [createBlogPost.id, at]);
    const { commentOnBlogPost } = await a4.client.data<{ commentOnBlogPost: Id }>(COMMENT, { input: { postId: createBlogPost.id, body: 'great great great great' } });
    await api.dataSource.query(`UPDATE blog_comments SET created_at = $2 WHERE id = $1`, [commentOnBlogPost.id, at]);
    // Deleted before it was scored: never counted.
    const deleted = await thread(a5, 'Rant', 'Acme is awful', [], at);
    await a5.client.data(DELETE_THREAD, { id: deleted });
    // Written just now: the cursor waits a minute before passing it.
    await a5.client.data(THREAD, { input: { communityId, title: 'Just now', body: 'Written after the cursor', tags: [] } });

    const scorer = api.app.get<ListeningScorer>(ListeningScorer);
    await expect(scorer.scoreNew()).resolves.toBe(5);
    await expect(scorer.scoreNew()).resolves.toBe(0);
    const scores = await api.dataSource.query<Array<{ content_kind: string; score: number; own_mentions: number; competitor_mentions: number; cross_links: number }>>(
      `SELECT content_kind, score, own_mentions, competitor_mentions, cross_links FROM listening_scores ORDER BY content_kind, score`,
    );
    expect(scores).toEqual([
      { content_kind: 'BLOG_POST', score: 0, own_mentions: 0, competitor_mentions: 0, cross_links: 2 },
      { content_kind: 'COMMENT', score: 12, own_mentions: 0, competitor_mentions: 0, cross_links: 0 },
      { content_kind: 'REPLY', score: 0, own_mentions: 2, competitor_mentions: 1, cross_links: 0 },
      { content_kind: 'THREAD', score: -3, own_mentions: 0, competitor_mentions: 1, cross_links: 0 },
      { content_kind: 'THREAD', score: 3, own_mentions: 1, competitor_mentions: 0, cross_links: 0 },
    ]);
  });

  it('rolls up average sentiment and share of voice exactly, for the organisation and the community, the same every time', async () => {
    const day = '2026-01-12';
    // A post written late into the day (after the cursor passed it) is scored by the day's rollup.
    const late = await thread(authors[5] as Person, 'Late', 'Acme', [], `${day}T08:00:00Z`);
    await rollDays(day, day);

    // Scores 3, −3, 0, 0, 12→5 and 0 (the late one): 5 ÷ 6. Own mentions 1 + 2 + 1, competitors' 1 + 1.
    const organisation = await series(steering.client, 'ORGANISATION', null, day);
    expect(organisation['AVERAGE_SENTIMENT']).toMatchObject({ numerator: 5, denominator: 6, suppressed: false });
    expect(organisation['AVERAGE_SENTIMENT']?.value).toBeCloseTo(5 / 6);
    expect(organisation['POSITIVE_SHARE']).toMatchObject({ numerator: 2, denominator: 6 });
    expect(organisation['NEGATIVE_SHARE']).toMatchObject({ numerator: 1, denominator: 6 });
    expect(organisation['OWN_MENTIONS']).toMatchObject({ value: 4 });
    expect(organisation['COMPETITOR_MENTIONS']).toMatchObject({ value: 2 });
    expect(organisation['SHARE_OF_VOICE']).toMatchObject({ numerator: 4, denominator: 6 });
    expect(organisation['SHARE_OF_VOICE']?.value).toBeCloseTo(4 / 6);
    expect(organisation['CROSS_LINKS']).toMatchObject({ value: 2 });
    // The community's managers see their community's numbers: every post here was written in it.
    expect(await series(manager.client, 'COMMUNITY', communityId, day)).toEqual(organisation);
    // Sliced by the author: the three Sales people wrote the threads and the reply (3, −3, 0).
    // Three people are too few to show; the row behind it holds their numbers.
    const sales = await series(steering.client, 'DEPARTMENT', 'Sales', day);
    expect(sales['AVERAGE_SENTIMENT']).toMatchObject({ value: null, numerator: null, suppressed: true });
    await expect(
      api.dataSource.query(`SELECT numerator, denominator, people FROM metric_daily WHERE metric = 'AVERAGE_SENTIMENT' AND slice_kind = 'DEPARTMENT' AND slice_id = 'Sales' AND day = $1`, [day]),
    ).resolves.toEqual([{ numerator: 0, denominator: 3, people: 3 }]);
    await expect(member.client.errorCode(SERIES, { input: { metrics: ['SHARE_OF_VOICE'], dimension: 'ORGANISATION', from: day, to: day, bucket: 'DAY' } })).resolves.toBe('FORBIDDEN');

    // Deleted after it was scored: the day, rolled again, no longer counts it.
    await authors[5]?.client.data(DELETE_THREAD, { id: late });
    const rows = () =>
      api.dataSource.query(
        `SELECT metric, slice_kind, slice_id, numerator, denominator, people FROM metric_daily WHERE day = $1 AND metric = ANY($2) ORDER BY 1, 2, 3`,
        [day, LISTENING_KEYS],
      );
    const topics = () => api.dataSource.query(`SELECT * FROM listening_topics_daily WHERE day = $1 ORDER BY community_id, kind, topic`, [day]);
    await rollDays(day, day);
    const once = { metrics: await rows(), topics: await topics() };
    expect((await series(steering.client, 'ORGANISATION', null, day))['OWN_MENTIONS']).toMatchObject({ value: 3 });
    await rollDays(day, day);
    expect({ metrics: await rows(), topics: await topics() }).toEqual(once);
  });

  it('finds topics spiking this week against their 8-week baseline, hides steady ones and ones too few people use', async () => {
    const asOf = '2026-03-29';
    const [a1, a2, a3, a4, a5, a6] = authors as [Person, Person, Person, Person, Person, Person];
    // "weekly-sync": 5 posts a week by 5 people, for 9 weeks.
    for (let week = 0; week <= 8; week++) {
      for (const [j, author] of [a1, a2, a3, a4, a5].entries()) {
        await thread(author, `Weekly sync ${week}-${j}`, `Notes from sync number ${week}-${j}`, ['weekly-sync'], noon(plus(asOf, -7 * week - j)));
      }
    }
    // "expense-tool": nothing before, 6 posts by 6 people this week.
    for (const [j, author] of [a1, a2, a3, a4, a5, a6].entries()) {
      await thread(author, `Expense tool ${j}`, `The expense tool crashed at ${j}`, ['expense-tool'], noon(plus(asOf, -j)));
    }
    // "whisper": 6 posts this week, but by 4 people only.
    for (const [j, author] of [a1, a2, a3, a4, a1, a2].entries()) {
      await thread(author, `Whisper ${j}`, `Quiet note ${j}`, ['whisper'], noon(plus(asOf, -j)));
    }
    await rollDays(plus(asOf, -62), asOf);

    const { trendingTopics } = await steering.client.data<{ trendingTopics: { asOf: string; weekStarts: string[]; topics: Topic[] } }>(TRENDING, { input: { asOf } });
    expect(trendingTopics.weekStarts).toHaveLength(9);
    expect(trendingTopics.weekStarts[0]).toBe(plus(asOf, -62));
    expect(trendingTopics.weekStarts[8]).toBe(plus(asOf, -6));
    const tag = trendingTopics.topics.find((t) => t.kind === 'TAG' && t.topic === 'expense-tool');
    expect(tag).toEqual({ topic: 'expense-tool', kind: 'TAG', count: 6, people: 6, baseline: 0, ratio: null, score: 6, spark: [0, 0, 0, 0, 0, 0, 0, 0, 6] });
    // Its key phrase trends as well.
    expect(trendingTopics.topics).toContainEqual(expect.objectContaining({ topic: 'expense tool', kind: 'PHRASE', count: 6, people: 6 }));
    const names = trendingTopics.topics.map((t) => t.topic);
    expect(names).not.toContain('weekly-sync');
    expect(names).not.toContain('whisper');
    expect(names).not.toContain('quiet note');

    // The community's managers see its trends; a plain member sees neither the organisation's nor the community's.
    const { trendingTopics: community } = await manager.client.data<{ trendingTopics: { topics: Topic[] } }>(TRENDING, { input: { asOf, communityId } });
    expect(community.topics).toEqual(trendingTopics.topics);
    await expect(member.client.errorCode(TRENDING, { input: { asOf } })).resolves.toBe('FORBIDDEN');
    await expect(member.client.errorCode(TRENDING, { input: { asOf, communityId } })).resolves.toBe('FORBIDDEN');
    for (const bad of ['2026-13-01', '2026-02-30', 'soon']) await expect(steering.client.errorCode(TRENDING, { input: { asOf: bad } })).resolves.toBe('BAD_USER_INPUT');

    // A week later nothing new was written: the spike is history.
    const { trendingTopics: later } = await steering.client.data<{ trendingTopics: { topics: Topic[] } }>(TRENDING, { input: { asOf: plus(asOf, 7) } });
    expect(later.topics.map((t) => t.topic)).not.toContain('expense-tool');
  }, 120_000);

  it('counts the ideas funnel from status tags, for ideas posted in the range', async () => {
    const from = '2026-02-02';
    const to = '2026-02-08';
    const [a1, a2, a3, a4, a5, a6] = authors as [Person, Person, Person, Person, Person, Person];
    await thread(a1, 'Idea one', 'A proposal for the canteen', ['idea'], noon(from));
    await thread(a2, 'Idea two', 'A proposal for the car park', ['idea'], noon(from));
    await thread(a3, 'Idea three', 'A proposal for the intranet', ['idea', 'under-review'], noon(plus(from, 1)));
    await thread(a4, 'Idea four', 'A proposal for the lobby', ['ideas', 'planned'], noon(plus(from, 2)));
    await thread(a5, 'Idea five', 'A proposal for the garden', ['idea', 'under-review', 'planned'], noon(plus(from, 3)));
    await thread(a6, 'Idea six', 'A proposal for the roof', ['idea', 'done'], `${to}T23:59:00Z`);
    // Not counted: not an idea, posted after the range, deleted.
    await thread(a1, 'Not an idea', 'Just a discussion', ['planned'], noon(from));
    await thread(a2, 'Idea later', 'A proposal for next month', ['idea'], noon(plus(to, 1)));
    const gone = await thread(a3, 'Idea gone', 'A proposal withdrawn', ['idea'], noon(from));
    await a3.client.data(DELETE_THREAD, { id: gone });

    const { ideaFunnel } = await steering.client.data<{ ideaFunnel: { ideas: number; suppressed: boolean; stages: unknown[] } }>(FUNNEL, { input: { from, to } });
    expect(ideaFunnel).toMatchObject({ ideas: 6, suppressed: false });
    expect(ideaFunnel.stages).toEqual([
      { status: 'NEW', count: 2, reached: 6, shareOfIdeas: 1, conversion: null },
      { status: 'UNDER_REVIEW', count: 1, reached: 4, shareOfIdeas: 4 / 6, conversion: 4 / 6 },
      { status: 'PLANNED', count: 2, reached: 3, shareOfIdeas: 0.5, conversion: 0.75 },
      { status: 'DONE', count: 1, reached: 1, shareOfIdeas: 1 / 6, conversion: 1 / 3 },
    ]);
    await expect(manager.client.data(FUNNEL, { input: { from, to, communityId } })).resolves.toEqual({ ideaFunnel: expect.objectContaining({ ideas: 6 }) });
    await expect(member.client.errorCode(FUNNEL, { input: { from, to } })).resolves.toBe('FORBIDDEN');
    await expect(steering.client.errorCode(FUNNEL, { input: { from: '2026-02-30', to } })).resolves.toBe('BAD_USER_INPUT');

    // Ideas from fewer people than the minimum group size are not shown.
    const { ideaFunnel: small } = await steering.client.data<{ ideaFunnel: { ideas: number | null; suppressed: boolean; stages: Array<{ count: number | null }> } }>(FUNNEL, {
      input: { from, to: plus(from, 1) },
    });
    expect(small).toMatchObject({ ideas: null, suppressed: true });
    expect(small.stages.map((s) => s.count)).toEqual([null, null, null, null]);
  });
});
