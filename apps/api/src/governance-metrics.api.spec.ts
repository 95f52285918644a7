import { PlatformRole } from '@commons/shared-contracts';
import { RollupService } from '@commons/server-analytics';
import { OutboxRelay } from '@commons/server-realtime';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const SET_ROLE = `mutation ($input: SetMemberRoleInput!) { setCommunityMemberRole(input: $input) { role } }`;
const ADOPT = `mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id } }`;
const SAVE_POLICY = `mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version } }`;
const ACTIVATE_POLICY = `mutation ($policyId: ID!, $version: Int!) { activateModerationPolicyVersion(policyId: $policyId, version: $version) { activeVersion } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id moderationState } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id moderationState } }`;
const QUEUE = `query ($id: ID) { moderationQueue(communityId: $id) { edges { node { id contentId } } } }`;
const REVIEW = `mutation ($input: ReviewItemInput!) { reviewModerationItem(input: $input) { id status } }`;
const APPEAL = `mutation ($input: AppealInput!) { appealModeration(input: $input) { id } }`;
const DECIDE_APPEAL = `mutation ($input: DecideAppealInput!) { decideAppeal(input: $input) { status } }`;
const BACKFILL = `mutation ($from: String!, $to: String!) { backfillRollups(from: $from, to: $to) { days queued } }`;
const SERIES = `query ($input: MetricSeriesInput!) { metricSeries(input: $input) { definition { key } points { start value numerator denominator suppressed } } }`;
const BY_RULE = `query ($input: ModerationByRuleInput!) { moderationByRule(input: $input) { ruleId label action count } }`;
const SAVE_COURSE = `mutation ($input: SaveCourseInput!) { saveCourse(input: $input) { id lessons { id } } }`;
const SET_COURSE_STATE = `mutation ($input: SetCourseStateInput!) { setCourseState(input: $input) { id state } }`;
const ENROL = `mutation ($id: ID!) { enrolInCourse(courseId: $id) { id } }`;
const COMPLETE_LESSON = `mutation ($id: ID!) { completeLesson(lessonId: $id) { completedAt } }`;
const CREATE_GUIDELINE = `mutation ($input: CreateGuidelineInput!) { createGuideline(input: $input) { id } }`;
const SAVE_DRAFT = `mutation ($input: SaveGuidelineDraftInput!) { saveGuidelineDraft(input: $input) { id } }`;
const PUBLISH = `mutation ($input: PublishGuidelineVersionInput!) { publishGuidelineVersion(input: $input) { requiredVersionId } }`;
const ACKNOWLEDGE = `mutation ($input: AcknowledgeGuidelineInput!) { acknowledgeGuideline(input: $input) { viewerMustAcknowledge } }`;

