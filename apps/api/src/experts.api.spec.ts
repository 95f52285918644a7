import { Audience, PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id slug } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`;
const ACCEPT = `mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { acceptedReplyId } }`;
const REACT = `mutation ($input: ReactInput!) { react(input: $input) { kind count } }`;

const UPDATE_EXPERTISE = `mutation ($input: UpdateExpertiseInput!) { updateExpertise(input: $input) { tags note updatedAt } }`;
const ACCOUNT_EXPERTISE = `query ($id: ID!) { account(id: $id) { id expertise { tags note } } }`;
const FIND = `query ($topic: String!, $first: Int, $after: String) {
  findExperts(topic: $topic, first: $first, after: $after) {
    edges { cursor node {
      account { id displayName expertise { tags } } score declaredTags matchedTags note acceptedAnswers helpfulReactions
      answers { threadId threadTitle replyId communityId communitySlug answeredAt }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const NAME = `mutation ($input: NameChampionInput!) { nameChampion(input: $input) { id department current startsAt endsAt account { id } community { id name slug } } }`;
const END = `mutation ($input: EndChampionInput!) { endChampion(input: $input) { id current endsAt } }`;
const CHAMPIONS = `query ($communityId: ID, $department: String, $includePast: Boolean) {
  champions(communityId: $communityId, department: $department, includePast: $includePast, first: 50) {
    edges { node { id department current account { id displayName } community { id slug } } }
  }
}`;
const DASHBOARD = `query ($accountId: ID) {
  championDashboard(accountId: $accountId) {
    account { id } since roles { id }
    communities { communityId name members newMembers threads replies }
  }
}`;

type Id = { id: string };
type Person = { client: GraphqlClient; account: Id };
interface ExpertNode {
  account: { id: string; displayName: string };
  score: number;
  matchedTags: string[];
  acceptedAnswers: number;
  helpfulReactions: number;
  answers: Array<{ threadId: string; replyId: string; communitySlug: string }>;
}
type FindResult = { findExperts: { edges: Array<{ cursor: string; node: ExpertNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('experts and champions', () => {
  let api: TestApp;
  let coe: Person;
  let declared: Person; // declares "security", no evidence
  let answerer: Person; // accepted answers and helpful reactions in the open community
  let secretExpert: Person; // evidence only in a secret community
  let secretMember: Person;
  let asker: Person;
  let outsider: Person;
  let customer: Person;
  let customerExpert: Person; // evidence in a community opened to customers
  let openCommunity: { id: string; slug: string };
  let secretCommunity: { id: string; slug: string };
  let customerCommunity: { id: string; slug: string };

  const community = async (owner: Person, name: string, audiences: string[], visibility: string) => {
    const { createCommunity } = await owner.client.data<{ createCommunity: { id: string; slug: string } }>(CREATE_COMMUNITY, {
      input: { name, audiences, visibility, intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
    });
    await owner.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    return createCommunity;
  };

  /** A question in `communityId` tagged `tags`, answered by `expert`, accepted by the asker, and marked helpful by `reactors`. */
  const answered = async (communityId: string, who: { asker: Person; expert: Person; reactors: Person[] }, tags: string[], title: string) => {
    const { createThread } = await who.asker.client.data<{ createThread: Id }>(ASK, { input: { communityId, kind: 'QUESTION', title, body: 'How?', tags } });
    const { replyToThread } = await who.expert.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: createThread.id, body: 'Like this.' } });
    await who.asker.client.data(ACCEPT, { input: { threadId: createThread.id, replyId: replyToThread.id } });
    for (const reactor of who.reactors) await reactor.client.data(REACT, { input: { targetId: replyToThread.id, kind: 'HELPFUL', on: true } });
    return { threadId: createThread.id, replyId: replyToThread.id };
  };

  const find = (person: Person, topic: string, first = 20, after?: string) => person.client.data<FindResult>(FIND, { topic, first, after });
  const names = (result: FindResult) => result.findExperts.edges.map((e) => e.node.account.displayName);

  beforeAll(async () => {
    api = await startTestApp();
    coe = await api.signedIn(PlatformRole.Coe, { displayName: 'Cora Programme' });
    declared = await api.signedIn(PlatformRole.Member, { displayName: 'Dana Declared', department: 'Security' });
    answerer = await api.signedIn(PlatformRole.Member, { displayName: 'Abel Answerer' });
    secretExpert = await api.signedIn(PlatformRole.Member, { displayName: 'Sid Secret' });
    secretMember = await api.signedIn(PlatformRole.Member, { displayName: 'Sam Insider' });
    asker = await api.signedIn(PlatformRole.Member, { displayName: 'Quinn Asker' });
    outsider = await api.signedIn(PlatformRole.Member, { displayName: 'Olive Outsider' });
    customer = await api.signedIn(PlatformRole.Member, { displayName: 'Cass Customer', audience: Audience.Customer });
    customerExpert = await api.signedIn(PlatformRole.Member, { displayName: 'Cy Support' });

    openCommunity = await community(asker, 'Platform Help', ['EMPLOYEE'], 'OPEN');
    secretCommunity = await community(secretExpert, 'Project Falcon', ['EMPLOYEE'], 'SECRET');
    customerCommunity = await community(customerExpert, 'Customer Hub', ['EMPLOYEE', 'CUSTOMER'], 'OPEN');
    for (const person of [answerer, outsider, declared]) await person.client.data(JOIN, { id: openCommunity.id });
    await customer.client.data(JOIN, { id: customerCommunity.id });
    // Customer communities hold everyone's first post for review: these greetings take that turn, and a moderator lets them through.
    for (const person of [customer, customerExpert]) {
      await person.client.data(ASK, { input: { communityId: customerCommunity.id, title: 'Hello', body: 'Glad to be here.' } });
    }
    await api.dataSource.query(`UPDATE forum_threads SET moderation_state = 'VISIBLE' WHERE community_id = $1`, [customerCommunity.id]);
    // Secret communities are joined by invitation; the flow is tested elsewhere, the membership is what matters here.
    await api.dataSource.query(`INSERT INTO community_memberships (community_id, account_id, role, joined_at) VALUES ($1, $2, 'MEMBER', now())`, [
      secretCommunity.id,
      secretMember.account.id,
    ]);

    await declared.client.data(UPDATE_EXPERTISE, { input: { tags: ['#Security', 'Threat modelling'], note: 'Ask me about threat models.' } });
    await answered(openCommunity.id, { asker, expert: answerer, reactors: [outsider, declared] }, ['security'], 'Rotating keys?');
    await answered(openCommunity.id, { asker, expert: answerer, reactors: [] }, ['Security', 'api'], 'Scanning deps?');
    await answered(secretCommunity.id, { asker: secretExpert, expert: secretMember, reactors: [] }, ['security'], 'Falcon threat model?');
    // The secret community's answerer is Sam; Sid (its owner) answers in it too, marked helpful by Sam.
    await answered(secretCommunity.id, { asker: secretMember, expert: secretExpert, reactors: [secretMember] }, ['security'], 'Falcon keys?');
    await answered(customerCommunity.id, { asker: customer, expert: customerExpert, reactors: [customer] }, ['security'], 'SSO for customers?');
  });
  afterAll(() => api.close());

  describe('expertise on the profile', () => {
    it('normalizes and de-duplicates tags like forum tags, keeps the order and the note, and shows them on the person', async () => {
      const { updateExpertise } = await asker.client.data<{ updateExpertise: { tags: string[]; note: string } }>(UPDATE_EXPERTISE, {
        input: { tags: ['#Onboarding', 'API Keys', 'onboarding', ' Café Ops '], note: '  Happy to help.  ' },
      });
      expect(updateExpertise).toMatchObject({ tags: ['onboarding', 'api-keys', 'café-ops'], note: 'Happy to help.' });
      const { account } = await outsider.client.data<{ account: { expertise: unknown } }>(ACCOUNT_EXPERTISE, { id: asker.account.id });
      expect(account.expertise).toEqual({ tags: ['onboarding', 'api-keys', 'café-ops'], note: 'Happy to help.' });

      // Replacing the list replaces it.
      await asker.client.data(UPDATE_EXPERTISE, { input: { tags: ['onboarding'] } });
      const again = await outsider.client.data<{ account: { expertise: unknown } }>(ACCOUNT_EXPERTISE, { id: asker.account.id });
      expect(again.account.expertise).toEqual({ tags: ['onboarding'], note: null });
      // Nobody declared yet reads as an empty list.
      const none = await asker.client.data<{ account: { expertise: unknown } }>(ACCOUNT_EXPERTISE, { id: outsider.account.id });
      expect(none.account.expertise).toEqual({ tags: [], note: null });
    });

    it('refuses tags with nothing left, too many tags and long notes, and changes nothing', async () => {
      const tooMany = Array.from({ length: 21 }, (_, i) => `topic ${i}`);
      await expect(asker.client.errorCode(UPDATE_EXPERTISE, { input: { tags: ['###'] } })).resolves.toBe('BAD_USER_INPUT');
      await expect(asker.client.errorCode(UPDATE_EXPERTISE, { input: { tags: tooMany } })).resolves.toBe('BAD_USER_INPUT');
      await expect(asker.client.errorCode(UPDATE_EXPERTISE, { input: { tags: ['ok'], note: 'x'.repeat(281) } })).resolves.toBe('BAD_USER_INPUT');
      await expect(api.client().errorCode(UPDATE_EXPERTISE, { input: { tags: ['ok'] } })).resolves.toBe('UNAUTHENTICATED');
      const { account } = await outsider.client.data<{ account: { expertise: { tags: string[] } } }>(ACCOUNT_EXPERTISE, { id: asker.account.id });
      expect(account.expertise.tags).toEqual(['onboarding']);
    });

    it('shows a customer the expertise of people they may see, and no one else', async () => {
      await customerExpert.client.data(UPDATE_EXPERTISE, { input: { tags: ['sso'] } });
      const seen = await customer.client.data<{ account: { expertise: { tags: string[] } } }>(ACCOUNT_EXPERTISE, { id: customerExpert.account.id });
      expect(seen.account.expertise.tags).toEqual(['sso']);
      await expect(customer.client.errorCode(ACCOUNT_EXPERTISE, { id: declared.account.id })).resolves.toBe('NOT_FOUND');
    });
  });

  describe('find an expert', () => {
    it('ranks declared expertise plus evidence the viewer may read, and shows the evidence', async () => {
      const result = await find(outsider, 'Security');
      // Abel: 2 accepted answers (10) + 2 helpful reactions; Dana: declared (10); Cy: 1 accepted + 1 helpful in an open community.
      expect(names(result)).toEqual(['Abel Answerer', 'Dana Declared', 'Cy Support']);
      const [abel, dana] = result.findExperts.edges.map((e) => e.node);
      expect(abel).toMatchObject({ score: 12, acceptedAnswers: 2, helpfulReactions: 2, matchedTags: [] });
      expect(abel.answers).toHaveLength(2);
      expect(abel.answers.every((a) => a.communitySlug === openCommunity.slug)).toBe(true);
      expect(dana).toMatchObject({ score: 10, acceptedAnswers: 0, helpfulReactions: 0, matchedTags: ['security'], note: 'Ask me about threat models.' });
    });

    it('never counts or links evidence from a secret community for people outside it', async () => {
      const outside = await find(outsider, 'security');
      expect(names(outside)).not.toContain('Sid Secret');
      expect(names(outside)).not.toContain('Sam Insider');
      expect(JSON.stringify(outside)).not.toContain(secretCommunity.id);

      const inside = await find(secretMember, 'security');
      const sid = inside.findExperts.edges.find((e) => e.node.account.displayName === 'Sid Secret')?.node;
      const sam = inside.findExperts.edges.find((e) => e.node.account.displayName === 'Sam Insider')?.node;
      expect(sid).toMatchObject({ acceptedAnswers: 1, helpfulReactions: 1, score: 6 });
      expect(sam).toMatchObject({ acceptedAnswers: 1, helpfulReactions: 0, score: 5 });
      expect(sid?.answers[0].communitySlug).toBe(secretCommunity.slug);
    });

    it('shows customers only experts and evidence from communities opened to them', async () => {
      const result = await find(customer, 'security');
      expect(names(result)).toEqual(['Cy Support']);
      expect(result.findExperts.edges[0].node.answers.map((a) => a.communitySlug)).toEqual([customerCommunity.slug]);
    });

    it('matches free text word by word and declared tags by prefix', async () => {
      expect(names(await find(outsider, 'secur'))).toEqual(['Dana Declared']);
      expect(names(await find(outsider, 'threat modelling'))).toEqual(['Dana Declared']);
      // "api" is a word of the topic: Abel's second answer is tagged api.
      const byWord = (await find(outsider, 'API scanning')).findExperts.edges.map((e) => [e.node.account.displayName, e.node.acceptedAnswers]);
      expect(byWord).toEqual([['Abel Answerer', 1]]);
      expect(names(await find(outsider, 'nothing-like-this'))).toEqual([]);
      await expect(outsider.client.errorCode(FIND, { topic: '###' })).resolves.toBe('BAD_USER_INPUT');
      await expect(outsider.client.errorCode(FIND, { topic: 'security', first: 101 })).resolves.toBe('BAD_USER_INPUT');
      await expect(api.client().errorCode(FIND, { topic: 'security' })).resolves.toBe('UNAUTHENTICATED');
    });

    it('pages with keyset cursors in a bounded number of SQL statements', async () => {
      const first = await find(outsider, 'security', 2);
      expect(names(first)).toEqual(['Abel Answerer', 'Dana Declared']);
      expect(first.findExperts.pageInfo.hasNextPage).toBe(true);
      const second = await find(outsider, 'security', 2, first.findExperts.pageInfo.endCursor ?? undefined);
      expect(names(second)).toEqual(['Cy Support']);
      expect(second.findExperts.pageInfo.hasNextPage).toBe(false);

      // The page, its evidence and each expert's expertise: the search, one batch of expertise, and the session check.
      const { statements } = await api.statements.measure(() => find(outsider, 'security', 100));
      expect(statements).toBe(3);
    });
  });

  describe('champions', () => {
    it('lets only the programme team name champions, for a community or a department', async () => {
      await expect(outsider.client.errorCode(NAME, { input: { accountId: answerer.account.id, communityId: openCommunity.id } })).resolves.toBe('FORBIDDEN');
      const { nameChampion } = await coe.client.data<{ nameChampion: Record<string, unknown> }>(NAME, {
        input: { accountId: answerer.account.id, communityId: openCommunity.id },
      });
      expect(nameChampion).toMatchObject({ current: true, department: null, endsAt: null, community: { id: openCommunity.id, slug: openCommunity.slug } });
      const dept = await coe.client.data<{ nameChampion: Record<string, unknown> }>(NAME, { input: { accountId: declared.account.id, department: 'Security' } });
      expect(dept.nameChampion).toMatchObject({ current: true, department: 'Security', community: null });
    });

    it('refuses a missing or double scope, an end before the start, an overlapping role, communities the CoE cannot see and champions who cannot see them', async () => {
      const accountId = outsider.account.id;
      await expect(coe.client.errorCode(NAME, { input: { accountId } })).resolves.toBe('BAD_USER_INPUT');
      await expect(coe.client.errorCode(NAME, { input: { accountId, communityId: openCommunity.id, department: 'Sales' } })).resolves.toBe('BAD_USER_INPUT');
      await expect(
        coe.client.errorCode(NAME, { input: { accountId, department: 'Sales', startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' } }),
      ).resolves.toBe('BAD_USER_INPUT');
      await expect(coe.client.errorCode(NAME, { input: { accountId: answerer.account.id, communityId: openCommunity.id } })).resolves.toBe('CONFLICT');
      await expect(coe.client.errorCode(NAME, { input: { accountId: declared.account.id, department: 'security' } })).resolves.toBe('CONFLICT');
      await expect(coe.client.errorCode(NAME, { input: { accountId, communityId: secretCommunity.id } })).resolves.toBe('NOT_FOUND');
      // A champion must be able to see the community: a customer cannot champion an employee-only one.
      await expect(coe.client.errorCode(NAME, { input: { accountId: customer.account.id, communityId: openCommunity.id } })).resolves.toBe('BAD_USER_INPUT');
    });

    it('lists current champions by community or department; ended roles only on request', async () => {
      const all = await outsider.client.data<{ champions: { edges: Array<{ node: { account: Id; department: string | null } }> } }>(CHAMPIONS, {});
      expect(all.champions.edges.map((e) => e.node.account.id).sort()).toEqual([answerer.account.id, declared.account.id].sort());
      const byCommunity = await outsider.client.data<{ champions: { edges: unknown[] } }>(CHAMPIONS, { communityId: openCommunity.id });
      expect(byCommunity.champions.edges).toHaveLength(1);
      const byDepartment = await outsider.client.data<{ champions: { edges: unknown[] } }>(CHAMPIONS, { department: 'SECURITY' });
      expect(byDepartment.champions.edges).toHaveLength(1);

      const { nameChampion } = await coe.client.data<{ nameChampion: Id }>(NAME, { input: { accountId: outsider.account.id, department: 'Sales' } });
      await expect(outsider.client.errorCode(END, { input: { championId: nameChampion.id } })).resolves.toBe('FORBIDDEN');
      const { endChampion } = await coe.client.data<{ endChampion: { current: boolean } }>(END, { input: { championId: nameChampion.id } });
      expect(endChampion.current).toBe(false);
      await expect(coe.client.errorCode(END, { input: { championId: nameChampion.id } })).resolves.toBe('CONFLICT');
      const current = await outsider.client.data<{ champions: { edges: unknown[] } }>(CHAMPIONS, { department: 'Sales' });
      expect(current.champions.edges).toHaveLength(0);
      const past = await outsider.client.data<{ champions: { edges: Array<{ node: { current: boolean } }> } }>(CHAMPIONS, { department: 'Sales', includePast: true });
      expect(past.champions.edges.map((e) => e.node.current)).toEqual([false]);
    });

    it('shows customers only champions of communities opened to them, never department champions', async () => {
      await coe.client.data(NAME, { input: { accountId: customerExpert.account.id, communityId: customerCommunity.id } });
      const seen = await customer.client.data<{ champions: { edges: Array<{ node: { account: Id } }> } }>(CHAMPIONS, {});
      expect(seen.champions.edges.map((e) => e.node.account.id)).toEqual([customerExpert.account.id]);
    });

    it("shows a champion their communities' last 30 days; the CoE sees anyone's; others are refused", async () => {
      const club = await community(customerExpert, 'Dashboard Club', ['EMPLOYEE'], 'OPEN');
      await asker.client.data(JOIN, { id: club.id });
      const { createThread } = await asker.client.data<{ createThread: Id }>(ASK, { input: { communityId: club.id, title: 'Hello', body: 'First!' } });
      await customerExpert.client.data(REPLY, { input: { threadId: createThread.id, body: 'Welcome.' } });
      await asker.client.data(REPLY, { input: { threadId: createThread.id, body: 'Thanks.' } });
      await coe.client.data(NAME, { input: { accountId: customerExpert.account.id, communityId: club.id } });

      const own = await customerExpert.client.data<{ championDashboard: { roles: unknown[]; communities: Array<Record<string, unknown>> } }>(DASHBOARD, {});
      expect(own.championDashboard.roles).toHaveLength(2);
      expect(own.championDashboard.communities).toEqual([
        { communityId: customerCommunity.id, name: 'Customer Hub', members: 2, newMembers: 2, threads: 3, replies: 1 },
        { communityId: club.id, name: 'Dashboard Club', members: 2, newMembers: 2, threads: 1, replies: 2 },
      ].sort((a, b) => a.name.localeCompare(b.name)));

      const byCoe = await coe.client.data<{ championDashboard: { account: Id; communities: unknown[] } }>(DASHBOARD, { accountId: customerExpert.account.id });
      expect(byCoe.championDashboard.account.id).toBe(customerExpert.account.id);
      expect(byCoe.championDashboard.communities).toHaveLength(2);

      await expect(outsider.client.errorCode(DASHBOARD, {})).resolves.toBe('FORBIDDEN');
      await expect(outsider.client.errorCode(DASHBOARD, { accountId: customerExpert.account.id })).resolves.toBe('FORBIDDEN');
      await expect(customerExpert.client.errorCode(DASHBOARD, { accountId: answerer.account.id })).resolves.toBe('FORBIDDEN');
    });

    it('shows a programme-team member who champions nothing every championed community they may see', async () => {
      const { championDashboard } = await coe.client.data<{ championDashboard: { roles: unknown[]; communities: Array<{ communityId: string }> } }>(DASHBOARD, {});
      expect(championDashboard.roles).toEqual([]);
      expect(championDashboard.communities.map((c) => c.communityId).sort()).toEqual(
        [openCommunity.id, customerCommunity.id, (await api.dataSource.query(`SELECT id FROM communities WHERE name = 'Dashboard Club'`))[0].id].sort(),
      );
    });

    it('lists a department champion the communities they belong to', async () => {
      const { championDashboard } = await declared.client.data<{ championDashboard: { communities: Array<{ communityId: string }> } }>(DASHBOARD, {});
      expect(championDashboard.communities.map((c) => c.communityId)).toEqual([openCommunity.id]);
    });
  });
});
