import { Audience, PlatformRole } from '@commons/shared-contracts';
import { CommunityActivity } from '@commons/server-communities';
import { QueueActivity } from '@commons/server-moderation';
import { connectWs, TEST_ORIGIN } from '@commons/server-testing';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id moderationState } }`;
const BAN = `mutation ($input: BanMemberInput!) { banFromCommunity(input: $input) { id } }`;
const SET_ROLE = `mutation ($input: SetMemberRoleInput!) { setCommunityMemberRole(input: $input) { role } }`;
const ADOPT = `mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id } }`;
const SAVE = `mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version } }`;
const ACTIVATE_VERSION = `mutation ($policyId: ID!, $version: Int!) { activateModerationPolicyVersion(policyId: $policyId, version: $version) { activeVersion } }`;
const REVIEW = `mutation ($input: ReviewItemInput!) { reviewModerationItem(input: $input) { id status } }`;
const COMMUNITY_ACTIVITY = `subscription ($communityId: ID!) { communityActivity(communityId: $communityId) { seq kind communityId contentId categoryId } }`;
const QUEUE = `subscription ($communityId: ID!) { moderationQueue(communityId: $communityId) { seq change communityId itemId contentId status } }`;

type Person = Awaited<ReturnType<TestApp['signedIn']>>;

describe('live lists: a community’s new content and its review queue', () => {
  let api: TestApp;
  let manager: Person;
  let member: Person;
  let other: Person;
  let communityId: string;

  beforeAll(async () => {
    api = await startTestApp();
    manager = await api.signedIn(PlatformRole.Member, { displayName: 'Lina Lead' });
    member = await api.signedIn(PlatformRole.Member, { displayName: 'Max Member' });
    other = await api.signedIn(PlatformRole.Member, { displayName: 'Olga Other' });
    communityId = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Live Lists', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [member, other]) await person.client.data(JOIN, { id: communityId });
    // Anything about zeppelins is held for review.
    const policyId = (await manager.client.data<{ adoptModerationPolicy: { id: string } }>(ADOPT, { id: communityId })).adoptModerationPolicy.id;
    await manager.client.data(SAVE, { input: { policyId, rules: [{ id: 'zeppelins', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Zeppelin talk is checked first.', terms: ['zeppelin'] }] } });
    await manager.client.data(ACTIVATE_VERSION, { policyId, version: 2 });
  });
  afterAll(() => api.close());

  /** A subscription and its next message (data, or the errors it was refused with). */
  function subscribe<T>(person: Person, query: string) {
    const ws = connectWs(api.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
    const messages = ws.client.iterate<T>({ query, variables: { communityId } });
    return {
      async next(): Promise<{ data?: T; errors?: Array<{ extensions?: { code?: string } }> }> {
        const { value } = await messages.next().catch((errors: unknown) => ({ value: { errors } }));
        return value as { data?: T; errors?: Array<{ extensions?: { code?: string } }> };
      },
      async close() {
        await messages.return?.();
        await ws.dispose();
      },
    };
  }
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  const post = async (person: Person, title: string) =>
    (await person.client.data<{ createThread: { id: string; moderationState: string } }>(ASK, { input: { communityId, title, body: `${title}.` } })).createThread;

  it('tells the community’s readers of new threads as they appear for all: a held one once approved, nothing to someone banned meanwhile', async () => {
    type Activity = { communityActivity: { seq: number; kind: string; contentId: string; categoryId: string | null } };
    const customer = await api.signedIn(PlatformRole.Member, { audience: Audience.Customer });
    const refused = subscribe<Activity>(customer, COMMUNITY_ACTIVITY);
    expect((await refused.next()).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await refused.close();

    const forMember = subscribe<Activity>(member, COMMUNITY_ACTIVITY);
    const forOther = subscribe<Activity>(other, COMMUNITY_ACTIVITY);
    const activity = api.app.get<CommunityActivity>(CommunityActivity);
    await until(() => activity.size === 2);

    const first = await post(manager, 'Quarterly planning');
    for (const s of [forMember, forOther]) expect((await s.next()).data?.communityActivity).toMatchObject({ kind: 'THREAD_ADDED', contentId: first.id, categoryId: expect.any(String) });

    // Held: nobody hears of it until a moderator approves it.
    const held = await post(member, 'Our zeppelin trip');
    expect(held.moderationState).toBe('HELD');
    await manager.client.data(BAN, { input: { communityId, accountId: other.account.id, reason: 'Testing live lists.' } });
    const items = await manager.client.data<{ moderationQueue: { edges: Array<{ node: { id: string; contentId: string } }> } }>(
      `query ($id: ID) { moderationQueue(communityId: $id) { edges { node { id contentId } } } }`,
      { id: communityId },
    );
    const item = items.moderationQueue.edges.find((e) => e.node.contentId === held.id);
    await manager.client.data(REVIEW, { input: { itemId: item?.node.id, action: 'APPROVE' } });
    expect((await forMember.next()).data?.communityActivity).toMatchObject({ kind: 'THREAD_ADDED', contentId: held.id });

    // Olga was banned before the approval: the next thing she hears of is after her ban is lifted.
    await manager.client.data(`mutation ($input: CommunityMemberInput!) { unbanFromCommunity(input: $input) { id } }`, { input: { communityId, accountId: other.account.id } });
    const after = await post(manager, 'Welcome back');
    expect((await forOther.next()).data?.communityActivity).toMatchObject({ contentId: after.id });
    expect((await forMember.next()).data?.communityActivity).toMatchObject({ contentId: after.id });

    for (const s of [forMember, forOther]) await s.close();
    await until(() => activity.size === 0);
  });

  it('moves a moderator’s queue on its own, for moderators only, and stops when the role is taken away', async () => {
    type Change = { moderationQueue: { seq: number; change: string; itemId: string; contentId: string; status: string | null } };
    const refused = subscribe<Change>(member, QUEUE);
    expect((await refused.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await refused.close();

    const moderator = await api.signedIn(PlatformRole.Member, { displayName: 'Mo Derator' });
    await moderator.client.data(JOIN, { id: communityId });
    await manager.client.data(SET_ROLE, { input: { communityId, accountId: moderator.account.id, role: 'MODERATOR' } });
    const forManager = subscribe<Change>(manager, QUEUE);
    const forModerator = subscribe<Change>(moderator, QUEUE);
    const queue = api.app.get<QueueActivity>(QueueActivity);
    await until(() => queue.size === 2);

    const held = await post(member, 'Zeppelin sightings');
    const entered = [(await forManager.next()).data?.moderationQueue, (await forModerator.next()).data?.moderationQueue];
    for (const change of entered) expect(change).toMatchObject({ change: 'ENTERED', contentId: held.id, status: null });

    await manager.client.data(REVIEW, { input: { itemId: entered[0]?.itemId, action: 'APPROVE' } });
    for (const s of [forManager, forModerator]) expect((await s.next()).data?.moderationQueue).toMatchObject({ change: 'LEFT', itemId: entered[0]?.itemId, status: 'APPROVED' });

    // No longer a moderator: the queue goes quiet for them from the next change on.
    await manager.client.data(SET_ROLE, { input: { communityId, accountId: moderator.account.id, role: 'MEMBER' } });
    const next = await post(member, 'One more zeppelin');
    expect((await forManager.next()).data?.moderationQueue).toMatchObject({ change: 'ENTERED', contentId: next.id });
    const last = await post(member, 'A zeppelin, finally');
    expect((await forManager.next()).data?.moderationQueue).toMatchObject({ change: 'ENTERED', contentId: last.id });
    await manager.client.data(SET_ROLE, { input: { communityId, accountId: moderator.account.id, role: 'MODERATOR' } });
    const welcome = await post(member, 'The zeppelin is back');
    // The first change the former moderator hears of is the one after the role came back.
    expect((await forModerator.next()).data?.moderationQueue).toMatchObject({ change: 'ENTERED', contentId: welcome.id });

    for (const s of [forManager, forModerator]) await s.close();
    await until(() => queue.size === 0);
  });
});
