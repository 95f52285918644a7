import { PlatformRole } from '@commons/shared-contracts';
import { SlaAlerts } from '@commons/server-analytics';
import { OutboxRelay } from '@commons/server-realtime';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const SET_ROLE = `mutation ($input: SetMemberRoleInput!) { setCommunityMemberRole(input: $input) { role } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`;
const ACCEPT = `mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { acceptedReplyId } }`;
const DELETE_THREAD = `mutation ($id: ID!) { deleteThread(threadId: $id) { id } }`;
const SERIES = `query ($input: MetricSeriesInput!) {
  metricSeries(input: $input) { definition { key unit } slice { dimension id label } points { start value numerator denominator suppressed } }
}`;
const BREAKDOWN = `query ($input: MetricBreakdownInput!) { metricBreakdown(input: $input) { rows { slice { id label } value suppressed } } }`;
const DEFINITIONS = `{ metricDefinitions { key description formula dimensions } }`;
const SLA = `query ($id: ID!) { supportSla(communityId: $id) { communityId firstResponseMinutes } }`;
const SET_SLA = `mutation ($input: SetSupportSlaInput!) { setSupportSla(input: $input) { communityId firstResponseMinutes updatedAt } }`;
const REMOVE_SLA = `mutation ($id: ID!) { removeSupportSla(communityId: $id) }`;
const UNANSWERED = `query ($id: ID!, $first: Int, $after: String) {
  unansweredQuestions(communityId: $id, first: $first, after: $after) {
    totalCount edges { cursor node { id title ageMinutes breached alertedAt } } pageInfo { hasNextPage endCursor }
  }
}`;
const AGES = `query ($id: ID!) { unansweredQuestionAges(communityId: $id) { total breached firstResponseMinutes bands { band label count } } }`;
const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { kind summary target { kind id } } } } }`;

const SUPPORT = [
  'QUESTIONS_ASKED',
  'RESPONSE_RATE',
  'MEDIAN_FIRST_RESPONSE_MINUTES',
  'P90_FIRST_RESPONSE_MINUTES',
  'RESOLUTION_RATE',
  'MEDIAN_RESOLUTION_MINUTES',
  'P90_RESOLUTION_MINUTES',
  'UNANSWERED_BACKLOG',
];

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

/** percentile_cont as PostgreSQL defines it: the value at rank p × (n − 1), interpolated linearly. */
function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
}

/**
 * Support metrics from hand-made questions whose times are placed on known days (the
 * organisation is in New York), the SLA of a community, its unanswered backlog, and the hourly
 * alert that tells its managers when a question waits past the SLA.
 */
describe('support metrics, SLAs and alerts', () => {
  let api: TestApp;
  let steering: Person;
  let manager: Person;
  let members: Person[]; // m1…m5 in Engineering; m6 in Legal (with the manager: a department of 2)
  let helpDesk: string;
  let tinyDesk: string;
  const q: Record<string, string> = {};

  const settled = () => api.app.get<OutboxRelay>(OutboxRelay).idle();
  const series = (who: Person, input: Record<string, unknown>) => who.client.data<{ metricSeries: Series[] }>(SERIES, { input }).then((r) => r.metricSeries);
  const values = (all: Series[], key: string) => (all.find((s) => s.definition.key === key) as Series).points.map((p) => p.value);
  const ask = async (who: Person, communityId: string, title: string) =>
    (await who.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId, kind: 'QUESTION', title, body: 'Any ideas?', tags: [] } })).createThread.id;
  const reply = async (who: Person, threadId: string) => (await who.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId, body: 'Try turning it off and on.' } })).replyToThread.id;
  const community = async (owner: Person, name: string) => {
    const { createCommunity } = await owner.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name, audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
    });
    await owner.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    return createCommunity.id;
  };
  const notificationsOf = async (who: Person) =>
    (await who.client.data<{ notifications: { edges: Array<{ node: { kind: string; summary: string; target: { kind: string; id: string } } }> } }>(NOTIFICATIONS)).notifications.edges.map(
      (e) => e.node,
    );

  beforeAll(async () => {
    api = await startTestApp({ TIME_ZONE: 'America/New_York' });
    steering = await api.signedIn(PlatformRole.Steering, { department: 'Programme' });
    manager = await api.signedIn(PlatformRole.Member, { department: 'Legal' });
    members = [];
    for (let i = 1; i <= 6; i++) members.push(await api.signedIn(PlatformRole.Member, { department: i <= 5 ? 'Engineering' : 'Legal' }));
    const [m1, m2, m3, m4, , m6] = members;
    helpDesk = await community(manager, 'Help desk');
    for (const m of members) await m.client.data(JOIN, { id: helpDesk });

    for (const name of ['q1', 'q2', 'q3', 'q4', 'removed']) q[name] = await ask(m1, helpDesk, `Question ${name}`);
    q.q5 = await ask(m6, helpDesk, 'Question q5');
    for (const name of ['q2', 'q3', 'q5']) await reply(m2, q[name]);
    await m1.client.data(ACCEPT, { input: { threadId: q.q1, replyId: await reply(m2, q.q1) } });
    // The asker answering themselves is not a response.
    await reply(m1, q.q4);
    await m1.client.data(DELETE_THREAD, { id: q.removed });

    // A community of two: too small to show.
    tinyDesk = await community(m3, 'Tiny desk');
    await m4.client.data(JOIN, { id: tinyDesk });
    q.tiny = await ask(m4, tinyDesk, 'Question tiny');
    await reply(m3, q.tiny);
    await settled();
  }, 60_000);

  afterAll(() => api?.close());

  it('keeps per-question facts: a reply from the asker is no response, a deleted question is removed', async () => {
    const rows: Array<{ thread_id: string; first_response_at: Date | null; resolved_at: Date | null; removed: boolean }> = await api.dataSource.query(
      `SELECT thread_id, first_response_at, resolved_at, removed FROM support_questions`,
    );
    const of = (id: string) => rows.find((r) => r.thread_id === id);
    expect(of(q.q4)).toMatchObject({ first_response_at: null, removed: false });
    expect(of(q.q1)?.resolved_at).not.toBeNull();
    expect(of(q.removed)?.removed).toBe(true);
  });

  it('defines every support metric in plain words, including the objective keys', async () => {
    const { metricDefinitions } = await steering.client.data<{ metricDefinitions: Array<{ key: string; description: string; formula: string; dimensions: string[] }> }>(DEFINITIONS);
    for (const key of SUPPORT) {
      const definition = metricDefinitions.find((d) => d.key === key);
      expect(definition?.dimensions).toEqual(['ORGANISATION', 'COMMUNITY', 'DEPARTMENT', 'AUDIENCE', 'COHORT']);
    }
    expect(metricDefinitions.find((d) => d.key === 'MEDIAN_FIRST_RESPONSE_MINUTES')?.formula).toContain('percentile_cont');
  });

  describe('with the questions placed on known days', () => {
    beforeAll(async () => {
      await api.dataSource.query(`UPDATE accounts SET created_at = '2025-12-01T00:00:00Z'`);
      await api.dataSource.query(`UPDATE community_memberships SET joined_at = '2025-12-15T00:00:00Z'`);
      const place = (id: string, askedAt: string, firstResponseMinutes: number | null, resolvedMinutes: number | null) =>
        api.dataSource.query(
          `UPDATE support_questions SET asked_at = $2::timestamptz,
                  first_response_at = $2::timestamptz + $3 * interval '1 minute', resolved_at = $2::timestamptz + $4 * interval '1 minute'
            WHERE thread_id = $1`,
          [id, askedAt, firstResponseMinutes, resolvedMinutes],
        );
      // Week of Monday 5 January (New York): answered in 10, 20 and 60 minutes; one resolved in 30.
      await place(q.q1, '2026-01-06T15:00:00Z', 10, 30);
      await place(q.q2, '2026-01-07T15:00:00Z', 20, null);
      await place(q.q3, '2026-01-08T15:00:00Z', 60, null);
      // Sunday 11 January at 22:00 in New York (already Monday in UTC): still that week. Never answered.
      await place(q.q4, '2026-01-12T03:00:00Z', null, null);
      await place(q.removed, '2026-01-07T12:00:00Z', null, null);
      // Week of 12 January: answered a week later (10,080 minutes), in the week of the 19th.
      await place(q.q5, '2026-01-13T15:00:00Z', 10_080, null);
      await place(q.tiny, '2026-01-07T15:00:00Z', 5, null);
    });

    it('computes the community’s weekly support metrics as worked out by hand, in the organisation’s time zone', async () => {
      const all = await series(manager, { metrics: SUPPORT, dimension: 'COMMUNITY', sliceId: helpDesk, from: '2026-01-05', to: '2026-01-25', bucket: 'WEEK' });
      expect(all[0].points.map((p) => p.start)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
      expect(values(all, 'QUESTIONS_ASKED')).toEqual([4, 1, 0]);
      const rate = all.find((s) => s.definition.key === 'RESPONSE_RATE') as Series;
      expect(rate.points[0]).toEqual({ start: '2026-01-05', numerator: 3, denominator: 4, value: 0.75, suppressed: false });
      expect(values(all, 'RESPONSE_RATE')).toEqual([0.75, 1, null]);
      // 10, 20, 60 minutes: the median is 20; p90 = percentile_cont(0.9) = 20 + 0.8 × (60 − 20) = 52.
      expect(values(all, 'MEDIAN_FIRST_RESPONSE_MINUTES')).toEqual([20, 10_080, null]);
      const p90 = values(all, 'P90_FIRST_RESPONSE_MINUTES');
      expect(p90[0]).toBeCloseTo(52, 9);
      expect(p90.slice(1)).toEqual([10_080, null]);
      expect(values(all, 'RESOLUTION_RATE')).toEqual([0.25, 0, null]);
      expect(values(all, 'MEDIAN_RESOLUTION_MINUTES')).toEqual([30, null, null]);
      expect(values(all, 'P90_RESOLUTION_MINUTES')).toEqual([30, null, null]);
      // Waiting at each week's end: q4; q4 and q5 (answered on the 20th); q4.
      expect(values(all, 'UNANSWERED_BACKLOG')).toEqual([1, 2, 1]);

      const days = await series(manager, { metrics: ['QUESTIONS_ASKED', 'UNANSWERED_BACKLOG'], dimension: 'COMMUNITY', sliceId: helpDesk, from: '2026-01-11', to: '2026-01-12', bucket: 'DAY' });
      expect(values(days, 'QUESTIONS_ASKED')).toEqual([1, 0]);
      expect(values(days, 'UNANSWERED_BACKLOG')).toEqual([1, 1]);
    });

    it('matches the organisation’s month recomputed independently from the raw question rows', async () => {
      const rows: Array<{ asked_at: Date; first_response_at: Date | null; resolved_at: Date | null; removed: boolean }> = await api.dataSource.query(
        `SELECT asked_at, first_response_at, resolved_at, removed FROM support_questions`,
      );
      // January in New York: from 05:00 UTC on the 1st to 05:00 UTC on 1 February.
      const asked = rows.filter((r) => !r.removed && r.asked_at >= new Date('2026-01-01T05:00:00Z') && r.asked_at < new Date('2026-02-01T05:00:00Z'));
      const minutes = (later: 'first_response_at' | 'resolved_at') => asked.filter((r) => r[later]).map((r) => ((r[later] as Date).getTime() - r.asked_at.getTime()) / 60_000);
      const all = await series(steering, { metrics: SUPPORT, from: '2026-01-01', to: '2026-01-31', bucket: 'MONTH' });
      expect(all[0].slice).toEqual({ dimension: 'ORGANISATION', id: null, label: 'Organisation' });
      expect(values(all, 'QUESTIONS_ASKED')).toEqual([asked.length]);
      expect(asked.length).toBe(6);
      expect(values(all, 'RESPONSE_RATE')[0]).toBeCloseTo(minutes('first_response_at').length / asked.length, 12);
      expect(values(all, 'MEDIAN_FIRST_RESPONSE_MINUTES')[0]).toBeCloseTo(percentileCont(minutes('first_response_at'), 0.5) as number, 9);
      expect(values(all, 'P90_FIRST_RESPONSE_MINUTES')[0]).toBeCloseTo(percentileCont(minutes('first_response_at'), 0.9) as number, 9);
      expect(values(all, 'RESOLUTION_RATE')[0]).toBeCloseTo(minutes('resolved_at').length / asked.length, 12);
      expect(values(all, 'MEDIAN_RESOLUTION_MINUTES')[0]).toBeCloseTo(percentileCont(minutes('resolved_at'), 0.5) as number, 9);
      // 5, 10, 20, 60 and 10,080 minutes: 20, and 60 + 0.6 × (10,080 − 60) = 6,072.
      expect(values(all, 'MEDIAN_FIRST_RESPONSE_MINUTES')[0]).toBe(20);
      expect(values(all, 'P90_FIRST_RESPONSE_MINUTES')[0]).toBeCloseTo(6_072, 9);
    });

    it('slices by the asker’s department, breaks down by community, and suppresses groups of fewer than five people', async () => {
      const engineering = await series(steering, { metrics: ['QUESTIONS_ASKED', 'MEDIAN_FIRST_RESPONSE_MINUTES'], dimension: 'DEPARTMENT', sliceId: 'Engineering', from: '2026-01-01', to: '2026-01-31', bucket: 'MONTH' });
      // m1 asked q1…q4 (the tiny desk's question is m4's, also in Engineering): 5 questions, answered in 5, 10, 20, 60 minutes.
      expect(values(engineering, 'QUESTIONS_ASKED')).toEqual([5]);
      expect(values(engineering, 'MEDIAN_FIRST_RESPONSE_MINUTES')).toEqual([15]);

      const employees = await series(steering, { metrics: ['QUESTIONS_ASKED', 'RESPONSE_RATE'], dimension: 'AUDIENCE', sliceId: 'EMPLOYEE', from: '2026-01-01', to: '2026-01-31', bucket: 'MONTH' });
      expect(values(employees, 'QUESTIONS_ASKED')).toEqual([6]);
      expect(values(employees, 'RESPONSE_RATE')[0]).toBeCloseTo(5 / 6, 12);

      const legal = await series(steering, { metrics: ['QUESTIONS_ASKED', 'RESPONSE_RATE'], dimension: 'DEPARTMENT', sliceId: 'Legal', from: '2026-01-01', to: '2026-01-31', bucket: 'MONTH' });
      for (const s of legal) expect(s.points).toEqual([{ start: '2026-01-01', value: null, numerator: null, denominator: null, suppressed: true }]);
      const tiny = await series(steering, { metrics: ['MEDIAN_FIRST_RESPONSE_MINUTES'], dimension: 'COMMUNITY', sliceId: tinyDesk, from: '2026-01-01', to: '2026-01-31', bucket: 'MONTH' });
      expect(tiny[0].points[0]).toMatchObject({ value: null, suppressed: true });

      const { metricBreakdown } = await steering.client.data<{ metricBreakdown: { rows: Array<{ slice: { id: string; label: string }; value: number | null; suppressed: boolean }> } }>(BREAKDOWN, {
        input: { metric: 'RESPONSE_RATE', dimension: 'COMMUNITY', from: '2026-01-01', to: '2026-01-31' },
      });
      expect(metricBreakdown.rows).toEqual([
        { slice: { id: helpDesk, label: 'Help desk' }, value: 0.8, suppressed: false },
        { slice: { id: tinyDesk, label: 'Tiny desk' }, value: null, suppressed: true },
      ]);
    });

    it('refuses members and bad input', async () => {
      const [, m2] = members;
      const input = { metrics: ['RESPONSE_RATE'], dimension: 'COMMUNITY', sliceId: helpDesk, from: '2026-01-01', to: '2026-01-31', bucket: 'MONTH' };
      await expect(m2.client.errorCode(SERIES, { input })).resolves.toBe('FORBIDDEN');
      await expect(m2.client.errorCode(SERIES, { input: { ...input, dimension: 'ORGANISATION', sliceId: null } })).resolves.toBe('FORBIDDEN');
      await expect(manager.client.errorCode(SERIES, { input: { ...input, metrics: ['MEDIAN_RESPONSE'] } })).resolves.toBe('BAD_USER_INPUT');
      await expect(manager.client.errorCode(SERIES, { input: { ...input, from: '2023-01-01' } })).resolves.toBe('BAD_USER_INPUT');
      await expect(m2.client.errorCode(UNANSWERED, { id: helpDesk })).resolves.toBe('FORBIDDEN');
      await expect(m2.client.errorCode(AGES, { id: helpDesk })).resolves.toBe('FORBIDDEN');
      await expect(manager.client.errorCode(UNANSWERED, { id: 'not-a-community' })).resolves.toBe('BAD_USER_INPUT');
      await expect(manager.client.errorCode(UNANSWERED, { id: helpDesk, after: 'garbage' })).resolves.toBe('BAD_USER_INPUT');
      await expect(manager.client.errorCode(SET_SLA, { input: { communityId: helpDesk, firstResponseMinutes: 0 } })).resolves.toBe('BAD_USER_INPUT');
      await expect(m2.client.errorCode(SET_SLA, { input: { communityId: helpDesk, firstResponseMinutes: 60 } })).resolves.toBe('FORBIDDEN');
      // The steering committee sees the backlog but does not set a community's targets.
      await expect(steering.client.errorCode(SET_SLA, { input: { communityId: helpDesk, firstResponseMinutes: 60 } })).resolves.toBe('FORBIDDEN');
      await expect(m2.client.errorCode(SLA, { id: helpDesk })).resolves.toBe('FORBIDDEN');
    });
  });

  describe('SLA alerts', () => {
    let secondManager: Person;

    beforeAll(async () => {
      const [m1, m2, , , m5] = members;
      secondManager = m5;
      await manager.client.data(SET_ROLE, { input: { communityId: helpDesk, accountId: m5.account.id, role: 'MANAGER' } });
      q.late = await ask(m1, helpDesk, 'Who owns the printer budget?');
      q.answered = await ask(m1, helpDesk, 'Where is the style guide?');
      q.fresh = await ask(m1, helpDesk, 'Is the canteen open today?');
      await reply(m2, q.answered);
      await settled();
      // Asked two hours ago (the answered one was answered just now, after two hours: too late, but answered); the fresh one ten minutes ago.
      await api.dataSource.query(`UPDATE support_questions SET asked_at = now() - interval '2 hours' WHERE thread_id = ANY($1)`, [[q.late, q.answered]]);
      await api.dataSource.query(`UPDATE support_questions SET asked_at = now() - interval '10 minutes' WHERE thread_id = $1`, [q.fresh]);
    });

    it('lets the community’s managers set the SLA', async () => {
      await expect(manager.client.data(SLA, { id: helpDesk })).resolves.toEqual({ supportSla: null });
      await expect(manager.client.data(SET_SLA, { input: { communityId: helpDesk, firstResponseMinutes: 60 } })).resolves.toMatchObject({
        setSupportSla: { communityId: helpDesk, firstResponseMinutes: 60 },
      });
      await expect(steering.client.data(SLA, { id: helpDesk })).resolves.toEqual({ supportSla: { communityId: helpDesk, firstResponseMinutes: 60 } });
    });

    it('alerts each manager once about a question unanswered past the SLA, and nobody about answered or recent ones', async () => {
      const alerts = api.app.get<SlaAlerts>(SlaAlerts);
      await expect(alerts.check()).resolves.toBe(1);
      await settled();
      const breaches = async (who: Person) => (await notificationsOf(who)).filter((n) => n.kind === 'SLA_BREACHED');
      for (const who of [manager, secondManager]) {
        const mine = await breaches(who);
        expect(mine).toEqual([{ kind: 'SLA_BREACHED', summary: expect.stringContaining('Who owns the printer budget?'), target: { kind: 'THREAD', id: q.late } }]);
      }
      const [m1, m2] = members;
      expect(await breaches(m1)).toEqual([]);
      expect(await breaches(m2)).toEqual([]);

      // Checking again alerts nobody twice.
      await expect(alerts.check()).resolves.toBe(0);
      await settled();
      expect(await breaches(manager)).toHaveLength(1);
      const recorded: Array<{ thread_id: string }> = await api.dataSource.query(`SELECT thread_id FROM support_sla_alerts`);
      expect(recorded.map((r) => r.thread_id)).toEqual([q.late]);
    });

    it('lists the unanswered questions oldest first with their age, breach and alert, page by page, and counts them by age', async () => {
      type Page = { totalCount: number; edges: Array<{ node: { id: string; title: string | null; ageMinutes: number; breached: boolean; alertedAt: string | null } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      const page = async (who: Person, after?: string) => (await who.client.data<{ unansweredQuestions: Page }>(UNANSWERED, { id: helpDesk, first: 2, after })).unansweredQuestions;
      const first = await page(manager);
      expect(first.totalCount).toBe(3);
      expect(first.edges.map((e) => e.node.id)).toEqual([q.q4, q.late]);
      expect(first.edges[0].node).toMatchObject({ title: 'Question q4', breached: true, alertedAt: null });
      expect(first.edges[1].node).toMatchObject({ title: 'Who owns the printer budget?', breached: true, alertedAt: expect.any(String) });
      expect(first.edges[1].node.ageMinutes).toBeGreaterThanOrEqual(120);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(manager, first.pageInfo.endCursor);
      expect(second.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: q.fresh, breached: false, alertedAt: null })]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      // The steering committee sees it too.
      expect((await page(steering)).edges.map((e) => e.node.id)).toEqual([q.q4, q.late]);

      const { unansweredQuestionAges } = await manager.client.data<{ unansweredQuestionAges: { total: number; breached: number; firstResponseMinutes: number; bands: Array<{ band: string; count: number }> } }>(AGES, { id: helpDesk });
      expect(unansweredQuestionAges).toMatchObject({ total: 3, breached: 2, firstResponseMinutes: 60 });
      expect(unansweredQuestionAges.bands.map((b) => [b.band, b.count])).toEqual([
        ['UNDER_1_HOUR', 1],
        ['HOURS_1_TO_4', 1],
        ['HOURS_4_TO_24', 0],
        ['DAYS_1_TO_3', 0],
        ['OVER_3_DAYS', 1],
      ]);
    });

    it('removes the SLA', async () => {
      await expect(manager.client.data(REMOVE_SLA, { id: helpDesk })).resolves.toEqual({ removeSupportSla: true });
      await expect(manager.client.data(SLA, { id: helpDesk })).resolves.toEqual({ supportSla: null });
      await expect(manager.client.data(REMOVE_SLA, { id: helpDesk })).resolves.toEqual({ removeSupportSla: false });
    });
  });
});
