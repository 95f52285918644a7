import { PlatformRole } from '@commons/shared-contracts';
import { OutboxRelay } from '@commons/server-realtime';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id slug } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const POST_THREAD = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`;
const ACCEPT = `mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { acceptedReplyId } }`;
const REACT = `mutation ($input: ReactInput!) { react(input: $input) { kind count } }`;
const BACKFILL = `mutation ($from: String!, $to: String!) { backfillRollups(from: $from, to: $to) { days queued } }`;
const RUNS = `query ($from: String!, $to: String!) { rollupRuns(from: $from, to: $to) { day status rows error } }`;
const DEFINITIONS = `{ metricDefinitions { key name description formula unit direction buckets dimensions } }`;
const SERIES = `query ($input: MetricSeriesInput!) {
  metricSeries(input: $input) { definition { key } slice { dimension id label } bucket points { start value numerator denominator suppressed } }
}`;
const BREAKDOWN = `query ($input: MetricBreakdownInput!) {
  metricBreakdown(input: $input) { dimension rows { slice { dimension id label } value suppressed } }
}`;

type Person = { client: GraphqlClient; account: { id: string } };
interface Point {
  start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}
interface Series {
  definition: { key: string };
  slice: { dimension: string; id: string | null; label: string };
  points: Point[];
}

/**
 * The analytics core end to end: domain events become activity through the relay's consumer,
 * a day's rollup turns activity into metrics, and the metrics API answers from the rollups,
 * checked against numbers worked out by hand and recomputed independently from the raw log.
 * The organisation is in New York (UTC−5 in January), so days are not UTC days.
 */
describe('analytics: activity log, rollups and metric queries', () => {
  let api: TestApp;
  let steering: Person;
  let admin: Person;
  let manager: Person;
  let members: Person[]; // m1…m5 in Engineering, m6 in Legal (with the manager: a department of 2)
  let community: { id: string; slug: string };
  let question: string;

  const settled = () => api.app.get<OutboxRelay>(OutboxRelay).idle();
  const query = (who: Person, input: Record<string, unknown>) => who.client.data<{ metricSeries: Series[] }>(SERIES, { input }).then((r) => r.metricSeries);
  const byKey = (series: Series[], key: string) => series.find((s) => s.definition.key === key) as Series;
  const at = (series: Series, start: string) => series.points.find((p) => p.start === start) as Point;

  beforeAll(async () => {
    api = await startTestApp({ TIME_ZONE: 'America/New_York' });
    steering = await api.signedIn(PlatformRole.Steering, { department: 'Programme' });
    admin = await api.signedIn(PlatformRole.Admin, { department: 'IT' });
    manager = await api.signedIn(PlatformRole.Member, { department: 'Legal' });
    members = [];
    for (let i = 1; i <= 6; i++) members.push(await api.signedIn(PlatformRole.Member, { department: i <= 5 ? 'Engineering' : 'Legal' }));

    ({ createCommunity: community } = await manager.client.data<{ createCommunity: { id: string; slug: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Field support', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
    }));
    await manager.client.data(ACTIVATE, { input: { communityId: community.id, lifecycle: 'ACTIVE' } });
    for (const m of members) await m.client.data(JOIN, { id: community.id });
    const [m1, m2, m3, m4, m5] = members;
    ({ createThread: { id: question } } = await m1.client.data<{ createThread: { id: string } }>(POST_THREAD, {
      input: { communityId: community.id, kind: 'QUESTION', title: 'How do I reset a field unit?', body: 'It keeps blinking.', tags: [] },
    }));
    const { replyToThread: answer } = await m2.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId: question, body: 'Hold the button for ten seconds.' } });
    await m1.client.data(ACCEPT, { input: { threadId: question, replyId: answer.id } });
    await m3.client.data(REACT, { input: { targetId: answer.id, kind: 'HELPFUL', on: true } });
    const { createThread: discussion } = await m4.client.data<{ createThread: { id: string } }>(POST_THREAD, {
      input: { communityId: community.id, kind: 'DISCUSSION', title: 'Field notes', body: 'What did you see this week?', tags: [] },
    });
    await m5.client.data(REPLY, { input: { threadId: discussion.id, body: 'Lots of blinking units.' } });
    await settled();
  }, 60_000);

  afterAll(() => api?.close());

  it('turns the domain events into the activity log and the question’s support facts', async () => {
    const rows: Array<{ kind: string; account_id: string | null; community_id: string | null; detail: Record<string, unknown> | null }> = await api.dataSource.query(
      `SELECT kind, account_id, community_id, detail FROM activity_log ORDER BY occurred_at, kind`,
    );
    const count = (kind: string, accountId?: string) => rows.filter((r) => r.kind === kind && (!accountId || r.account_id === accountId)).length;
    const [m1, m2, m3, m4, m5] = members;
    expect(count('SIGN_IN')).toBe(9);
    expect(count('JOIN')).toBeGreaterThanOrEqual(6);
    for (const m of members) expect(count('JOIN', m.account.id)).toBe(1);
    expect(count('THREAD', m1.account.id)).toBe(1);
    expect(count('THREAD', m4.account.id)).toBe(1);
    expect(count('REPLY', m2.account.id)).toBe(1);
    expect(count('REPLY', m5.account.id)).toBe(1);
    expect(count('ACCEPTED_ANSWER', m1.account.id)).toBe(1);
    expect(count('REACTION', m3.account.id)).toBe(1);
    expect(rows.find((r) => r.kind === 'THREAD' && r.account_id === m1.account.id)).toMatchObject({ community_id: community.id, detail: { kind: 'QUESTION', state: 'VISIBLE' } });

    const [facts]: Array<{ asker_id: string; first_response_at: Date | null; resolved_at: Date | null; removed: boolean }> = await api.dataSource.query(
      'SELECT asker_id, first_response_at, resolved_at, removed FROM support_questions WHERE thread_id = $1',
      [question],
    );
    expect(facts).toMatchObject({ asker_id: m1.account.id, removed: false });
    expect(facts.first_response_at).not.toBeNull();
    expect(facts.resolved_at).not.toBeNull();
  });

  it('counts a session used on a new day as presence that day, once', async () => {
    const presence = async () =>
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM activity_log WHERE kind = 'PRESENCE' AND account_id = $1`, [steering.account.id]))[0].n as number;
    // Last seen yesterday evening: today's first request is a new day of presence.
    await api.dataSource.query(`UPDATE sessions SET last_seen_at = now() - interval '26 hours' WHERE account_id = $1`, [steering.account.id]);
    await steering.client.data(DEFINITIONS);
    while ((await presence()) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await steering.client.data(DEFINITIONS);
    await settled();
    expect(await presence()).toBe(1);
  });

  describe('once the activity is placed on known days and rolled up', () => {
    // Everything happened "now"; the fixture moves it to January 2026, as if it had happened then.
    beforeAll(async () => {
      const [m1, m2, m3, m4, m5, m6] = members;
      await api.dataSource.query(`SELECT analytics_month_partition('2026-01-01'), analytics_month_partition('2025-12-01')`);
      // People and memberships existed before the days rolled up.
      await api.dataSource.query(`UPDATE accounts SET created_at = '2025-12-01T00:00:00Z'`);
      await api.dataSource.query(`UPDATE community_memberships SET joined_at = '2025-12-15T00:00:00Z'`);
      const move = (where: string, params: unknown[], to: string) =>
        api.dataSource.query(`UPDATE activity_log SET occurred_at = '${to}' WHERE ${where}`, params);
      // Monday 5 January, New York: everyone signs in and the members join. m6 signs in at 22:00
      // New York time, which is already Tuesday in UTC: it must count on Monday.
      await move(`kind IN ('SIGN_IN', 'JOIN', 'PRESENCE') AND account_id IS DISTINCT FROM $1`, [m6.account.id], '2026-01-05T15:00:00Z');
      await move(`kind IN ('SIGN_IN', 'JOIN') AND account_id = $1`, [m6.account.id], '2026-01-06T03:00:00Z');
      // Tuesday 6 January: the question, its answer, the acceptance and a reaction (m1, m2, m3).
      await move(`account_id = ANY($1) AND kind IN ('THREAD', 'REPLY', 'ACCEPTED_ANSWER', 'REACTION')`, [[m1.account.id, m2.account.id, m3.account.id]], '2026-01-06T15:00:00Z');
      // Monday 12 January: the discussion and its reply (m4, m5).
      await move(`account_id = ANY($1) AND kind IN ('THREAD', 'REPLY')`, [[m4.account.id, m5.account.id]], '2026-01-12T15:00:00Z');
      // Everyone's activity is placed; the platform's own acts (no account) go out of the way.
      expect(await api.dataSource.query(`SELECT kind, account_id FROM activity_log WHERE occurred_at > '2026-02-01' AND account_id IS NOT NULL`)).toEqual([]);
      await move(`occurred_at > '2026-02-01'`, [], '2025-12-20T12:00:00Z');
      const { backfillRollups } = await admin.client.data<{ backfillRollups: { days: number; queued: boolean } }>(BACKFILL, { from: '2026-01-01', to: '2026-01-14' });
      expect(backfillRollups).toEqual({ days: 14, queued: false });
    }, 60_000);

    it('reports daily, weekly and monthly active people as worked out by hand, in the organisation’s time zone', async () => {
      const series = await query(steering, { metrics: ['DAILY_ACTIVE_USERS', 'WEEKLY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS', 'STICKINESS'], from: '2026-01-05', to: '2026-01-12', bucket: 'DAY' });
      const dau = byKey(series, 'DAILY_ACTIVE_USERS');
      expect(dau.slice).toEqual({ dimension: 'ORGANISATION', id: null, label: 'Organisation' });
      expect(dau.points.map((p) => p.value)).toEqual([9, 3, 0, 0, 0, 0, 0, 2]);
      expect(at(byKey(series, 'WEEKLY_ACTIVE_USERS'), '2026-01-12').value).toBe(5); // 6–12 January: m1…m5
      expect(at(byKey(series, 'WEEKLY_ACTIVE_USERS'), '2026-01-11').value).toBe(9); // 5–11 January: everyone
      expect(at(byKey(series, 'MONTHLY_ACTIVE_USERS'), '2026-01-12').value).toBe(9);
      expect(at(byKey(series, 'STICKINESS'), '2026-01-06')).toMatchObject({ numerator: 3, denominator: 9, value: 3 / 9 });
      // A day not rolled up is empty, not hidden.
      const [later] = await query(steering, { metrics: ['DAILY_ACTIVE_USERS'], from: '2026-01-20', to: '2026-01-20', bucket: 'DAY' });
      expect(later.points).toEqual([{ start: '2026-01-20', value: null, numerator: null, denominator: null, suppressed: false }]);
    });

    it('matches the same numbers recomputed independently from the raw activity log', async () => {
      const raw: Array<{ account_id: string; day: string }> = await api.dataSource.query(
        `SELECT DISTINCT account_id, to_char((occurred_at AT TIME ZONE 'America/New_York')::date, 'YYYY-MM-DD') AS day
           FROM activity_log WHERE account_id IS NOT NULL`,
      );
      const activeIn = (from: string, to: string) => new Set(raw.filter((r) => r.day >= from && r.day <= to).map((r) => r.account_id)).size;
      const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      const series = await query(steering, { metrics: ['DAILY_ACTIVE_USERS', 'WEEKLY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS'], from: '2026-01-01', to: '2026-01-14', bucket: 'DAY' });
      for (const point of byKey(series, 'DAILY_ACTIVE_USERS').points) expect([point.start, point.value]).toEqual([point.start, activeIn(point.start, point.start)]);
      for (const point of byKey(series, 'WEEKLY_ACTIVE_USERS').points) expect([point.start, point.value]).toEqual([point.start, activeIn(shift(point.start, -6), point.start)]);
      for (const point of byKey(series, 'MONTHLY_ACTIVE_USERS').points) expect([point.start, point.value]).toEqual([point.start, activeIn(shift(point.start, -29), point.start)]);
    });

    it('combines days into weeks: sums for volumes, the mean day for daily actives, the last day for rolling windows', async () => {
      const series = await query(steering, {
        metrics: ['POSTS', 'THREADS', 'REPLIES', 'REACTIONS', 'DAILY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS', 'CONTRIBUTORS', 'CONTRIBUTOR_RATIO', 'POSTS_PER_ACTIVE_MEMBER', 'REPLIES_PER_THREAD'],
        from: '2026-01-05',
        to: '2026-01-18',
        bucket: 'WEEK',
      });
      expect(byKey(series, 'POSTS').points.map((p) => [p.start, p.value])).toEqual([['2026-01-05', 2], ['2026-01-12', 2]]);
      expect(at(byKey(series, 'REACTIONS'), '2026-01-05').value).toBe(1);
      expect(at(byKey(series, 'DAILY_ACTIVE_USERS'), '2026-01-05').value).toBeCloseTo(12 / 7, 10); // 9 + 3 over 7 days
      // 13–18 January were not rolled up: the week's last rolled day (the 14th) stands for it.
      expect(at(byKey(series, 'MONTHLY_ACTIVE_USERS'), '2026-01-12').value).toBe(9);
      expect(at(byKey(series, 'CONTRIBUTORS'), '2026-01-12').value).toBe(4); // m1, m2, m4, m5
      expect(at(byKey(series, 'CONTRIBUTOR_RATIO'), '2026-01-12').value).toBeCloseTo(4 / 9, 10);
      expect(at(byKey(series, 'POSTS_PER_ACTIVE_MEMBER'), '2026-01-12').value).toBeCloseTo(4 / 9, 10);
      expect(at(byKey(series, 'REPLIES_PER_THREAD'), '2026-01-05')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    });

    it('slices by community and department, and suppresses a department of fewer than five people', async () => {
      const engineering = await query(steering, { metrics: ['DAILY_ACTIVE_USERS', 'MONTHLY_ACTIVE_MEMBERS_RATIO'], dimension: 'DEPARTMENT', sliceId: 'Engineering', from: '2026-01-06', to: '2026-01-06', bucket: 'DAY' });
      expect(byKey(engineering, 'DAILY_ACTIVE_USERS').points).toEqual([{ start: '2026-01-06', value: 3, numerator: 3, denominator: null, suppressed: false }]);
      expect(byKey(engineering, 'MONTHLY_ACTIVE_MEMBERS_RATIO').points[0]).toMatchObject({ numerator: 5, denominator: 5, value: 1 });

      const legal = await query(steering, { metrics: ['DAILY_ACTIVE_USERS'], dimension: 'DEPARTMENT', sliceId: 'Legal', from: '2026-01-05', to: '2026-01-06', bucket: 'DAY' });
      expect(legal[0].points).toEqual([
        { start: '2026-01-05', value: null, numerator: null, denominator: null, suppressed: true },
        { start: '2026-01-06', value: null, numerator: null, denominator: null, suppressed: true },
      ]);

      const own = await query(manager, { metrics: ['THREADS', 'DAILY_ACTIVE_USERS', 'MONTHLY_ACTIVE_MEMBERS_RATIO'], dimension: 'COMMUNITY', sliceId: community.id, from: '2026-01-12', to: '2026-01-12', bucket: 'DAY' });
      expect(byKey(own, 'THREADS').slice).toEqual({ dimension: 'COMMUNITY', id: community.id, label: 'Field support' });
      expect(byKey(own, 'THREADS').points[0].value).toBe(1);
      expect(byKey(own, 'DAILY_ACTIVE_USERS').points[0].value).toBe(2);
      // Members active in it over 30 days (the six who joined, and the two who posted on the 12th among them) of its 7 members.
      const { members: inCommunity, active }: { members: number; active: number } = (
        await api.dataSource.query(
          `SELECT (SELECT count(*)::int FROM community_memberships WHERE community_id = $1) AS members,
                  (SELECT count(DISTINCT account_id)::int FROM activity_log l WHERE community_id = $1
                      AND account_id IN (SELECT account_id FROM community_memberships WHERE community_id = $1)
                      AND (occurred_at AT TIME ZONE 'America/New_York')::date BETWEEN '2025-12-14' AND '2026-01-12') AS active`,
          [community.id],
        )
      )[0];
      expect(byKey(own, 'MONTHLY_ACTIVE_MEMBERS_RATIO').points[0]).toMatchObject({ numerator: active, denominator: inCommunity });

      const { metricBreakdown } = await steering.client.data<{ metricBreakdown: { rows: Array<{ slice: { id: string; label: string }; value: number | null; suppressed: boolean }> } }>(BREAKDOWN, {
        input: { metric: 'POSTS', dimension: 'DEPARTMENT', from: '2026-01-01', to: '2026-01-14' },
      });
      expect(metricBreakdown.rows.find((r) => r.slice.id === 'Engineering')).toMatchObject({ value: 4, suppressed: false });
      expect(metricBreakdown.rows.find((r) => r.slice.id === 'Legal')).toMatchObject({ value: null, suppressed: true });
    });

    it('gives the same rows when days are rolled up again', async () => {
      const snapshot = async () => ({
        metrics: await api.dataSource.query(`SELECT metric, slice_kind, slice_id, day::text, numerator, denominator, people FROM metric_daily ORDER BY 1, 2, 3, 4`),
        days: await api.dataSource.query(`SELECT * FROM activity_days ORDER BY day, community_id, account_id`),
      });
      const before = await snapshot();
      expect(before.metrics.length).toBeGreaterThan(100);
      await admin.client.data(BACKFILL, { from: '2026-01-05', to: '2026-01-12' });
      expect(await snapshot()).toEqual(before);
      const { rollupRuns } = await steering.client.data<{ rollupRuns: Array<{ day: string; status: string; rows: number; error: string | null }> }>(RUNS, { from: '2026-01-01', to: '2026-01-14' });
      expect(rollupRuns).toHaveLength(14);
      expect(rollupRuns[0]).toMatchObject({ day: '2026-01-14', status: 'DONE', error: null });
      expect(rollupRuns.every((r) => r.status === 'DONE' && r.rows > 0)).toBe(true);
    });
  });

  it('shows every metric with its definition to anyone signed in', async () => {
    const { metricDefinitions } = await members[0].client.data<{ metricDefinitions: Array<{ key: string; description: string; formula: string; dimensions: string[] }> }>(DEFINITIONS);
    const keys = metricDefinitions.map((d) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['DAILY_ACTIVE_USERS', 'MONTHLY_ACTIVE_MEMBERS_RATIO', 'POSTS_PER_ACTIVE_MEMBER', 'STICKINESS']));
    for (const d of metricDefinitions) {
      expect(d.description.length).toBeGreaterThan(20);
      expect(d.formula.length).toBeGreaterThan(5);
    }
  });

  it('refuses bad questions with the reason, and organisation-wide numbers to everyone but the steering committee', async () => {
    const input = { metrics: ['DAILY_ACTIVE_USERS'], from: '2026-01-01', to: '2026-01-31', bucket: 'WEEK' };
    const unknown = await steering.client.request(SERIES, { input: { ...input, metrics: ['HAPPINESS'] } });
    expect(unknown.body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors?.[0].message).toMatch(/Unknown metric "HAPPINESS"\. Valid metrics: .*DAILY_ACTIVE_USERS/u);
    const dimension = await steering.client.request(SERIES, { input: { ...input, dimension: 'PLANET', sliceId: 'Mars' } });
    expect(dimension.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(dimension.body.errors?.[0].message).toMatch(/Valid dimensions: ORGANISATION, COMMUNITY, DEPARTMENT, AUDIENCE, COHORT/u);
    expect(await steering.client.errorCode(SERIES, { input: { ...input, from: '2023-01-01', to: '2025-06-01' } })).toBe('BAD_USER_INPUT');
    expect(await steering.client.errorCode(SERIES, { input: { ...input, from: '2026-02-01', to: '2026-01-01' } })).toBe('BAD_USER_INPUT');
    expect(await steering.client.errorCode(SERIES, { input: { ...input, from: '1 Jan' } })).toBe('BAD_USER_INPUT');
    expect(await steering.client.errorCode(SERIES, { input: { ...input, to: '2026-02-30' } })).toBe('BAD_USER_INPUT');
    expect(await steering.client.errorCode(SERIES, { input: { ...input, metrics: ['DEPARTMENTS_COVERED'], dimension: 'DEPARTMENT', sliceId: 'Engineering' } })).toBe('BAD_USER_INPUT');

    expect(await members[0].client.errorCode(SERIES, { input })).toBe('FORBIDDEN');
    expect(await members[0].client.errorCode(SERIES, { input: { ...input, dimension: 'DEPARTMENT', sliceId: 'Engineering' } })).toBe('FORBIDDEN');
    expect(await members[0].client.errorCode(SERIES, { input: { ...input, dimension: 'COMMUNITY', sliceId: community.id } })).toBe('FORBIDDEN');
    expect(await members[0].client.errorCode(BREAKDOWN, { input: { metric: 'POSTS', dimension: 'COMMUNITY', from: '2026-01-01', to: '2026-01-31' } })).toBe('FORBIDDEN');
    expect(await manager.client.errorCode(SERIES, { input })).toBe('FORBIDDEN');
    expect(await steering.client.errorCode(BACKFILL, { from: '2026-01-01', to: '2026-01-02' })).toBe('FORBIDDEN');
    await expect(manager.client.data(SERIES, { input: { ...input, dimension: 'COMMUNITY', sliceId: community.id } })).resolves.toBeDefined();
    await expect(steering.client.data(SERIES, { input: { ...input, dimension: 'COMMUNITY', sliceId: community.id } })).resolves.toBeDefined();
  });
});
