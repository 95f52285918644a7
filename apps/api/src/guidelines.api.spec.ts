import { Audience, PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id moderationState } }`;
const ADOPT = `mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id } }`;
const SAVE_POLICY = `mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version } }`;
const ACTIVATE_POLICY = `mutation ($policyId: ID!, $version: Int!) { activateModerationPolicyVersion(policyId: $policyId, version: $version) { activeVersion } }`;

const CREATE = `mutation ($input: CreateGuidelineInput!) { createGuideline(input: $input) { id key title audiences viewerCanManage } }`;
const SAVE_DRAFT = `mutation ($input: SaveGuidelineDraftInput!) { saveGuidelineDraft(input: $input) { id number bodyHtml publishedAt } }`;
const PUBLISH = `mutation ($input: PublishGuidelineVersionInput!) { publishGuidelineVersion(input: $input) { currentVersion { id number material } requiredVersionId } }`;
const ACKNOWLEDGE = `mutation ($input: AcknowledgeGuidelineInput!) { acknowledgeGuideline(input: $input) { viewerMustAcknowledge viewerAcknowledgedVersionId } }`;
const GUIDELINE = `query ($key: String!) { guideline(key: $key) { id key currentVersion { id number bodyHtml } requiredVersionId viewerMustAcknowledge viewerAcknowledgedVersionId viewerCanManage viewerCanSeeCompliance } }`;
const LIST = `{ guidelines(first: 50) { totalCount edges { node { key } } } }`;
const PENDING = `{ pendingGuidelines(first: 10) { totalCount edges { node { key title } } } }`;
const VERSIONS = `query ($id: ID!, $after: String) { guidelineVersions(guidelineId: $id, first: 2, after: $after) { edges { node { number material changeNote publishedByName } } pageInfo { hasNextPage endCursor } } }`;
const DRAFT = `query ($id: ID!) { guidelineDraft(guidelineId: $id) { id number body } }`;
const COMPLIANCE = `query ($filter: GuidelineComplianceFilter!) { guidelineCompliance(filter: $filter) { versionNumber expected acknowledged rate byDepartment { key expected acknowledged rate } byCommunity { key expected acknowledged } byAudience { key expected acknowledged } } }`;
const NOT_ACKNOWLEDGED = `query ($filter: GuidelineComplianceFilter!, $after: String) { guidelineNotAcknowledged(filter: $filter, first: 2, after: $after) { totalCount edges { node { id displayName department } } pageInfo { hasNextPage endCursor } } }`;
const CSV = `query ($filter: GuidelineComplianceFilter!) { guidelineComplianceCsv(filter: $filter) }`;
const REMIND = `mutation ($filter: GuidelineComplianceFilter!) { remindGuideline(filter: $filter) }`;

type Person = { client: GraphqlClient; account: { id: string } };
type Id = { id: string };

describe('guidelines and acknowledgement', () => {
  let api: TestApp;
  let coe: Person;
  let steering: Person;
  let manager: Person;
  let otherManager: Person;
  let member: Person;
  let colleague: Person;
  let customer: Person;
  let communityId: string;
  let otherCommunityId: string;
  let guidelineId: string;
  const versions: string[] = [];

  const publish = async (body: string, material: boolean, changeNote = '') => {
    const draft = (await coe.client.data<{ saveGuidelineDraft: Id }>(SAVE_DRAFT, { input: { guidelineId, body, changeNote } })).saveGuidelineDraft;
    await coe.client.data(PUBLISH, { input: { guidelineId, versionId: draft.id, material } });
    versions.push(draft.id);
    return draft.id;
  };
  const pending = async (who: Person) => (await who.client.data<{ pendingGuidelines: { totalCount: number; edges: Array<{ node: { key: string } }> } }>(PENDING)).pendingGuidelines;
  const acknowledge = (who: Person, versionId: string) => who.client.data<{ acknowledgeGuideline: { viewerMustAcknowledge: boolean } }>(ACKNOWLEDGE, { input: { guidelineId, versionId } });
  const community = async (owner: Person, name: string) => {
    const id = (await owner.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, { input: { name, audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] } })).createCommunity.id;
    await owner.client.data(ACTIVATE, { input: { communityId: id, lifecycle: 'ACTIVE' } });
    return id;
  };

  beforeAll(async () => {
    api = await startTestApp();
    coe = await api.signedIn(PlatformRole.Coe, { displayName: 'Cora Coe', department: 'Programme' });
    steering = await api.signedIn(PlatformRole.Steering, { displayName: 'Stan Steering', department: 'Board' });
    manager = await api.signedIn(PlatformRole.Member, { displayName: 'Mara Manager', department: 'Sales' });
    otherManager = await api.signedIn(PlatformRole.Member, { displayName: 'Olga Other', department: 'Sales' });
    member = await api.signedIn(PlatformRole.Member, { displayName: 'Max Member', department: 'Engineering' });
    colleague = await api.signedIn(PlatformRole.Member, { displayName: 'Cleo Colleague', department: 'Engineering' });
    customer = await api.signedIn(PlatformRole.Member, { displayName: 'Cass Customer', audience: Audience.Customer });
    communityId = await community(manager, 'Field Sales');
    otherCommunityId = await community(otherManager, 'Other Place');
    await member.client.data(JOIN, { id: communityId });
  });
  afterAll(() => api.close());

  it('lets the programme team create and publish a guideline, and nobody else', async () => {
    const input = { key: 'social-media', title: 'Social media policy', audiences: ['EMPLOYEE'] };
    await expect(member.client.errorCode(CREATE, { input })).resolves.toBe('FORBIDDEN');
    await expect(steering.client.errorCode(CREATE, { input })).resolves.toBe('FORBIDDEN');
    await expect(coe.client.errorCode(CREATE, { input: { ...input, key: 'Social Media!' } })).resolves.toBe('BAD_USER_INPUT');
    const created = (await coe.client.data<{ createGuideline: Id & { viewerCanManage: boolean } }>(CREATE, { input })).createGuideline;
    expect(created).toMatchObject({ key: 'social-media', audiences: ['EMPLOYEE'], viewerCanManage: true });
    guidelineId = created.id;
    await expect(coe.client.errorCode(CREATE, { input })).resolves.toBe('CONFLICT');

    // Nothing published yet: nobody is asked to acknowledge.
    expect((await pending(member)).totalCount).toBe(0);
    // A member cannot draft or publish, nor see the draft.
    await expect(member.client.errorCode(SAVE_DRAFT, { input: { guidelineId, body: 'Mine now' } })).resolves.toBe('FORBIDDEN');
    const draft = (await coe.client.data<{ saveGuidelineDraft: Id & { number: number; bodyHtml: string } }>(SAVE_DRAFT, { input: { guidelineId, body: 'Speak **only** for yourself. <script>x()</script>' } })).saveGuidelineDraft;
    expect(draft.number).toBe(1);
    expect(draft.bodyHtml).toContain('<strong>only</strong>');
    expect(draft.bodyHtml).not.toContain('<script');
    // Saving again edits the same draft.
    await expect(coe.client.data(SAVE_DRAFT, { input: { guidelineId, body: 'Speak **only** for yourself.', changeNote: 'First version' } })).resolves.toMatchObject({ saveGuidelineDraft: { id: draft.id, number: 1 } });
    await expect(member.client.errorCode(DRAFT, { id: guidelineId })).resolves.toBe('FORBIDDEN');
    await expect(coe.client.data(DRAFT, { id: guidelineId })).resolves.toMatchObject({ guidelineDraft: { id: draft.id, body: 'Speak **only** for yourself.' } });
    await expect(member.client.errorCode(PUBLISH, { input: { guidelineId, versionId: draft.id, material: true } })).resolves.toBe('FORBIDDEN');

    // The first version asks everyone, even when published as editorial.
    await expect(coe.client.data(PUBLISH, { input: { guidelineId, versionId: draft.id, material: false } })).resolves.toMatchObject({
      publishGuidelineVersion: { currentVersion: { id: draft.id, number: 1, material: true }, requiredVersionId: draft.id },
    });
    versions.push(draft.id);
    await expect(coe.client.errorCode(PUBLISH, { input: { guidelineId, versionId: draft.id, material: true } })).resolves.toBe('CONFLICT');
    await expect(coe.client.data(DRAFT, { id: guidelineId })).resolves.toEqual({ guidelineDraft: null });

    // Customers are not in its audience: they neither see it nor are asked.
    await expect(customer.client.errorCode(GUIDELINE, { key: 'social-media' })).resolves.toBe('NOT_FOUND');
    await expect(customer.client.data(LIST)).resolves.toEqual({ guidelines: { totalCount: 0, edges: [] } });
    expect((await pending(customer)).totalCount).toBe(0);
    await expect(customer.client.errorCode(ACKNOWLEDGE, { input: { guidelineId, versionId: draft.id } })).resolves.toBe('NOT_FOUND');
  });

  it('asks employees to acknowledge the latest material version, again after a material change but not after an editorial one', async () => {
    expect(await pending(member)).toEqual({ totalCount: 1, edges: [{ node: { key: 'social-media', title: 'Social media policy' } }] });
    await expect(member.client.data(GUIDELINE, { key: 'social-media' })).resolves.toMatchObject({
      guideline: { viewerMustAcknowledge: true, viewerAcknowledgedVersionId: null, viewerCanManage: false, viewerCanSeeCompliance: false, currentVersion: { number: 1 } },
    });

    await expect(acknowledge(member, versions[0] as string)).resolves.toEqual({ acknowledgeGuideline: { viewerMustAcknowledge: false, viewerAcknowledgedVersionId: versions[0] } });
    // Idempotent.
    await expect(acknowledge(member, versions[0] as string)).resolves.toMatchObject({ acknowledgeGuideline: { viewerMustAcknowledge: false } });
    expect((await pending(member)).totalCount).toBe(0);
    const events = async () => (await api.dataSource.query(`SELECT type, payload FROM outbox_events WHERE type LIKE 'knowledge.guideline.%' ORDER BY seq`)) as Array<{ type: string; payload: Record<string, unknown> }>;
    expect((await events()).filter((e) => e.type === 'knowledge.guideline.acknowledged')).toEqual([
      { type: 'knowledge.guideline.acknowledged', payload: { guidelineId, versionId: versions[0], accountId: member.account.id } },
    ]);

    const editorial = await publish('Speak only for yourself. (Typo fixed.)', false, 'Typo');
    expect((await pending(member)).totalCount).toBe(0);
    await expect(member.client.data(GUIDELINE, { key: 'social-media' })).resolves.toMatchObject({ guideline: { currentVersion: { id: editorial, number: 2 }, requiredVersionId: versions[0], viewerMustAcknowledge: false } });

    const material = await publish('Speak only for yourself, and never about customers.', true, 'Customers are off limits');
    expect((await pending(member)).totalCount).toBe(1);
    // An outdated version is a CONFLICT naming the current one.
    const outdated = await member.client.request(ACKNOWLEDGE, { input: { guidelineId, versionId: editorial } });
    expect(outdated.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersionId: material });
    await expect(member.client.errorCode(ACKNOWLEDGE, { input: { guidelineId, versionId: '00000000-0000-4000-8000-000000000000' } })).resolves.toBe('NOT_FOUND');
    await expect(acknowledge(member, material)).resolves.toMatchObject({ acknowledgeGuideline: { viewerMustAcknowledge: false } });
    expect((await pending(member)).totalCount).toBe(0);

    const published = (await events()).filter((e) => e.type === 'knowledge.guideline.version-published').map((e) => e.payload['material']);
    expect(published).toEqual([true, false, true]);

    // The history, newest first, page by page.
    const first = (await member.client.data<{ guidelineVersions: { edges: Array<{ node: { number: number; material: boolean; publishedByName: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(VERSIONS, { id: guidelineId })).guidelineVersions;
    expect(first.edges.map((e) => [e.node.number, e.node.material])).toEqual([[3, true], [2, false]]);
    expect(first.edges[0]?.node.publishedByName).toBe('Cora Coe');
    const second = (await member.client.data<{ guidelineVersions: { edges: Array<{ node: { number: number } }>; pageInfo: { hasNextPage: boolean } } }>(VERSIONS, { id: guidelineId, after: first.pageInfo.endCursor })).guidelineVersions;
    expect(second.edges.map((e) => e.node.number)).toEqual([1]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    await expect(customer.client.errorCode(VERSIONS, { id: guidelineId })).resolves.toBe('NOT_FOUND');
  });

  it('refuses posts in a community whose policy requires the guideline until the current material version is acknowledged', async () => {
    const policyId = (await manager.client.data<{ adoptModerationPolicy: Id }>(ADOPT, { id: communityId })).adoptModerationPolicy.id;
    const rules = [{ id: 'social-media', kind: 'GUIDELINE_ACKNOWLEDGEMENT', action: 'REJECT', reason: 'Please acknowledge the social media policy before posting.', guideline: 'social-media' }];
    // A rule must name an existing guideline.
    const unknown = await manager.client.request(SAVE_POLICY, { input: { policyId, rules: [{ ...rules[0], guideline: 'no-such-guideline' }] } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'rules.social-media.guideline' }] });
    const { version } = (await manager.client.data<{ saveModerationPolicyVersion: { version: number } }>(SAVE_POLICY, { input: { policyId, rules } })).saveModerationPolicyVersion;
    await manager.client.data(ACTIVATE_POLICY, { policyId, version });

    await colleague.client.data(JOIN, { id: communityId });
    const post = (who: Person, title: string) => who.client.request<{ createThread: { moderationState: string } }>(ASK, { input: { communityId, title, body: 'What do you think about this?' } });
    const refused = await post(colleague, 'Before acknowledging');
    const error = refused.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'POLICY_REJECTED', rule: 'social-media', guideline: { key: 'social-media', title: 'Social media policy', path: '/knowledge/guidelines/social-media' } });
    expect(error?.message).toContain('Social media policy');
    expect(error?.message).toContain('/knowledge/guidelines/social-media');

    // Acknowledging an older version does not help (it is refused), the current one does.
    await expect(colleague.client.errorCode(ACKNOWLEDGE, { input: { guidelineId, versionId: versions[0] } })).resolves.toBe('CONFLICT');
    await acknowledge(colleague, versions[2] as string);
    expect((await post(colleague, 'After acknowledging')).body.data?.createThread).toBeTruthy();

    // An editorial version asks nobody again; a material one does.
    await publish('Speak only for yourself, and never about customers. (Reworded.)', false);
    expect((await post(colleague, 'After an editorial change')).body.data?.createThread).toBeTruthy();
    await publish('Speak only for yourself; never about customers or prices.', true, 'Prices');
    expect((await post(colleague, 'After a material change')).body.errors?.[0]?.extensions?.['code']).toBe('POLICY_REJECTED');
    await acknowledge(colleague, versions[4] as string);
    expect((await post(colleague, 'Acknowledged again')).body.data?.createThread).toBeTruthy();
  });

  it('shows compliance to the programme team, steering and, for their members, community managers; others are refused', async () => {
    // Version 5 is the one to acknowledge now; only the colleague has.
    const filter = { guidelineId };
    const report = (await coe.client.data<{ guidelineCompliance: { versionNumber: number; expected: number; acknowledged: number; byDepartment: Array<{ key: string; expected: number; acknowledged: number; rate: number }>; byAudience: Array<{ key: string; expected: number }>; byCommunity: Array<{ key: string; expected: number; acknowledged: number }> } }>(COMPLIANCE, { filter })).guidelineCompliance;
    // Six employees (the customer is not in the audience).
    expect(report).toMatchObject({ versionNumber: 5, expected: 6, acknowledged: 1 });
    expect(report.byDepartment).toContainEqual({ key: 'Engineering', expected: 2, acknowledged: 1, rate: 0.5 });
    expect(report.byAudience).toEqual([{ key: 'EMPLOYEE', expected: 6, acknowledged: 1 }]);
    expect(report.byCommunity).toContainEqual({ key: communityId, expected: 3, acknowledged: 1 });
    // The report of an earlier version counts later acknowledgements too.
    await expect(coe.client.data(COMPLIANCE, { filter: { guidelineId, versionId: versions[2] } })).resolves.toMatchObject({ guidelineCompliance: { versionNumber: 3, acknowledged: 2 } });
    await expect(steering.client.data(COMPLIANCE, { filter })).resolves.toMatchObject({ guidelineCompliance: { expected: 6 } });

    for (const who of [member, manager, otherManager]) await expect(who.client.errorCode(COMPLIANCE, { filter })).resolves.toBe('FORBIDDEN');
    await expect(customer.client.errorCode(COMPLIANCE, { filter })).resolves.toBe('NOT_FOUND');
    // A manager sees their own community's members, and not another community's.
    await expect(manager.client.data(COMPLIANCE, { filter: { guidelineId, communityId } })).resolves.toMatchObject({ guidelineCompliance: { expected: 3, acknowledged: 1 } });
    await expect(otherManager.client.errorCode(COMPLIANCE, { filter: { guidelineId, communityId } })).resolves.toBe('FORBIDDEN');
    await expect(member.client.errorCode(COMPLIANCE, { filter: { guidelineId, communityId } })).resolves.toBe('FORBIDDEN');

    // Who has not acknowledged, by name, page by page, filtered by department.
    type People = { guidelineNotAcknowledged: { totalCount: number; edges: Array<{ node: { id: string; displayName: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const page1 = (await coe.client.data<People>(NOT_ACKNOWLEDGED, { filter })).guidelineNotAcknowledged;
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e) => e.node.displayName)).toEqual(['Cora Coe', 'Mara Manager']);
    const rest: string[] = [];
    for (let after: string | null = page1.pageInfo.endCursor; after; ) {
      const page: People['guidelineNotAcknowledged'] = (await coe.client.data<People>(NOT_ACKNOWLEDGED, { filter, after })).guidelineNotAcknowledged;
      rest.push(...page.edges.map((e) => e.node.displayName));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    expect(rest).toEqual(['Max Member', 'Olga Other', 'Stan Steering']);
    await expect(coe.client.data(NOT_ACKNOWLEDGED, { filter: { guidelineId, department: 'Engineering' } })).resolves.toMatchObject({
      guidelineNotAcknowledged: { totalCount: 1, edges: [{ node: { displayName: 'Max Member' } }] },
    });
    await expect(member.client.errorCode(NOT_ACKNOWLEDGED, { filter })).resolves.toBe('FORBIDDEN');

    // The CSV lists everyone addressed, with their acknowledgement.
    const csv = (await coe.client.data<{ guidelineComplianceCsv: string }>(CSV, { filter })).guidelineComplianceCsv.trim().split('\r\n');
    expect(csv[0]).toBe('account_id,name,email,department,audience,acknowledged,acknowledged_version,acknowledged_at');
    expect(csv).toHaveLength(7);
    expect(csv.find((l) => l.startsWith(colleague.account.id))).toMatch(/,Engineering,EMPLOYEE,yes,5,/u);
    await expect(member.client.errorCode(CSV, { filter })).resolves.toBe('FORBIDDEN');

    // Reminders: the programme team for everyone, a manager for their members; steering only looks.
    await expect(steering.client.errorCode(REMIND, { filter })).resolves.toBe('FORBIDDEN');
    await expect(member.client.errorCode(REMIND, { filter })).resolves.toBe('FORBIDDEN');
    await expect(otherManager.client.errorCode(REMIND, { filter: { guidelineId, communityId } })).resolves.toBe('FORBIDDEN');
    await expect(coe.client.data(REMIND, { filter })).resolves.toEqual({ remindGuideline: 5 });
    await expect(manager.client.data(REMIND, { filter: { guidelineId, communityId } })).resolves.toEqual({ remindGuideline: 2 });
    const reminders = (await api.dataSource.query(`SELECT payload FROM outbox_events WHERE type = 'knowledge.guideline.reminder-sent' ORDER BY seq`)) as Array<{ payload: { accountIds: string[]; versionId: string } }>;
    expect(reminders.map((r) => r.payload.accountIds.length)).toEqual([5, 2]);
    expect(reminders[1]?.payload.accountIds.sort()).toEqual([manager.account.id, member.account.id].sort());
  });

  it('lets a community’s managers run its own guidelines for its members', async () => {
    const input = { key: 'field-sales-rules', title: 'Field Sales house rules', audiences: ['EMPLOYEE'], communityId };
    await expect(otherManager.client.errorCode(CREATE, { input })).resolves.toBe('FORBIDDEN');
    await expect(member.client.errorCode(CREATE, { input })).resolves.toBe('FORBIDDEN');
    const id = (await manager.client.data<{ createGuideline: Id }>(CREATE, { input })).createGuideline.id;
    const draft = (await manager.client.data<{ saveGuidelineDraft: Id }>(SAVE_DRAFT, { input: { guidelineId: id, body: 'Be kind.' } })).saveGuidelineDraft;
    await manager.client.data(PUBLISH, { input: { guidelineId: id, versionId: draft.id, material: true } });

    // Members are asked; outsiders neither see it nor are asked.
    expect((await pending(member)).edges.map((e) => e.node.key)).toContain('field-sales-rules');
    expect((await pending(otherManager)).edges.map((e) => e.node.key)).not.toContain('field-sales-rules');
    // The community is open: others may read its guidelines, but not manage them or see who acknowledged.
    await expect(otherManager.client.data(GUIDELINE, { key: 'field-sales-rules' })).resolves.toMatchObject({ guideline: { viewerMustAcknowledge: false, viewerCanManage: false, viewerCanSeeCompliance: false } });
    await expect(member.client.data(GUIDELINE, { key: 'field-sales-rules' })).resolves.toMatchObject({ guideline: { viewerMustAcknowledge: true } });
    await expect(customer.client.errorCode(GUIDELINE, { key: 'field-sales-rules' })).resolves.toBe('NOT_FOUND');
    await expect(manager.client.data(GUIDELINE, { key: 'field-sales-rules' })).resolves.toMatchObject({ guideline: { viewerCanManage: true, viewerCanSeeCompliance: true } });
    await expect(manager.client.data(COMPLIANCE, { filter: { guidelineId: id } })).resolves.toMatchObject({ guidelineCompliance: { expected: 3, acknowledged: 0 } });
    await expect(otherManager.client.errorCode(COMPLIANCE, { filter: { guidelineId: id } })).resolves.toBe('FORBIDDEN');
    // Naming another community does not widen a community's guideline to it.
    await expect(otherManager.client.errorCode(COMPLIANCE, { filter: { guidelineId: id, communityId: otherCommunityId } })).resolves.toBe('FORBIDDEN');
    await expect(otherManager.client.errorCode(SAVE_DRAFT, { input: { guidelineId: id, body: 'Mine now' } })).resolves.toBe('FORBIDDEN');
  });

  it('lists guidelines in a constant number of SQL statements', async () => {
    const FULL_LIST = `{ guidelines(first: 50) { totalCount edges { node { key currentVersion { number bodyHtml } viewerMustAcknowledge viewerCanManage viewerCanSeeCompliance } } } }`;
    const measure = async () => {
      const { result, statements } = await api.statements.measure(() => member.client.data<{ guidelines: { totalCount: number } }>(FULL_LIST));
      return { rows: result.guidelines.totalCount, statements };
    };
    const few = await measure();
    for (const n of [1, 2, 3]) {
      const created = (await manager.client.data<{ createGuideline: Id }>(CREATE, { input: { key: `field-sales-${n}`, title: `Field Sales rule ${n}`, audiences: ['EMPLOYEE'], communityId } })).createGuideline;
      const draft = (await manager.client.data<{ saveGuidelineDraft: Id }>(SAVE_DRAFT, { input: { guidelineId: created.id, body: `Rule ${n}.` } })).saveGuidelineDraft;
      await manager.client.data(PUBLISH, { input: { guidelineId: created.id, versionId: draft.id, material: true } });
    }
    const more = await measure();
    expect(more.rows).toBe(few.rows + 3);
    expect(more.statements).toBe(few.statements);
  });
});
