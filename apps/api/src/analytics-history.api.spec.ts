import { PlatformRole } from '@commons/shared-contracts';
import { HistoryImportService } from '@commons/server-analytics';
import { OutboxRelay } from '@commons/server-realtime';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const POST_THREAD = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`;
const ACCEPT = `mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { acceptedReplyId } }`;
const REACT = `mutation ($input: ReactInput!) { react(input: $input) { kind count } }`;
const DRAFT = `mutation ($input: CreateBlogPostInput!) { createBlogPost(input: $input) { id } }`;
const PUBLISH = `mutation ($input: PublishBlogPostInput!) { publishBlogPost(input: $input) { state } }`;
const COMMENT = `mutation ($input: BlogCommentInput!) { commentOnBlogPost(input: $input) { id } }`;
const FLAG = `mutation ($input: FlagContentInput!) { flagContent(input: $input) { flagCount } }`;
const BACKFILL = `mutation ($from: String!, $to: String!) { backfillRollups(from: $from, to: $to) { days queued } }`;
const SERIES = `query ($input: MetricSeriesInput!) { metricSeries(input: $input) { definition { key } points { start value suppressed } } }`;

type Person = { client: GraphqlClient; account: { id: string } };
type Id = { id: string };
interface ActivityRow {
  occurred_at: string;
  kind: string;
  account_id: string | null;
  community_id: string | null;
  subject_id: string | null;
  content_id: string | null;
  detail: Record<string, unknown> | null;
}

/** Rows as comparable text (details' keys in order), sorted: a multiset of what the log holds. */
const shapes = (rows: readonly ActivityRow[], withTime: boolean) =>
  rows
    .map((r) => {
      const detail = r.detail && Object.fromEntries(Object.entries(r.detail).sort(([a], [b]) => a.localeCompare(b)));
      return JSON.stringify([withTime ? r.occurred_at : '', r.kind, r.account_id, r.community_id, r.subject_id, r.content_id, detail]);
    })
    .sort();

/**
 * The activity history import: content written through the API, its activity log then emptied
 * (as an installation from before analytics would have it) and its timestamps moved to known
 * instants of January 2026; the import must give back exactly the rows the live consumer wrote,
 * at those instants, roll up to hand-counted values, replace its own rows when run again, and
 * never count an act the consumer recorded too. Days are New York days (UTC−5).
 */
describe('analytics: importing the activity history', () => {
  let api: TestApp;
  let steering: Person;
  let admin: Person;
  let manager: Person;
  let members: Person[];
  let community: string;
  let question: string;
  let answer: string;
  let discussion: string;
  let followUp: string;
  let post: string;
  let comment: string;
  let liveRows: ActivityRow[];

  const settled = () => api.app.get<OutboxRelay>(OutboxRelay).idle();
  const history = () => api.app.get<HistoryImportService>(HistoryImportService);
  const log = (): Promise<ActivityRow[]> =>
    api.dataSource.query(
      `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS occurred_at, kind::text, account_id, community_id, subject_id, content_id, detail
         FROM activity_log ORDER BY occurred_at, kind, account_id`,
    );
  const set = (table: string, column: string, at: string, where = 'true', params: unknown[] = []) =>
    api.dataSource.query(`UPDATE ${table} SET ${column} = '${at}' WHERE ${where}`, params);

  beforeAll(async () => {
    api = await startTestApp({ TIME_ZONE: 'America/New_York' });
    steering = await api.signedIn(PlatformRole.Steering, { department: 'Programme' });
    admin = await api.signedIn(PlatformRole.Admin, { department: 'IT' });
    manager = await api.signedIn(PlatformRole.Member, { department: 'Support' });
    members = [];
    for (let i = 1; i <= 5; i++) members.push(await api.signedIn(PlatformRole.Member, { department: 'Engineering' }));
    const [m1, m2, m3, m4, m5] = members;

    ({ createCommunity: { id: community } } = await manager.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Field support', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS', 'BLOGS'] },
    }));
    await manager.client.data(ACTIVATE, { input: { communityId: community, lifecycle: 'ACTIVE' } });
    for (const m of members) await m.client.data(JOIN, { id: community });
    ({ createThread: { id: question } } = await m1.client.data<{ createThread: Id }>(POST_THREAD, {
      input: { communityId: community, kind: 'QUESTION', title: 'How do I reset a field unit?', body: 'It keeps blinking.', tags: [] },
    }));
    ({ replyToThread: { id: answer } } = await m2.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: question, body: 'Hold the button for ten seconds.' } }));
    await m1.client.data(ACCEPT, { input: { threadId: question, replyId: answer } });
    await m3.client.data(REACT, { input: { targetId: answer, kind: 'HELPFUL', on: true } });
    ({ createThread: { id: discussion } } = await m4.client.data<{ createThread: Id }>(POST_THREAD, {
      input: { communityId: community, kind: 'DISCUSSION', title: 'Field notes', body: 'What did you see this week?', tags: [] },
    }));
    ({ replyToThread: { id: followUp } } = await m5.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: discussion, body: 'Lots of blinking units.' } }));
    ({ createBlogPost: { id: post } } = await manager.client.data<{ createBlogPost: Id }>(DRAFT, { input: { communityId: community, title: 'Winter checklist', body: 'Check the seals.' } }));
    await manager.client.data(PUBLISH, { input: { postId: post } });
    ({ commentOnBlogPost: { id: comment } } = await m1.client.data<{ commentOnBlogPost: Id }>(COMMENT, { input: { postId: post, body: 'Done, thanks.' } }));
    await m3.client.data(FLAG, { input: { contentKind: 'FORUM_THREAD', contentId: discussion, reason: 'SPAM' } });
    await settled();
    liveRows = await log();

    // As if it had all happened in January 2026, before analytics existed.
    await api.dataSource.query('DELETE FROM activity_log');
    await api.dataSource.query('DELETE FROM support_questions');
    await set('accounts', 'created_at', '2025-12-01T00:00:00Z');
    await set('sessions', 'created_at', '2026-01-05T15:00:00Z');
    await set('community_memberships', 'joined_at', '2026-01-05T15:30:00Z');
    await set('community_membership_events', 'occurred_at', '2026-01-05T15:30:00Z');
    await set('forum_threads', 'created_at', '2026-01-12T14:00:00Z', 'id = $1', [question]);
    await api.dataSource.query(`UPDATE forum_threads SET first_response_at = '2026-01-12T14:10:00Z', resolved_at = '2026-01-12T14:30:00Z' WHERE id = $1`, [question]);
    await set('forum_replies', 'created_at', '2026-01-12T14:10:00Z', 'id = $1', [answer]);
    await set('forum_reactions', 'created_at', '2026-01-13T02:00:00Z', 'target_id = $1', [answer]);
    await set('forum_threads', 'created_at', '2026-01-13T16:00:00Z', 'id = $1', [discussion]);
    await set('forum_threads', 'first_response_at', '2026-01-14T04:30:00Z', 'id = $1', [discussion]);
    await set('forum_replies', 'created_at', '2026-01-14T04:30:00Z', 'id = $1', [followUp]);
    await api.dataSource.query(`UPDATE blog_posts SET created_at = '2026-01-13T18:00:00Z', published_at = '2026-01-13T18:00:00Z' WHERE id = $1`, [post]);
    await set('blog_comments', 'created_at', '2026-01-13T20:00:00Z', 'id = $1', [comment]);
    await set('content_flags', 'created_at', '2026-01-14T12:00:00Z');
    await set('moderation_queue_items', 'created_at', '2026-01-14T12:00:00Z');
  }, 90_000);

  afterAll(() => api?.close());

  it('derives from the content exactly the rows the live consumer wrote, at the content’s own times', async () => {
    const imported = await history().importHistory();
    const rows = await log();
    expect(rows.every((r) => r.occurred_at < '2026-02')).toBe(true);
    // Same kinds, people, communities, subjects, contents and details as the consumer's, row for row.
    expect(shapes(rows.filter((r) => r.kind !== 'PRESENCE'), false)).toEqual(shapes(liveRows, false));

    const [m1, m2, m3, m4, m5] = members;
    const people = [steering, admin, manager, ...members];
    const queueItem = rows.find((r) => r.kind === 'QUEUE_ENTERED')?.content_id as string;
    const expected: ActivityRow[] = [
      ...people.map((p) => row('2026-01-05T15:00Z', 'SIGN_IN', p.account.id, null)),
      ...[manager, ...members].map((p) => row('2026-01-05T15:30Z', 'JOIN', p.account.id, community)),
      row('2026-01-12T14:00Z', 'THREAD', m1.account.id, community, question, null, { kind: 'QUESTION', state: 'VISIBLE' }),
      row('2026-01-12T14:00Z', 'PRESENCE', m1.account.id, null),
      row('2026-01-12T14:10Z', 'REPLY', m2.account.id, community, question, answer, { state: 'VISIBLE' }),
      row('2026-01-12T14:10Z', 'PRESENCE', m2.account.id, null),
      row('2026-01-12T14:30Z', 'ACCEPTED_ANSWER', m1.account.id, community, question, answer, { replyAuthorId: m2.account.id }),
      // 21:00 in New York: still the 12th there.
      row('2026-01-13T02:00Z', 'REACTION', m3.account.id, community, question, answer, { kind: 'HELPFUL', authorId: m2.account.id }),
      row('2026-01-13T02:00Z', 'PRESENCE', m3.account.id, null),
      row('2026-01-13T16:00Z', 'THREAD', m4.account.id, community, discussion, null, { kind: 'DISCUSSION', state: 'VISIBLE' }),
      row('2026-01-13T16:00Z', 'PRESENCE', m4.account.id, null),
      row('2026-01-13T18:00Z', 'BLOG_POST', manager.account.id, community, post, null, { state: 'VISIBLE' }),
      row('2026-01-13T18:00Z', 'PRESENCE', manager.account.id, null),
      row('2026-01-13T20:00Z', 'COMMENT', m1.account.id, community, post, comment, { state: 'VISIBLE' }),
      row('2026-01-13T20:00Z', 'PRESENCE', m1.account.id, null),
      row('2026-01-14T04:30Z', 'REPLY', m5.account.id, community, discussion, followUp, { state: 'VISIBLE' }),
      row('2026-01-14T04:30Z', 'PRESENCE', m5.account.id, null),
      row('2026-01-14T12:00Z', 'FLAG', m3.account.id, community, discussion, null, { contentKind: 'forum-thread', reason: 'SPAM' }),
      row('2026-01-14T12:00Z', 'PRESENCE', m3.account.id, null),
      row('2026-01-14T12:00Z', 'QUEUE_ENTERED', null, community, discussion, queueItem, { source: 'FLAGS' }),
    ];
    expect(shapes(rows, true)).toEqual(shapes(expected, true));
    expect(imported.total).toBe(expected.length);
    expect(imported.rows).toMatchObject({ threads: 2, replies: 2, 'accepted answers': 1, reactions: 1, 'blog posts': 1, comments: 1, joins: 6, flags: 1, presence: 8, 'support questions': 1 });

    const facts = await api.dataSource.query(
      `SELECT community_id, asker_id, to_char(asked_at AT TIME ZONE 'UTC', 'HH24:MI') AS asked, to_char(first_response_at AT TIME ZONE 'UTC', 'HH24:MI') AS answered,
              to_char(resolved_at AT TIME ZONE 'UTC', 'HH24:MI') AS resolved, removed FROM support_questions`,
    );
    expect(facts).toEqual([{ community_id: community, asker_id: m1.account.id, asked: '14:00', answered: '14:10', resolved: '14:30', removed: false }]);
  });

  it('rolls the imported days up like live activity, by New York days', async () => {
    await admin.client.data(BACKFILL, { from: '2026-01-05', to: '2026-01-14' });
    const series = await organisationSeries();
    expect(series).toEqual({
      THREADS: { '2026-01-12': 1, '2026-01-13': 1, '2026-01-14': 0 },
      REPLIES: { '2026-01-12': 1, '2026-01-13': 1, '2026-01-14': 0 },
      REACTIONS: { '2026-01-12': 1, '2026-01-13': 0, '2026-01-14': 0 },
      BLOG_POSTS: { '2026-01-12': 0, '2026-01-13': 1, '2026-01-14': 0 },
      COMMENTS: { '2026-01-12': 0, '2026-01-13': 1, '2026-01-14': 0 },
      FLAGS: { '2026-01-12': 0, '2026-01-13': 0, '2026-01-14': 1 },
      // m1, m2, m3 on the 12th; m1, m4, m5 and the manager on the 13th; m3 on the 14th.
      DAILY_ACTIVE_USERS: { '2026-01-12': 3, '2026-01-13': 4, '2026-01-14': 1 },
    });
  });

  it('replaces its own rows when run again over the same range', async () => {
    const before = await log();
    const [daily] = await api.dataSource.query(`SELECT count(*)::int AS n, sum(numerator) AS total FROM metric_daily WHERE day BETWEEN '2026-01-05' AND '2026-01-14'`);
    const again = await history().importHistory();
    expect(again.total).toBe(before.length);
    expect(shapes(await log(), true)).toEqual(shapes(before, true));
    await admin.client.data(BACKFILL, { from: '2026-01-05', to: '2026-01-14' });
    await expect(api.dataSource.query(`SELECT count(*)::int AS n, sum(numerator) AS total FROM metric_daily WHERE day BETWEEN '2026-01-05' AND '2026-01-14'`)).resolves.toEqual([daily]);
    await expect(api.dataSource.query('SELECT count(*)::int AS n FROM support_questions')).resolves.toEqual([{ n: 1 }]);
  });

  it('stops where live activity starts, and never counts an act the consumer recorded too', async () => {
    const before = await log();
    // A reply now, told live. The application stamps content a moment before its transaction
    // (which stamps the event), and instances' clocks differ: here by a second.
    const { replyToThread: late } = await members[1].client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: discussion, body: 'Still blinking here.' } });
    await settled();
    const [live] = (await log()).filter((r) => r.content_id === late.id);
    expect(live).toMatchObject({ kind: 'REPLY', account_id: members[1].account.id });
    await api.dataSource.query(`UPDATE forum_replies SET created_at = (SELECT occurred_at - interval '1 second' FROM activity_log WHERE content_id = $1) WHERE id = $1`, [late.id]);

    const again = await history().importHistory();
    expect(again.rows['already live']).toBe(-1);
    const after = await log();
    expect(after.filter((r) => r.content_id === late.id)).toHaveLength(1);
    const [{ seq }] = await api.dataSource.query('SELECT event_seq AS seq FROM activity_log WHERE content_id = $1', [late.id]);
    expect(seq).not.toBeNull();
    // The history before it is as it was; the live row is its own.
    expect(shapes(after.filter((r) => r.content_id !== late.id), true)).toEqual(shapes(before, true));
    const [{ first }] = await api.dataSource.query('SELECT min(occurred_at) AS first FROM activity_log WHERE event_seq IS NOT NULL');
    expect(again.to).toEqual(first);
  });

  /** The organisation's daily values of a few metrics, 12–14 January. */
  async function organisationSeries(): Promise<Record<string, Record<string, number | null>>> {
    const keys = ['THREADS', 'REPLIES', 'REACTIONS', 'BLOG_POSTS', 'COMMENTS', 'FLAGS', 'DAILY_ACTIVE_USERS'];
    const { metricSeries } = await steering.client.data<{ metricSeries: Array<{ definition: { key: string }; points: Array<{ start: string; value: number | null; suppressed: boolean }> }> }>(SERIES, {
      input: { metrics: keys, dimension: 'ORGANISATION', from: '2026-01-12', to: '2026-01-14', bucket: 'DAY' },
    });
    return Object.fromEntries(metricSeries.map((s) => [s.definition.key, Object.fromEntries(s.points.map((p) => [p.start, p.suppressed ? null : p.value]))]));
  }
});

describe('analytics: the demo organisation’s history (npm start on an empty database)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ SEED_DEMO: 'true' });
  }, 60_000);
  afterAll(() => api?.close());

  it('imports the demo’s generated past and rolls it up, so the steering dashboard has 90 days to show, share of voice included', async () => {
    const [log] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE event_seq IS NULL AND kind = 'THREAD')::int AS threads,
              count(*) FILTER (WHERE event_seq IS NULL AND kind = 'REPLY')::int AS replies,
              (SELECT count(*)::int FROM forum_threads) AS "threadRows",
              (SELECT count(*)::int FROM forum_replies) AS "replyRows"
         FROM activity_log`,
    );
    // Every thread and reply of the demo was written without events: each is in the log once.
    expect(log).toMatchObject({ threads: log.threadRows, replies: log.replyRows });
    expect(log.threads).toBeGreaterThan(20);
    const [runs] = await api.dataSource.query(`SELECT count(*)::int AS days, count(*) FILTER (WHERE status = 'DONE')::int AS done FROM rollup_runs`);
    expect(runs).toEqual({ days: 120, done: 120 });

    const steering = api.client();
    await steering.signIn('steering@commons.example', 'commons-demo');
    const [{ to, from }] = await api.dataSource.query(`SELECT to_char(max(day), 'YYYY-MM-DD') AS to, to_char(max(day) - 89, 'YYYY-MM-DD') AS from FROM rollup_runs`);
    const { metricSeries } = await steering.data<{ metricSeries: Array<{ definition: { key: string }; points: Array<{ value: number | null }> }> }>(SERIES, {
      input: { metrics: ['THREADS', 'REPLIES', 'DAILY_ACTIVE_USERS', 'OWN_MENTIONS', 'COMPETITOR_MENTIONS'], dimension: 'ORGANISATION', from, to, bucket: 'MONTH' },
    });
    for (const series of metricSeries) expect(series.points.reduce((sum, p) => sum + (p.value ?? 0), 0)).toBeGreaterThan(0);
  });
});

function row(
  occurredAt: string,
  kind: string,
  accountId: string | null,
  communityId: string | null,
  subjectId: string | null = null,
  contentId: string | null = null,
  detail: Record<string, unknown> | null = null,
): ActivityRow {
  return { occurred_at: occurredAt, kind, account_id: accountId, community_id: communityId, subject_id: subjectId, content_id: contentId, detail };
}