const RULES = [
  { id: 'competitors', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Posts naming other vendors are checked first.', terms: ['Globex'] },
  { id: 'card-numbers', kind: 'PERSONAL_DATA', action: 'REJECT', reason: 'Never post payment card numbers.', detect: ['PAYMENT_CARD'] },
];
const MODERATION = ['MODERATION_HOLDS', 'MODERATION_REJECTIONS', 'REVIEW_QUEUE_ENTRIES', 'REVIEWS_COMPLETED', 'MEDIAN_REVIEW_MINUTES', 'P90_REVIEW_MINUTES', 'APPEALS_UPHELD', 'APPEALS_OVERTURNED'];

type Id = { id: string };
type Person = { client: GraphqlClient; account: Id };
interface Point {
  start: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
}
type Series = Array<{ definition: { key: string }; points: Point[] }>;

/**
 * Governance metrics from a few moderated posts (a community policy that holds posts naming a
 * competitor and rejects card numbers), placed on a known day and rolled up; and the training
 * completion and guideline acknowledgement snapshots of a department, worked out by hand.
 */
describe('governance metrics', () => {
  let api: TestApp;
  let steering: Person;
  let admin: Person;
  let coe: Person;
  let manager: Person;
  let moderator: Person;
  let field: Person[]; // f1…f6, department Field
  let communityId: string;
  let heldThread: string;
  let heldReply: string;

  const settled = () => api.app.get<OutboxRelay>(OutboxRelay).idle();
  const series = (who: Person, input: Record<string, unknown>) => who.client.data<{ metricSeries: Series }>(SERIES, { input }).then((r) => r.metricSeries);
  const point = (all: Series, key: string) => (all.find((s) => s.definition.key === key) as Series[number]).points[0];
  const itemFor = async (contentId: string) =>
    (await moderator.client.data<{ moderationQueue: { edges: Array<{ node: Id & { contentId: string } }> } }>(QUEUE, { id: communityId })).moderationQueue.edges.find((e) => e.node.contentId === contentId)?.node.id;

  beforeAll(async () => {
    api = await startTestApp({ TIME_ZONE: 'Europe/Paris' });
    steering = await api.signedIn(PlatformRole.Steering, { department: 'Programme' });
    admin = await api.signedIn(PlatformRole.Admin, { department: 'IT' });
    coe = await api.signedIn(PlatformRole.Coe, { department: 'Programme' });
    manager = await api.signedIn(PlatformRole.Member, { department: 'Sales' });
    moderator = await api.signedIn(PlatformRole.Member, { department: 'Sales' });
    field = [];
    for (let i = 1; i <= 6; i++) field.push(await api.signedIn(PlatformRole.Member, { department: 'Field' }));
    const [f1, f2, f3] = field;

    ({ createCommunity: { id: communityId } } = await manager.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Vendor talk', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
    }));
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [moderator, ...field]) await person.client.data(JOIN, { id: communityId });
    await manager.client.data(SET_ROLE, { input: { communityId, accountId: moderator.account.id, role: 'MODERATOR' } });
    const { adoptModerationPolicy: policy } = await manager.client.data<{ adoptModerationPolicy: Id }>(ADOPT, { id: communityId });
    const { saveModerationPolicyVersion: saved } = await manager.client.data<{ saveModerationPolicyVersion: { version: number } }>(SAVE_POLICY, { input: { policyId: policy.id, rules: RULES } });
    await manager.client.data(ACTIVATE_POLICY, { policyId: policy.id, version: saved.version });

    // Two posts held (a thread and a reply naming Globex), one rejected (a card number).
    const thread = (await f1.client.data<{ createThread: Id & { moderationState: string } }>(ASK, { input: { communityId, title: 'Globex pricing', body: 'Is Globex cheaper?' } })).createThread;
    expect(thread.moderationState).toBe('HELD');
    heldThread = thread.id;
    const plain = (await f2.client.data<{ createThread: Id }>(ASK, { input: { communityId, title: 'Tooling', body: 'What do you use?' } })).createThread;
    const reply = (await f2.client.data<{ replyToThread: Id & { moderationState: string } }>(REPLY, { input: { threadId: plain.id, body: 'Globex has a good one.' } })).replyToThread;
    expect(reply.moderationState).toBe('HELD');
    heldReply = reply.id;
    const card = await f3.client.request(REPLY, { input: { threadId: plain.id, body: 'My card is 4111 1111 1111 1111.' } });
    expect(card.body.errors?.[0].extensions?.['code']).toBe('POLICY_REJECTED');

    // The moderator approves the thread and rejects the reply; the manager decides both appeals.
    await moderator.client.data(REVIEW, { input: { itemId: await itemFor(heldThread), action: 'APPROVE' } });
    await moderator.client.data(REVIEW, { input: { itemId: await itemFor(heldReply), action: 'REJECT', reason: 'Compare vendors elsewhere.' } });
    const replyAppeal = (await f2.client.data<{ appealModeration: Id }>(APPEAL, { input: { targetKind: 'QUEUE_ITEM', targetId: heldReply, message: 'It was a fair comparison.' } })).appealModeration;
    await expect(manager.client.data(DECIDE_APPEAL, { input: { appealId: replyAppeal.id, overturn: true, reason: 'Fair.' } })).resolves.toMatchObject({ decideAppeal: { status: 'OVERTURNED' } });
    const cardAppeal = (await f3.client.data<{ appealModeration: Id }>(APPEAL, { input: { targetKind: 'DECISION', targetId: card.body.errors?.[0].extensions?.['decisionId'], message: 'A test card.' } }))
      .appealModeration;
    await expect(manager.client.data(DECIDE_APPEAL, { input: { appealId: cardAppeal.id, overturn: false, reason: 'Never.' } })).resolves.toMatchObject({ decideAppeal: { status: 'UPHELD' } });
    await settled();

    // All of it on Tuesday 6 January 2026 (Paris), entering the queue at 16:00; reviewed after 10 and 40 minutes.
    await api.dataSource.query(`SELECT analytics_month_partition('2026-01-01')`);
    await api.dataSource.query(`UPDATE accounts SET created_at = '2025-12-01T00:00:00Z'`);
    await api.dataSource.query(`UPDATE community_memberships SET joined_at = '2025-12-15T00:00:00Z'`);
    await api.dataSource.query(`UPDATE communities SET created_at = '2025-12-01T00:00:00Z'`);
    await api.dataSource.query(`UPDATE activity_log SET occurred_at = '2026-01-06T15:00:00Z' WHERE kind IN ('MODERATION_DECISION', 'QUEUE_ENTERED', 'APPEAL_DECIDED')`);
    await api.dataSource.query(`UPDATE activity_log SET occurred_at = '2026-01-06T15:10:00Z' WHERE kind = 'QUEUE_LEFT' AND subject_id = $1`, [heldThread]);
    await api.dataSource.query(`UPDATE activity_log SET occurred_at = '2026-01-06T15:40:00Z' WHERE kind = 'QUEUE_LEFT' AND subject_id = $1`, [heldReply]);
    await admin.client.data(BACKFILL, { from: '2026-01-06', to: '2026-01-06' });
  }, 60_000);

  afterAll(() => api?.close());

  it('counts holds, rejections, reviews and appeal outcomes, and the time to review, for the community and the organisation', async () => {
    const input = { metrics: MODERATION, from: '2026-01-06', to: '2026-01-06', bucket: 'DAY' };
    for (const [who, slice] of [
      [manager, { dimension: 'COMMUNITY', sliceId: communityId }],
      [steering, { dimension: 'ORGANISATION' }],
    ] as const) {
      const all = await series(who, { ...input, ...slice });
      const value = (key: string) => point(all, key).value;
      expect(MODERATION.map((key) => [key, key.startsWith('P90') ? Math.round((value(key) as number) * 1e9) / 1e9 : value(key)])).toEqual([
        ['MODERATION_HOLDS', 2],
        ['MODERATION_REJECTIONS', 1],
        ['REVIEW_QUEUE_ENTRIES', 2],
        ['REVIEWS_COMPLETED', 2],
        // 10 and 40 minutes: the median is 25, p90 = 10 + 0.9 × 30 = 37.
        ['MEDIAN_REVIEW_MINUTES', 25],
        ['P90_REVIEW_MINUTES', 37],
        ['APPEALS_UPHELD', 1],
        ['APPEALS_OVERTURNED', 1],
      ]);
    }
    // Moderation is not sliced by department.
    await expect(steering.client.errorCode(SERIES, { input: { ...input, metrics: ['MODERATION_HOLDS'], dimension: 'DEPARTMENT', sliceId: 'Field' } })).resolves.toBe('BAD_USER_INPUT');
  });

  it('reports moderation volume by rule and decision, with the rule’s reason as its label', async () => {
    const expected = [
      { ruleId: 'competitors', label: 'Posts naming other vendors are checked first.', action: 'HOLD', count: 2 },
      { ruleId: 'card-numbers', label: 'Never post payment card numbers.', action: 'REJECT', count: 1 },
    ];
    const range = { from: '2026-01-01', to: '2026-01-31' };
    await expect(manager.client.data(BY_RULE, { input: { communityId, ...range } })).resolves.toEqual({ moderationByRule: expected });
    await expect(steering.client.data(BY_RULE, { input: range })).resolves.toEqual({ moderationByRule: expected });
    await expect(steering.client.data(BY_RULE, { input: { from: '2026-02-01', to: '2026-02-28' } })).resolves.toEqual({ moderationByRule: [] });
    // Organisation-wide is for the steering committee; a community for its managers too; members see neither.
    await expect(manager.client.errorCode(BY_RULE, { input: range })).resolves.toBe('FORBIDDEN');
    await expect(field[0].client.errorCode(BY_RULE, { input: { communityId, ...range } })).resolves.toBe('FORBIDDEN');
    await expect(steering.client.errorCode(BY_RULE, { input: { from: '2026-01-31', to: '2026-01-01' } })).resolves.toBe('BAD_USER_INPUT');
    await expect(steering.client.errorCode(BY_RULE, { input: { communityId: 'nope', ...range } })).resolves.toBe('BAD_USER_INPUT');
  });

  it('gives the same rows when a day is rolled up again', async () => {
    const snapshot = () =>
      api.dataSource.query(
        `SELECT 'd' AS t, metric || slice_kind || slice_id AS k, numerator, denominator, people FROM metric_daily WHERE day = '2026-01-06'
         UNION ALL SELECT 'r', community_id || rule_id || action, count, NULL, NULL FROM moderation_rule_days WHERE day = '2026-01-06'
         UNION ALL SELECT 'q', item_id::text || coalesce(status, ''), extract(epoch FROM left_at - entered_at), NULL, NULL FROM moderation_reviews
         ORDER BY 1, 2`,
      );
    const before = await snapshot();
    await admin.client.data(BACKFILL, { from: '2026-01-06', to: '2026-01-06' });
    expect(await snapshot()).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it('reports training completion and guideline acknowledgement of a department as the day’s snapshot', async () => {
    const [f1, f2, f3, f4, f5] = field;
    // Course A: f1…f5 enrol and f1…f3 complete it; course B: f1 enrols only. Field: 3 of 6 enrolments completed.
    const course = async (title: string) => {
      const { saveCourse } = await coe.client.data<{ saveCourse: Id & { lessons: Id[] } }>(SAVE_COURSE, {
        input: { title, description: 'Basics.', audiences: ['EMPLOYEE'], lessons: [{ title: 'Read this', body: 'The basics.' }] },
      });
      await coe.client.data(SET_COURSE_STATE, { input: { courseId: saveCourse.id, state: 'PUBLISHED' } });
      return saveCourse;
    };
    const a = await course('Community basics');
    const b = await course('Advanced moderation');
    for (const person of [f1, f2, f3, f4, f5]) await person.client.data(ENROL, { id: a.id });
    for (const person of [f1, f2, f3]) await person.client.data(COMPLETE_LESSON, { id: a.lessons[0].id });
    await f1.client.data(ENROL, { id: b.id });
    // A platform guideline every employee must acknowledge: f1…f4 do.
    const { createGuideline: guideline } = await coe.client.data<{ createGuideline: Id }>(CREATE_GUIDELINE, { input: { key: 'code-of-conduct', title: 'Code of conduct', audiences: ['EMPLOYEE'] } });
    const { saveGuidelineDraft: version } = await coe.client.data<{ saveGuidelineDraft: Id }>(SAVE_DRAFT, { input: { guidelineId: guideline.id, body: 'Be kind.' } });
    await coe.client.data(PUBLISH, { input: { guidelineId: guideline.id, versionId: version.id, material: true } });
    for (const person of [f1, f2, f3, f4]) await person.client.data(ACKNOWLEDGE, { input: { guidelineId: guideline.id, versionId: version.id } });
    await settled();

    const today = api.app.get<RollupService>(RollupService).today();
    await admin.client.data(BACKFILL, { from: today, to: today });
    const metrics = ['TRAINING_COMPLETION_RATIO', 'GUIDELINE_ACKNOWLEDGEMENT_RATE'];
    const department = await series(steering, { metrics, dimension: 'DEPARTMENT', sliceId: 'Field', from: today, to: today, bucket: 'DAY' });
    expect(point(department, 'TRAINING_COMPLETION_RATIO')).toEqual({ start: today, numerator: 3, denominator: 6, value: 0.5, suppressed: false });
    expect(point(department, 'GUIDELINE_ACKNOWLEDGEMENT_RATE')).toEqual({ start: today, numerator: 4, denominator: 6, value: 4 / 6, suppressed: false });

    // The community (its members: the Field six, the manager and the moderator) and the organisation (every active employee must acknowledge).
    const community = await series(manager, { metrics, dimension: 'COMMUNITY', sliceId: communityId, from: today, to: today, bucket: 'DAY' });
    expect(point(community, 'TRAINING_COMPLETION_RATIO')).toMatchObject({ numerator: 3, denominator: 6 });
    expect(point(community, 'GUIDELINE_ACKNOWLEDGEMENT_RATE')).toMatchObject({ numerator: 4, denominator: 8 });
    const [{ employees }]: Array<{ employees: number }> = await api.dataSource.query(`SELECT count(*)::int AS employees FROM accounts WHERE audience = 'EMPLOYEE' AND suspended_at IS NULL`);
    const organisation = await series(steering, { metrics, from: today, to: today, bucket: 'DAY' });
    expect(point(organisation, 'GUIDELINE_ACKNOWLEDGEMENT_RATE')).toMatchObject({ numerator: 4, denominator: employees });
    expect(point(organisation, 'TRAINING_COMPLETION_RATIO')).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
  });
});
