import { OutboxRelay } from '@commons/server-realtime';
import { PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const CREATE_OBJECTIVE = `mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }`;
const CREATE_COHORT = `mutation ($input: NewCohortInput!) { createCohort(input: $input) { id } }`;
const BACKFILL = `mutation ($from: String!, $to: String!) { backfillRollups(from: $from, to: $to) { days queued } }`;
const STATUS_FIELDS = `status { status current projected progress reason asOf since metric { key } }`;
const COMMUNITY_OBJECTIVES = `query ($id: ID) { community(id: $id) { objectives { id ${STATUS_FIELDS} } } }`;
const OVERVIEW = `query ($input: ObjectivesOverviewInput) { objectivesOverview(input: $input) {
  asOf counts { status count } communities { communityId name lifecycle objectives { id metricKey ${STATUS_FIELDS} } } } }`;
const COMPARISON_FIELDS = `from to group { label people suppressed } others { label people suppressed }
  measures { key group others difference relativeDifference }`;
const PILOT = `query ($input: PilotComparisonInput!) { pilotComparison(input: $input) { ${COMPARISON_FIELDS} } }`;
const TRAINING = `query ($input: TrainingImpactInput!) { trainingImpact(input: $input) { ${COMPARISON_FIELDS} } }`;
const RETENTION = `query ($input: RetentionCohortsInput!) { retentionCohorts(input: $input) { label from to cohorts { month people suppressed weeks { week share } } } }`;
const SERIES = `query ($input: MetricSeriesInput!) { metricSeries(input: $input) { definition { key } points { start value suppressed } } }`;
const SNAPSHOT_FIELDS = `id month version note from to createdById createdByName createdAt unrankedCommunities
  headline { key name unit direction value suppressed }
  objectives { objectiveId communityId communityName lifecycle title metricKey baseline target direction dueDate status current projected reason }
  topCommunities { communityId name value } bottomCommunities { communityId name value }`;
const SAVE_SNAPSHOT = `mutation ($input: SaveMetricSnapshotInput!) { saveMetricSnapshot(input: $input) { ${SNAPSHOT_FIELDS} } }`;
const SNAPSHOT = `query ($id: ID!) { metricSnapshot(id: $id) { ${SNAPSHOT_FIELDS} } }`;
const SNAPSHOTS = `query ($first: Int, $after: String) { metricSnapshots(first: $first, after: $after) { edges { cursor node { id month version } } pageInfo { hasNextPage endCursor } } }`;

type Person = { client: GraphqlClient; account: { id: string } };
type Status = { status: string; current: number | null; projected: number | null; progress: number | null; reason: string; asOf: string; since: string; metric: { key: string } | null };
type Measure = { key: string; group: number | null; others: number | null; difference: number | null; relativeDifference: number | null };
type Comparison = { group: { label: string; people: number | null; suppressed: boolean }; others: { label: string; people: number | null; suppressed: boolean }; measures: Measure[] };

/** Days relative to today in the organisation's time zone (UTC in tests), as YYYY-MM-DD. */
const TODAY = new Date().toISOString().slice(0, 10);
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describe('programme metrics: objectives, pilot vs the rest, retention, engagement duration, snapshots', () => {
  let api: TestApp;
  let admin: Person;
  let steering: Person;
  let manager: Person;
  let joiners: Person[];
  let cohortMembers: Person[];
  let rest: Person[];
  let legal: Person[];
  let onTrack: string;
  let offTrack: string;
  let small: string;
  let conversations: string;
  let objectives: Record<'onTrack' | 'offTrack' | 'small', string>;
  let cohortId: string;
  let smallCohortId: string;

  /** Activity as the consumer would write it, at noon UTC of the day unless a time is given. */
  type Act = { day: string; kind: string; account: string; community?: string | null; subject?: string | null; at?: string };
  const record = async (acts: Act[]) => {
    for (const month of new Set(acts.map((a) => a.day.slice(0, 7)))) await api.dataSource.query('SELECT analytics_month_partition($1::date)', [`${month}-01`]);
    await api.dataSource.query(
      `INSERT INTO activity_log (occurred_at, kind, account_id, community_id, subject_id)
       SELECT (d + t)::timestamp AT TIME ZONE 'UTC', k::activity_kind, a, c, s
         FROM unnest($1::date[], $2::time[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[]) AS u(d, t, k, a, c, s)`,
      [acts.map((a) => a.day), acts.map((a) => a.at ?? '12:00'), acts.map((a) => a.kind), acts.map((a) => a.account), acts.map((a) => a.community ?? null), acts.map((a) => a.subject ?? null)],
    );
  };
  /** A VIEW in `community` every day from `from` to today. */
  const daily = (account: string, community: string, from: number): Act[] => {
    const acts: Act[] = [];
    for (let d = from; d <= 0; d++) acts.push({ day: day(d), kind: 'VIEW', account, community });
    return acts;
  };

  const community = async (name: string, members: Person[]) => {
    const { createCommunity } = await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name, audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'BRAND_MANAGEMENT', useCases: ['FORUMS'] },
    });
    await manager.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    for (const member of members) await member.client.data(JOIN, { id: createCommunity.id });
    return createCommunity.id;
  };
  const objective = async (communityId: string, baseline: number, target: number, dueDate: string) => {
    const { createObjective } = await manager.client.data<{ createObjective: { id: string } }>(CREATE_OBJECTIVE, {
      input: { communityId, metricKey: 'MONTHLY_ACTIVE_MEMBERS_RATIO', title: `Active members to ${target}`, baseline, target, direction: 'UP', dueDate },
    });
    return createObjective.id;
  };
  const people = async (n: number, department: string) => {
    const list: Person[] = [];
    for (let i = 0; i < n; i++) list.push(await api.signedIn(PlatformRole.Member, { department }));
    return list;
  };

  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.signedIn(PlatformRole.Admin, { department: 'IT' });
    steering = await api.signedIn(PlatformRole.Steering, { department: 'Board' });
    manager = await api.signedIn(PlatformRole.Member, { department: 'Ops' });
    joiners = await people(9, 'Ops');
    cohortMembers = await people(5, 'Sales');
    rest = await people(6, 'Sales');
    legal = await people(2, 'Legal');

    // 10 members each (the manager and 9 joiners); a small community of 3; one for conversations.
    onTrack = await community('Rising', joiners);
    offTrack = await community('Steady', joiners);
    small = await community('Tiny', joiners.slice(0, 2));
    conversations = await community('Talkative', joiners);
    objectives = {
      onTrack: await objective(onTrack, 0.1, 0.95, day(21)),
      offTrack: await objective(offTrack, 0.3, 0.9, day(28)),
      small: await objective(small, 0.1, 0.9, day(28)),
    };
    cohortId = (await admin.client.data<{ createCohort: { id: string } }>(CREATE_COHORT, { input: { name: 'Wave 1', memberIds: cohortMembers.map((p) => p.account.id) } })).createCohort.id;
    smallCohortId = (await admin.client.data<{ createCohort: { id: string } }>(CREATE_COHORT, { input: { name: 'Lawyers', memberIds: legal.map((p) => p.account.id) } })).createCohort.id;

    // A clean slate: the setup's own activity (sign-ins, joins) is dropped, members joined 70 days ago.
    await api.app.get<OutboxRelay>(OutboxRelay).idle();
    await api.dataSource.query('DELETE FROM activity_log');
    await api.dataSource.query(`UPDATE community_memberships SET joined_at = now() - interval '70 days' WHERE community_id = ANY($1)`, [[onTrack, offTrack, small, conversations]]);

    const members = [manager, ...joiners].map((p) => p.account.id);
    const acts: Act[] = [];
    // Rising: one more member becomes active every week, from 49 days ago (8 of 10 active today).
    for (let k = 0; k < 8; k++) acts.push(...daily(members[k], onTrack, -49 + 7 * k));
    // Steady: the same 3 members active every day for 63 days (3 of 10).
    for (let k = 0; k < 3; k++) acts.push(...daily(members[k], offTrack, -63));
    // Tiny: everyone active (but only 3 people: suppressed).
    for (let k = 0; k < 3; k++) acts.push(...daily(members[k], small, -40));

    // Pilot: each cohort member active on 2 days of the period, 3 of them start a thread.
    cohortMembers.forEach((p, i) => {
      acts.push({ day: day(-20), kind: 'VIEW', account: p.account.id }, { day: day(-15), kind: 'VIEW', account: p.account.id });
      if (i < 3) acts.push({ day: day(-15), kind: 'THREAD', account: p.account.id, at: '15:00' });
    });
    // The rest: 2 of 6 active on one day, one of whom starts a thread; one active before the period only.
    acts.push({ day: day(-18), kind: 'VIEW', account: rest[0].account.id }, { day: day(-18), kind: 'THREAD', account: rest[0].account.id });
    acts.push({ day: day(-18), kind: 'VIEW', account: rest[1].account.id }, { day: day(-25), kind: 'VIEW', account: rest[2].account.id });
    // Legal is not comparable with the (sales) cohort: its activity must not count.
    acts.push(...daily(legal[0].account.id, small, -20).map((a) => ({ ...a, community: null })));

    // Conversations in Talkative, 10 days ago: 24 h with 3 people, 6 h alone, 2 h with 2; one without replies.
    const [x, y, w, z] = ['0190d6c4-0000-7000-8000-00000000c001', '0190d6c4-0000-7000-8000-00000000c002', '0190d6c4-0000-7000-8000-00000000c003', '0190d6c4-0000-7000-8000-00000000c004'];
    const talk = (offset: number, at: string, kind: string, k: number, subject: string): Act => ({ day: day(offset), at, kind, account: members[k], community: conversations, subject });
    acts.push(talk(-10, '09:00', 'THREAD', 0, x), talk(-10, '11:00', 'REPLY', 1, x), talk(-9, '09:00', 'REPLY', 2, x));
    acts.push(talk(-10, '10:00', 'THREAD', 3, y), talk(-10, '16:00', 'REPLY', 3, y));
    acts.push(talk(-10, '12:00', 'THREAD', 4, w), talk(-10, '13:00', 'REPLY', 5, w), talk(-10, '14:00', 'REPLY', 5, w));
    acts.push(talk(-10, '08:00', 'THREAD', 6, z));
    await record(acts);

    await expect(admin.client.data(BACKFILL, { from: day(-75), to: day(0) })).resolves.toEqual({ backfillRollups: { days: 76, queued: false } });
  });
  afterAll(() => api.close());

  it('gives each objective its current value and status by linear projection, for whoever may read it', async () => {
    // A plain member of the community reads the status with the objective.
    const read = async (id: string) => {
      const [only] = (await joiners[5].client.data<{ community: { objectives: Array<{ id: string; status: Status }> } }>(COMMUNITY_OBJECTIVES, { id })).community.objectives;
      expect(only.id).toBe(objectives[id === onTrack ? 'onTrack' : id === offTrack ? 'offTrack' : 'small']);
      return only.status;
    };

    const rising = await read(onTrack);
    // 8 of 10 members active in the last 30 days; +1 member a week projects past 100% by the due date, capped at 1.
    expect(rising).toMatchObject({ status: 'ON_TRACK', current: 0.8, projected: 1, asOf: TODAY, since: day(-55), metric: { key: 'MONTHLY_ACTIVE_MEMBERS_RATIO' } });

    // Flat at 3 of 10: no progress from the baseline 0.3 towards 0.9. One value per week of the
    // 56 days back to `since` (8 or 9 weekly buckets, depending on today's weekday).
    const weeks = new Set([...Array(56).keys()].map((i) => mondayOf(day(-55 + i)))).size;
    expect(await read(offTrack)).toEqual({
      status: 'OFF_TRACK',
      current: 0.3,
      projected: 0.3,
      progress: 0,
      reason: `The trend over ${weeks} weeks projects 0.3 on ${day(28)}: 0% of the way from 0.3 to the target 0.9.`,
      asOf: TODAY,
      since: day(-55),
      metric: { key: 'MONTHLY_ACTIVE_MEMBERS_RATIO' },
    });

    // Three members only: their values are suppressed, so the status is unknown.
    expect(await read(small)).toMatchObject({ status: 'UNKNOWN', current: null, projected: null, reason: expect.stringMatching(/Fewer than 5 people/u) });
  });

  it("shows the steering committee every community's objectives with their status, and refuses others", async () => {
    const { objectivesOverview } = await steering.client.data<{
      objectivesOverview: { asOf: string; counts: Array<{ status: string; count: number }>; communities: Array<{ name: string; lifecycle: string; objectives: Array<{ id: string; status: Status }> }> };
    }>(OVERVIEW, {});
    expect(objectivesOverview.asOf).toBe(TODAY);
    expect(objectivesOverview.communities.map((c) => [c.name, c.lifecycle, c.objectives.map((o) => o.status.status)])).toEqual([
      ['Rising', 'ACTIVE', ['ON_TRACK']],
      ['Steady', 'ACTIVE', ['OFF_TRACK']],
      ['Tiny', 'ACTIVE', ['UNKNOWN']],
    ]);
    expect(objectivesOverview.counts.filter((c) => c.count > 0)).toEqual([
      { status: 'ON_TRACK', count: 1 },
      { status: 'OFF_TRACK', count: 1 },
      { status: 'UNKNOWN', count: 1 },
    ]);
    // Due dates filter: only the objective due in 3 weeks.
    const due = await steering.client.data<{ objectivesOverview: { communities: Array<{ name: string }> } }>(OVERVIEW, { input: { to: day(21) } });
    expect(due.objectivesOverview.communities.map((c) => c.name)).toEqual(['Rising']);
    await expect(steering.client.errorCode(OVERVIEW, { input: { from: 'yesterday' } })).resolves.toBe('BAD_USER_INPUT');
    await expect(joiners[0].client.errorCode(OVERVIEW, {})).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(OVERVIEW, {})).resolves.toBe('FORBIDDEN');
  });

  it('compares the pilot cohort with comparable non-members, per person, with the difference', async () => {
    const { pilotComparison } = await steering.client.data<{ pilotComparison: Comparison }>(PILOT, { input: { cohortId, from: day(-20), to: day(0) } });
    expect(pilotComparison.group).toEqual({ label: 'Wave 1', people: 5, suppressed: false });
    // The other 6 sales employees; not Legal, not Ops.
    expect(pilotComparison.others).toEqual({ label: 'Comparable non-members', people: 6, suppressed: false });
    const measure = (key: string) => pilotComparison.measures.find((m) => m.key === key);
    // Cohort: 10 active days and 3 threads for 5 people. Rest: 2 active days and 1 thread for 6 (rest[2] was active before the period).
    expect(measure('ACTIVE_DAYS')).toEqual({ key: 'ACTIVE_DAYS', group: 2, others: 0.333333, difference: 1.666667, relativeDifference: 5 });
    expect(measure('POSTS')).toEqual({ key: 'POSTS', group: 0.6, others: 0.166667, difference: 0.433333, relativeDifference: 2.6 });
    expect(measure('SHARE_ACTIVE')).toEqual({ key: 'SHARE_ACTIVE', group: 1, others: 0.333333, difference: 0.666667, relativeDifference: 2 });
    expect(measure('CONTRIBUTOR_SHARE')).toEqual({ key: 'CONTRIBUTOR_SHARE', group: 0.6, others: 0.166667, difference: 0.433333, relativeDifference: 2.6 });
    expect(measure('THREADS')).toEqual({ key: 'THREADS', group: 0.6, others: 0.166667, difference: 0.433333, relativeDifference: 2.6 });
    expect(measure('REPLIES')).toEqual({ key: 'REPLIES', group: 0, others: 0, difference: 0, relativeDifference: null });

    // Only the measures asked for, in that order; an unknown one is refused with the valid ones.
    const some = await steering.client.data<{ pilotComparison: Comparison }>(PILOT, { input: { cohortId, from: day(-20), to: day(0), metrics: ['POSTS', 'ACTIVE_DAYS'] } });
    expect(some.pilotComparison.measures.map((m) => m.key)).toEqual(['POSTS', 'ACTIVE_DAYS']);
    const unknown = await steering.client.request(PILOT, { input: { cohortId, from: day(-20), to: day(0), metrics: ['KARMA'] } });
    expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('ACTIVE_DAYS') });
  });

  it('suppresses groups smaller than the minimum group size', async () => {
    const { pilotComparison } = await steering.client.data<{ pilotComparison: Comparison }>(PILOT, { input: { cohortId: smallCohortId, from: day(-20), to: day(0) } });
    expect(pilotComparison.group).toEqual({ label: 'Lawyers', people: null, suppressed: true });
    expect(pilotComparison.others).toEqual({ label: 'Comparable non-members', people: null, suppressed: true });
    for (const m of pilotComparison.measures) expect(m).toMatchObject({ group: null, others: null, difference: null, relativeDifference: null });

    // Nobody has completed a course: no one to compare.
    const { trainingImpact } = await steering.client.data<{ trainingImpact: Comparison }>(TRAINING, { input: { from: day(-20), to: day(0) } });
    expect(trainingImpact.group).toEqual({ label: 'Trained', people: null, suppressed: true });
    expect(trainingImpact.measures.find((m) => m.key === 'ACTIVE_DAYS')).toMatchObject({ group: null, difference: null });
  });

  it('refuses pilot and training comparisons to anyone but the steering committee, and checks input', async () => {
    await expect(joiners[0].client.errorCode(PILOT, { input: { cohortId, from: day(-20), to: day(0) } })).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(TRAINING, { input: { from: day(-20), to: day(0) } })).resolves.toBe('FORBIDDEN');
    await expect(steering.client.errorCode(PILOT, { input: { cohortId, from: day(0), to: day(-20) } })).resolves.toBe('BAD_USER_INPUT');
    await expect(steering.client.errorCode(PILOT, { input: { cohortId: '0190d6c4-0000-7000-8000-000000000099', from: day(-20), to: day(0) } })).resolves.toBe('NOT_FOUND');
  });

  it('follows a join-month cohort week by week, for the community manager', async () => {
    const { retentionCohorts } = await manager.client.data<{ retentionCohorts: { label: string; cohorts: Array<{ month: string; people: number; suppressed: boolean; weeks: Array<{ week: number; share: number | null }> }> } }>(
      RETENTION,
      { input: { communityId: onTrack, from: day(-75), to: day(0) } },
    );
    expect(retentionCohorts.label).toBe('Rising');
    // All 10 joined 70 days ago; member k is active from day 21 + 7k after joining: weeks 3 + k on. Weeks 11 and 12 are still to come.
    expect(retentionCohorts.cohorts).toEqual([
      {
        month: day(-70).slice(0, 7),
        people: 10,
        suppressed: false,
        weeks: [0, 0, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, null, null].map((share, week) => ({ week, share })),
      },
    ]);
    // The small community's cohort is suppressed; the organisation is for the steering committee.
    const tiny = await manager.client.data<{ retentionCohorts: { cohorts: unknown[] } }>(RETENTION, {
      input: { communityId: small, from: day(-75), to: day(0), weeks: 2 },
    });
    expect(tiny.retentionCohorts.cohorts).toEqual([
      { month: day(-70).slice(0, 7), people: null, suppressed: true, weeks: [0, 1, 2].map((week) => ({ week, share: null })) },
    ]);
    await expect(joiners[0].client.errorCode(RETENTION, { input: { communityId: onTrack, from: day(-75), to: day(0) } })).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(RETENTION, { input: { from: day(-75), to: day(0) } })).resolves.toBe('FORBIDDEN');
    const organisation = await steering.client.data<{ retentionCohorts: unknown }>(RETENTION, { input: { from: day(0), to: day(0), weeks: 0 } });
    // Every account (25) was created today; active today, anywhere: the manager and joiners 0–6 (Rising), and one lawyer.
    expect(organisation.retentionCohorts).toEqual({
      label: 'Organisation',
      from: TODAY,
      to: TODAY,
      cohorts: [{ month: TODAY.slice(0, 7), people: 25, suppressed: false, weeks: [{ week: 0, share: 0.36 }] }],
    });
  });

  it('measures how long conversations live and how many people they draw', async () => {
    const { metricSeries } = await steering.client.data<{ metricSeries: Array<{ definition: { key: string }; points: Array<{ start: string; value: number | null; suppressed: boolean }> }> }>(
      SERIES,
      { input: { metrics: ['MEDIAN_CONVERSATION_HOURS', 'PARTICIPANTS_PER_THREAD'], dimension: 'COMMUNITY', sliceId: conversations, from: day(-10), to: day(-9), bucket: 'DAY' } },
    );
    // Started 10 days ago with replies: 24 h, 6 h and 2 h → median 6; participants 3, 1 and 2 → 2. Nothing started 9 days ago.
    expect(metricSeries.map((s) => [s.definition.key, s.points])).toEqual([
      ['MEDIAN_CONVERSATION_HOURS', [{ start: day(-10), value: 6, suppressed: false }, { start: day(-9), value: null, suppressed: false }]],
      ['PARTICIPANTS_PER_THREAD', [{ start: day(-10), value: 2, suppressed: false }, { start: day(-9), value: null, suppressed: false }]],
    ]);
    // Rolling the days again changes nothing.
    const facts = () => api.dataSource.query('SELECT thread_id, started_at, last_reply_at, replies, participants, participant_ids FROM conversation_facts ORDER BY thread_id');
    const before = await facts();
    expect(before.map((f: { replies: number; participants: number }) => [f.replies, f.participants])).toEqual([[2, 3], [1, 1], [2, 2], [0, 1]]);
    await admin.client.data(BACKFILL, { from: day(-10), to: day(-9) });
    expect(await facts()).toEqual(before);
  });

  it('saves an immutable monthly snapshot, versioned, and reads it back equal', async () => {
    const month = TODAY.slice(0, 7);
    const { saveMetricSnapshot: saved } = await steering.client.data<{ saveMetricSnapshot: Record<string, unknown> & { id: string; headline: Array<{ key: string }>; objectives: Array<{ communityName: string; status: string }>; topCommunities: Array<{ name: string; value: number }>; bottomCommunities: Array<{ name: string }> } }>(
      SAVE_SNAPSHOT,
      { input: { month, note: 'First look' } },
    );
    expect(saved).toMatchObject({ month, version: 1, note: 'First look', from: `${month}-01`, to: TODAY, createdById: steering.account.id });
    expect(saved.headline.map((h) => h.key)).toEqual(expect.arrayContaining(['MONTHLY_ACTIVE_USERS', 'STICKINESS', 'MONTHLY_ACTIVE_MEMBERS_RATIO', 'CONTRIBUTOR_RATIO', 'POSTS', 'REPLIES_PER_THREAD', 'MEDIAN_CONVERSATION_HOURS']));
    expect(saved.objectives.map((o) => [o.communityName, o.status])).toEqual([
      ['Rising', 'ON_TRACK'],
      ['Steady', 'OFF_TRACK'],
      ['Tiny', 'UNKNOWN'],
    ]);
    // Ranked by active members ratio on the month's last day (Talkative: the 7 people of its conversations); Tiny (3 members) is not ranked.
    expect(saved.topCommunities.map((c) => [c.name, c.value])).toEqual([
      ['Rising', 0.8],
      ['Talkative', 0.7],
      ['Steady', 0.3],
    ]);
    expect(saved.bottomCommunities.map((c) => c.name)).toEqual(['Steady', 'Talkative', 'Rising']);
    expect(saved.unrankedCommunities).toBe(1);

    const { metricSnapshot } = await steering.client.data<{ metricSnapshot: unknown }>(SNAPSHOT, { id: saved.id });
    expect(metricSnapshot).toEqual(saved);

    const again = await steering.client.data<{ saveMetricSnapshot: { id: string; version: number; note: string | null } }>(SAVE_SNAPSHOT, { input: { month } });
    expect(again.saveMetricSnapshot).toMatchObject({ version: 2, note: null });
    const first = await steering.client.data<{ metricSnapshots: { edges: Array<{ node: { id: string; version: number } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(SNAPSHOTS, { first: 1 });
    expect(first.metricSnapshots.edges.map((e) => e.node)).toEqual([{ id: again.saveMetricSnapshot.id, month, version: 2 }]);
    expect(first.metricSnapshots.pageInfo.hasNextPage).toBe(true);
    const second = await steering.client.data<{ metricSnapshots: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } }>(SNAPSHOTS, {
      first: 1,
      after: first.metricSnapshots.pageInfo.endCursor,
    });
    expect(second.metricSnapshots).toEqual({ edges: [{ cursor: expect.any(String), node: { id: saved.id, month, version: 1 } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
    // The first version is unchanged by the second.
    expect((await steering.client.data<{ metricSnapshot: unknown }>(SNAPSHOT, { id: saved.id })).metricSnapshot).toEqual(saved);
  });

  it('refuses a bad or future month with BAD_USER_INPUT, and snapshots to anyone but the steering committee', async () => {
    for (const month of ['2026-13', 'March', '2026-3', `${Number(TODAY.slice(0, 4)) + 1}-01`]) {
      const { body } = await steering.client.request(SAVE_SNAPSHOT, { input: { month } });
      expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
    await expect(joiners[0].client.errorCode(SAVE_SNAPSHOT, { input: { month: TODAY.slice(0, 7) } })).resolves.toBe('FORBIDDEN');
    await expect(joiners[0].client.errorCode(SNAPSHOTS, { first: 5 })).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(SNAPSHOTS, { first: 5 })).resolves.toBe('FORBIDDEN');
  });
});

/** The Monday of a day's week (YYYY-MM-DD). */
function mondayOf(d: string): string {
  const t = Date.parse(`${d}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * 86_400_000).toISOString().slice(0, 10);
}
