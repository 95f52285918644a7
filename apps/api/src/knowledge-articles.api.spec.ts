import { PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { ArticleViews, ReviewDueReminder } from '@commons/server-knowledge';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`;
const ACCEPT = `mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { acceptedReplyId } }`;

const ARTICLE_FIELDS = `id communityId state title bodyHtml publishedVersion sharedExternally reviewDue reviewDueAt lastReviewedAt helpfulCount notHelpfulCount viewCount
  draft { title body bodyHtml revision approved reviewComment } viewerCan { edit review publish feedback }
  owners { id } reviewers { id } sourceThread { id title }`;
const CREATE = `mutation ($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateKnowledgeArticleInput!) { updateKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const SUBMIT = `mutation ($input: KnowledgeArticleRevisionInput!) { submitKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const REVIEW = `mutation ($input: ReviewKnowledgeArticleInput!) { reviewKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const PUBLISH = `mutation ($input: PublishKnowledgeArticleInput!) { publishKnowledgeArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const ARTICLE = `query ($id: ID!) { knowledgeArticle(id: $id) { ${ARTICLE_FIELDS} } }`;
const RATE = `mutation ($input: KnowledgeArticleFeedbackInput!) { rateKnowledgeArticle(input: $input) { helpfulCount notHelpfulCount viewerFeedback { helpful commentHtml visible } } }`;
const MARK_REVIEWED = `mutation ($id: ID!) { markKnowledgeArticleReviewed(articleId: $id) { reviewDue reviewDueAt } }`;
const REVIEW_DUE = `{ knowledgeReviewDue(first: 20) { edges { node { id reviewDue } } } }`;
const ARTICLES = `query ($filter: KnowledgeArticleFilter) { knowledgeArticles(first: 50, filter: $filter) { edges { node { id title } } pageInfo { hasNextPage } } }`;
const SEARCH = `query ($query: String!) { search(query: $query, first: 20) { edges { node { kind id communityId titleHtml } } } }`;
const PROMOTE = `mutation ($threadId: ID!) { promoteAcceptedAnswer(threadId: $threadId) { ${ARTICLE_FIELDS} } }`;

type Id = { id: string };
type Person = { client: GraphqlClient; account: Id };
interface Article {
  id: string;
  communityId: string | null;
  state: string;
  title: string;
  bodyHtml: string;
  publishedVersion: number;
  reviewDue: boolean;
  draft: { revision: number; approved: boolean; reviewComment: string | null; bodyHtml: string } | null;
  viewerCan: { edit: boolean; review: boolean; publish: boolean; feedback: boolean };
  sourceThread: { id: string; title: string } | null;
}

describe('knowledge articles', () => {
  let api: TestApp;
  let coe: Person;
  let reviewer: Person;
  let author: Person;
  let employee: Person;
  let customer: Person;
  let manager: Person;
  let member: Person;
  let otherMember: Person;
  let knowledgeCommunityId: string;

  const community = async (owner: Person, input: Record<string, unknown>) => {
    const { createCommunity } = await owner.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, { input: { audiences: ['EMPLOYEE'], intent: 'KNOWLEDGE_SHARING', ...input } });
    await owner.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    return createCommunity.id;
  };
  const create = async (who: Person, input: Record<string, unknown>) =>
    (await who.client.data<{ createKnowledgeArticle: Article }>(CREATE, { input: { kind: 'HOW_TO', ...input } })).createKnowledgeArticle;
  const publish = async (who: Person, article: Article, changeNote = 'First version') =>
    (await who.client.data<{ publishKnowledgeArticle: Article }>(PUBLISH, { input: { articleId: article.id, revision: article.draft?.revision, changeNote } })).publishKnowledgeArticle;

  beforeAll(async () => {
    api = await startTestApp();
    coe = await api.signedIn(PlatformRole.Coe);
    reviewer = await api.signedIn();
    author = await api.signedIn();
    employee = await api.signedIn();
    customer = await api.signedIn(PlatformRole.Member, { audience: 'CUSTOMER' });
    manager = await api.signedIn();
    member = await api.signedIn();
    otherMember = await api.signedIn();
    knowledgeCommunityId = await community(manager, { name: 'Support Know-how', visibility: 'PRIVATE', useCases: ['FORUMS', 'KNOWLEDGE'] });
    // A member (and manager) of another community, with a knowledge base of its own.
    await community(otherMember, { name: 'Elsewhere', visibility: 'OPEN', useCases: ['FORUMS', 'KNOWLEDGE'] });
    // The member joins the private community through an approved request.
    const { requestToJoinCommunity } = await member.client.data<{ requestToJoinCommunity: { viewerJoinRequest: Id } }>(
      `mutation ($input: RequestToJoinInput!) { requestToJoinCommunity(input: $input) { viewerJoinRequest { id } } }`,
      { input: { communityId: knowledgeCommunityId } },
    );
    await manager.client.data(`mutation ($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { status } }`, {
      input: { requestId: requestToJoinCommunity.viewerJoinRequest.id, approve: true },
    });
  });
  afterAll(() => api.close());

  it('runs a platform-wide article through review: drafts stay with owners and reviewers, publishing needs the approval', async () => {
    await expect(employee.client.errorCode(CREATE, { input: { kind: 'HOW_TO', title: 'Not mine to write' } })).resolves.toBe('FORBIDDEN');
    let article = await create(coe, { title: 'Posting about customers', body: 'Ask first.\nNever name them.', ownerIds: [author.account.id], reviewerIds: [reviewer.account.id], tags: ['Social Media'] });
    expect(article).toMatchObject({ state: 'DRAFT', publishedVersion: 0, communityId: null, viewerCan: { edit: true, publish: true, review: false } });

    // Only owners, reviewers and the programme team know the draft.
    await expect(employee.client.errorCode(ARTICLE, { id: article.id })).resolves.toBe('NOT_FOUND');
    await expect(customer.client.errorCode(ARTICLE, { id: article.id })).resolves.toBe('NOT_FOUND');
    await expect(reviewer.client.data(ARTICLE, { id: article.id })).resolves.toMatchObject({ knowledgeArticle: { viewerCan: { review: true, edit: false, publish: false } } });

    // The owner edits; a second editor on the old revision gets a CONFLICT.
    const rev = article.draft?.revision as number;
    article = (await author.client.data<{ updateKnowledgeArticle: Article }>(UPDATE, { input: { articleId: article.id, revision: rev, body: 'Ask **first**.\nNever name them.\nTag the post.' } })).updateKnowledgeArticle;
    expect(article.draft?.bodyHtml).toContain('<strong>first</strong>');
    await expect(author.client.errorCode(UPDATE, { input: { articleId: article.id, revision: rev, body: 'Stale tab' } })).resolves.toBe('CONFLICT');
    // Owners cannot drop the reviewers to skip the review, nor publish.
    await expect(author.client.errorCode(UPDATE, { input: { articleId: article.id, revision: article.draft?.revision, reviewerIds: [] } })).resolves.toBe('FORBIDDEN');
    await expect(author.client.errorCode(PUBLISH, { input: { articleId: article.id, revision: article.draft?.revision, changeNote: 'x' } })).resolves.toBe('FORBIDDEN');

    // Without a reviewer's approval the programme team cannot publish either, and is told why.
    const { body: refused } = await coe.client.request(PUBLISH, { input: { articleId: article.id, revision: article.draft?.revision, changeNote: 'First' } });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/reviewer to approve/u);

    article = (await author.client.data<{ submitKnowledgeArticle: Article }>(SUBMIT, { input: { articleId: article.id, revision: article.draft?.revision } })).submitKnowledgeArticle;
    expect(article.state).toBe('IN_REVIEW');
    await expect(employee.client.errorCode(REVIEW, { input: { articleId: article.id, revision: article.draft?.revision, approve: true } })).resolves.toBe('NOT_FOUND');
    await expect(author.client.errorCode(REVIEW, { input: { articleId: article.id, revision: article.draft?.revision, approve: true } })).resolves.toBe('FORBIDDEN');
    article = (await reviewer.client.data<{ reviewKnowledgeArticle: Article }>(REVIEW, { input: { articleId: article.id, revision: article.draft?.revision, approve: false, comment: 'Add who to ask.' } })).reviewKnowledgeArticle;
    expect(article).toMatchObject({ state: 'DRAFT', draft: { reviewComment: 'Add who to ask.', approved: false } });

    article = (await author.client.data<{ updateKnowledgeArticle: Article }>(UPDATE, { input: { articleId: article.id, revision: article.draft?.revision, body: 'Ask the comms team **first**.\nNever name them.\nTag the post.' } })).updateKnowledgeArticle;
    article = (await author.client.data<{ submitKnowledgeArticle: Article }>(SUBMIT, { input: { articleId: article.id, revision: article.draft?.revision } })).submitKnowledgeArticle;
    article = (await reviewer.client.data<{ reviewKnowledgeArticle: Article }>(REVIEW, { input: { articleId: article.id, revision: article.draft?.revision, approve: true } })).reviewKnowledgeArticle;
    expect(article.draft?.approved).toBe(true);
    article = await publish(coe, article);
    expect(article).toMatchObject({ state: 'PUBLISHED', publishedVersion: 1, reviewDue: false });

    const events: Array<{ type: string }> = await api.dataSource.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY seq`, [article.id]);
    expect(events.map((e) => e.type)).toEqual([
      'knowledge.article.review-requested',
      'knowledge.article.reviewed',
      'knowledge.article.review-requested',
      'knowledge.article.reviewed',
      'knowledge.article.published',
    ]);

    // Employees read it; customers only once it is shared with them.
    await expect(employee.client.data(ARTICLE, { id: article.id })).resolves.toMatchObject({
      knowledgeArticle: { title: 'Posting about customers', draft: null, viewerCan: { edit: false, feedback: true } },
    });
    await expect(customer.client.errorCode(ARTICLE, { id: article.id })).resolves.toBe('NOT_FOUND');
    const customerList = await customer.client.data<{ knowledgeArticles: { edges: Array<{ node: Id }> } }>(ARTICLES, {});
    expect(customerList.knowledgeArticles.edges.map((e) => e.node.id)).not.toContain(article.id);
    const { knowledgeArticle: current } = await coe.client.data<{ knowledgeArticle: Article }>(ARTICLE, { id: article.id });
    await coe.client.data(UPDATE, { input: { articleId: article.id, revision: current.draft?.revision, sharedExternally: true } });
    await expect(customer.client.data(ARTICLE, { id: article.id })).resolves.toMatchObject({ knowledgeArticle: { id: article.id } });
    // Comments on the company's own knowledge base are judged by the employee policy, so a customer's first comment is not held as a newcomer's.
    await expect(customer.client.data(RATE, { input: { articleId: article.id, helpful: true, comment: 'Useful for our team too.' } })).resolves.toMatchObject({
      rateKnowledgeArticle: { viewerFeedback: { visible: true } },
    });
  });

  it('keeps versions with change notes and diffs them line by line', async () => {
    let article = await create(coe, { title: 'Hashtags', body: 'Use one tag.\nKeep it short.' });
    article = await publish(coe, article, 'First');
    // Readers keep seeing version 1 while the next version is drafted.
    article = (await coe.client.data<{ updateKnowledgeArticle: Article }>(UPDATE, { input: { articleId: article.id, revision: article.draft?.revision, title: 'Hashtags that work', body: 'Use two tags.\nKeep it short.\nAvoid jokes.' } })).updateKnowledgeArticle;
    expect(article).toMatchObject({ state: 'DRAFT', publishedVersion: 1 });
    await expect(employee.client.data(ARTICLE, { id: article.id })).resolves.toMatchObject({ knowledgeArticle: { title: 'Hashtags', bodyHtml: expect.stringContaining('Use one tag.') } });
    // Nothing new to publish is a conflict; this draft is new.
    article = await publish(coe, article, 'Two tags now');
    await expect(coe.client.errorCode(PUBLISH, { input: { articleId: article.id, revision: article.draft?.revision, changeNote: 'again' } })).resolves.toBe('CONFLICT');

    const { knowledgeArticle } = await employee.client.data<{
      knowledgeArticle: { versions: { edges: Array<{ node: { number: number; changeNote: string; author: Id } }> }; diff: { title: Array<{ op: string; text: string }>; lines: Array<{ op: string; text: string; oldNumber: number | null; newNumber: number | null }> } };
    }>(`query ($id: ID!) { knowledgeArticle(id: $id) { versions(first: 10) { edges { node { number changeNote author { id } } } } diff(from: 1, to: 2) { title { op text } lines { op text oldNumber newNumber } } } }`, { id: article.id });
    expect(knowledgeArticle.versions.edges.map((e) => [e.node.number, e.node.changeNote, e.node.author.id])).toEqual([
      [2, 'Two tags now', coe.account.id],
      [1, 'First', coe.account.id],
    ]);
    expect(knowledgeArticle.diff.title).toEqual([{ op: 'REMOVED', text: 'Hashtags' }, { op: 'ADDED', text: 'Hashtags that work' }]);
    expect(knowledgeArticle.diff.lines).toEqual([
      { op: 'REMOVED', text: 'Use one tag.', oldNumber: 1, newNumber: null },
      { op: 'ADDED', text: 'Use two tags.', oldNumber: null, newNumber: 1 },
      { op: 'UNCHANGED', text: 'Keep it short.', oldNumber: 2, newNumber: 2 },
      { op: 'ADDED', text: 'Avoid jokes.', oldNumber: null, newNumber: 3 },
    ]);
    await expect(employee.client.errorCode(`query ($id: ID!) { knowledgeArticle(id: $id) { diff(from: 1, to: 7) { lines { op } } } }`, { id: article.id })).resolves.toBe('BAD_USER_INPUT');
  });

  it("follows the community's read rules for community articles, and lets only its managers write and publish them", async () => {
    await expect(member.client.errorCode(CREATE, { input: { kind: 'FAQ', title: 'Mine', communityId: knowledgeCommunityId } })).resolves.toBe('FORBIDDEN');
    await expect(otherMember.client.errorCode(CREATE, { input: { kind: 'FAQ', title: 'Theirs', communityId: knowledgeCommunityId } })).resolves.toBe('FORBIDDEN');
    const noKnowledge = await community(manager, { name: 'Just Forums', visibility: 'OPEN', useCases: ['FORUMS'] });
    await expect(manager.client.errorCode(CREATE, { input: { kind: 'FAQ', title: 'Nowhere', communityId: noKnowledge } })).resolves.toBe('FORBIDDEN');

    let article = await create(manager, { kind: 'FAQ', title: 'Refund escalations', body: 'Escalate refunds over 500.', communityId: knowledgeCommunityId });
    await expect(member.client.errorCode(ARTICLE, { id: article.id })).resolves.toBe('NOT_FOUND');
    article = await publish(manager, article);
    await expect(member.client.data(ARTICLE, { id: article.id })).resolves.toMatchObject({ knowledgeArticle: { communityId: knowledgeCommunityId, viewerCan: { publish: false, feedback: true } } });
    // Not a member of the private community, a member of another one, a customer, the programme team without membership: not found.
    for (const outsider of [employee, otherMember, customer, coe]) await expect(outsider.client.errorCode(ARTICLE, { id: article.id })).resolves.toBe('NOT_FOUND');
    const list = await otherMember.client.data<{ knowledgeArticles: { edges: Array<{ node: Id }> } }>(ARTICLES, {});
    expect(list.knowledgeArticles.edges.map((e) => e.node.id)).not.toContain(article.id);
    await expect(otherMember.client.errorCode(ARTICLES, { filter: { communityId: knowledgeCommunityId } })).resolves.toBe('NOT_FOUND');
    const own = await member.client.data<{ knowledgeArticles: { edges: Array<{ node: Id }> } }>(ARTICLES, { filter: { communityId: knowledgeCommunityId } });
    expect(own.knowledgeArticles.edges.map((e) => e.node.id)).toEqual([article.id]);

    // A secret community's articles are unknown to non-members.
    const secret = await community(manager, { name: 'Hush Project', visibility: 'SECRET', useCases: ['KNOWLEDGE'] });
    const hidden = await publish(manager, await create(manager, { title: 'Codename rules', body: 'Say nothing.', communityId: secret }));
    await expect(employee.client.errorCode(ARTICLE, { id: hidden.id })).resolves.toBe('NOT_FOUND');
    await expect(member.client.errorCode(ARTICLE, { id: hidden.id })).resolves.toBe('NOT_FOUND');
    // Community articles reach the community's own audiences, never a platform-wide sharing flag.
    await expect(manager.client.errorCode(CREATE, { input: { kind: 'FAQ', title: 'Shared', communityId: knowledgeCommunityId, sharedExternally: true } })).resolves.toBe('BAD_USER_INPUT');
  });

  it('counts helpful answers once per person, moderates comments, and counts views once per person and day', async () => {
    const article = await publish(coe, await create(coe, { title: 'Good profile photos', body: 'Daylight helps.' }));
    await expect(employee.client.data(RATE, { input: { articleId: article.id, helpful: true, comment: 'Clear and **short**' } })).resolves.toMatchObject({
      rateKnowledgeArticle: { helpfulCount: 1, notHelpfulCount: 0, viewerFeedback: { helpful: true, visible: true, commentHtml: expect.stringContaining('<strong>short</strong>') } },
    });
    await author.client.data(RATE, { input: { articleId: article.id, helpful: true } });
    // Changing one's mind moves the vote.
    await expect(employee.client.data(RATE, { input: { articleId: article.id, helpful: false, comment: 'Needs *examples*' } })).resolves.toMatchObject({ rateKnowledgeArticle: { helpfulCount: 1, notHelpfulCount: 1 } });
    await expect(customer.client.errorCode(RATE, { input: { articleId: article.id, helpful: true } })).resolves.toBe('NOT_FOUND');
    // Owners read the comments; readers do not.
    const COMMENTS = `query ($id: ID!) { knowledgeArticle(id: $id) { feedbackComments(first: 10) { edges { node { helpful commentHtml author { id } } } } } }`;
    await expect(coe.client.data(COMMENTS, { id: article.id })).resolves.toMatchObject({
      knowledgeArticle: { feedbackComments: { edges: [{ node: { helpful: false, author: { id: employee.account.id } } }] } },
    });
    await expect(author.client.data(COMMENTS, { id: article.id })).resolves.toMatchObject({ knowledgeArticle: { feedbackComments: null } });

    // Comments on platform-wide articles are judged by the default policy of the commenter's audience with the platform's mandatory rules;
    // no community's moderators could review a held one, so it is refused with the policy's reason and nothing is stored.
    const SHOUT = 'PLEASE EVERYONE READ THIS ARTICLE TWICE BEFORE POSTING ANYTHING';
    const { body: held } = await reviewer.client.request(RATE, { input: { articleId: article.id, helpful: true, comment: SHOUT } });
    expect(held.errors?.[0]).toMatchObject({ message: expect.stringMatching(/capitals/u), extensions: { code: 'BAD_USER_INPUT' } });
    const [{ n }]: Array<{ n: number }> = await api.dataSource.query(`SELECT count(*)::int AS n FROM knowledge_article_feedback WHERE article_id = $1`, [article.id]);
    expect(n).toBe(2);

    // On a community article the community's policy holds it for the community's moderators, who approve it.
    const local = await publish(manager, await create(manager, { title: 'Queue etiquette', body: 'Be kind.', communityId: knowledgeCommunityId }));
    await expect(member.client.data(RATE, { input: { articleId: local.id, helpful: true, comment: SHOUT } })).resolves.toMatchObject({
      rateKnowledgeArticle: { helpfulCount: 1, viewerFeedback: { visible: false } },
    });
    const { moderationQueue } = await manager.client.data<{ moderationQueue: { edges: Array<{ node: { id: string; contentKind: string; body: string; author: Id } }> } }>(
      `query ($id: ID) { moderationQueue(communityId: $id) { edges { node { id contentKind body author { id } } } } }`,
      { id: knowledgeCommunityId },
    );
    const item = moderationQueue.edges.map((e) => e.node).find((node) => node.contentKind === 'KNOWLEDGE_FEEDBACK');
    expect(item).toMatchObject({ author: { id: member.account.id }, body: SHOUT });
    await manager.client.data(`mutation ($input: ReviewItemInput!) { reviewModerationItem(input: $input) { status } }`, { input: { itemId: item?.id, action: 'APPROVE' } });
    await expect(member.client.data(`query ($id: ID!) { knowledgeArticle(id: $id) { viewerFeedback { visible } } }`, { id: local.id })).resolves.toMatchObject({
      knowledgeArticle: { viewerFeedback: { visible: true } },
    });

    // The programme team member and the author opened it above; the employee reads it twice today.
    for (const reader of [employee, employee, author]) await reader.client.data(ARTICLE, { id: article.id });
    await api.app.get<ArticleViews>(ArticleViews).flush();
    await expect(coe.client.data(ARTICLE, { id: article.id })).resolves.toMatchObject({ knowledgeArticle: { viewCount: 3 } });
  });

  it('flags articles whose review is due, reminds their owners once per due date, and owners mark them reviewed', async () => {
    const article = await publish(coe, await create(coe, { title: 'Crisis playbook', kind: 'PLAYBOOK', body: 'Call the duty officer.', ownerIds: [author.account.id] }));
    await api.dataSource.query(`UPDATE knowledge_articles SET review_due_at = now() - interval '1 day' WHERE id = $1`, [article.id]);
    await expect(employee.client.data(ARTICLE, { id: article.id })).resolves.toMatchObject({ knowledgeArticle: { reviewDue: true } });
    const due = await author.client.data<{ knowledgeReviewDue: { edges: Array<{ node: Id }> } }>(REVIEW_DUE);
    expect(due.knowledgeReviewDue.edges.map((e) => e.node.id)).toContain(article.id);
    const notMine = await employee.client.data<{ knowledgeReviewDue: { edges: Array<{ node: Id }> } }>(REVIEW_DUE);
    expect(notMine.knowledgeReviewDue.edges).toEqual([]);

    const reminder = api.app.get<ReviewDueReminder>(ReviewDueReminder);
    await reminder.remindDue();
    await reminder.remindDue();
    const events: Array<{ payload: { ownerIds: string[] } }> = await api.dataSource.query(`SELECT payload FROM outbox_events WHERE type = 'knowledge.article.review-due' AND subject_id = $1`, [article.id]);
    expect(events).toHaveLength(1);
    expect(events[0].payload.ownerIds).toEqual(expect.arrayContaining([coe.account.id, author.account.id]));

    await expect(employee.client.errorCode(MARK_REVIEWED, { id: article.id })).resolves.toBe('FORBIDDEN');
    await expect(author.client.data(MARK_REVIEWED, { id: article.id })).resolves.toMatchObject({ markKnowledgeArticleReviewed: { reviewDue: false } });
    const after = await author.client.data<{ knowledgeReviewDue: { edges: Array<{ node: Id }> } }>(REVIEW_DUE);
    expect(after.knowledgeReviewDue.edges.map((e) => e.node.id)).not.toContain(article.id);
  });

  it('finds published articles in search with the same visibility rules', async () => {
    const platform = await publish(coe, await create(coe, { title: 'Zeppelin etiquette', body: 'Wave politely at zeppelins.' }));
    await create(coe, { title: 'Zeppelin draft', body: 'Unpublished zeppelins.' });
    const local = await publish(manager, await create(manager, { title: 'Zeppelin refunds', body: 'Zeppelin tickets refund rules.', communityId: knowledgeCommunityId }));
    const hits = async (who: Person) =>
      (await who.client.data<{ search: { edges: Array<{ node: { kind: string; id: string } }> } }>(SEARCH, { query: 'zeppelin' })).search.edges.filter((e) => e.node.kind === 'ARTICLE').map((e) => e.node.id);
    expect((await hits(employee)).sort()).toEqual([platform.id]);
    expect((await hits(member)).sort()).toEqual([platform.id, local.id].sort());
    expect(await hits(customer)).toEqual([]);
    expect(await hits(otherMember)).toEqual([platform.id]);
  });

  it('lists a page of articles in a fixed number of statements, and archives articles away from readers', async () => {
    for (let i = 0; i < 6; i++) {
      // Community articles are reviewed by someone who reads the community.
      const [publisher, checker] = i % 2 ? [coe, reviewer] : [manager, manager];
      const article = await create(publisher, { title: `Batch article ${i}`, body: 'Body.', reviewerIds: [checker.account.id], ownerIds: [member.account.id], ...(i % 2 ? {} : { communityId: knowledgeCommunityId }) });
      const submitted = (await member.client.data<{ submitKnowledgeArticle: Article }>(SUBMIT, { input: { articleId: article.id, revision: article.draft?.revision } })).submitKnowledgeArticle;
      const approved = (await checker.client.data<{ reviewKnowledgeArticle: Article }>(REVIEW, { input: { articleId: article.id, revision: submitted.draft?.revision, approve: true } })).reviewKnowledgeArticle;
      await publish(publisher, approved);
    }
    const PAGE = `{ knowledgeArticles(first: 50) { edges { node { id title owners { id } reviewers { id } sourceThread { id } viewerFeedback { helpful } viewerCan { edit } } } } }`;
    await api.app.get<ArticleViews>(ArticleViews).flush();
    const { result, statements } = await api.statements.measure(() => member.client.data<{ knowledgeArticles: { edges: unknown[] } }>(PAGE));
    expect(result.knowledgeArticles.edges.length).toBeGreaterThanOrEqual(6);
    // The session check, the page, the viewer's access facts for its communities, the people, the viewer's feedback.
    expect(statements).toBe(5);

    const { knowledgeArticles } = await member.client.data<{ knowledgeArticles: { edges: Array<{ node: Id & { title: string } }> } }>(ARTICLES, {});
    const target = knowledgeArticles.edges.find((e) => e.node.title === 'Batch article 1')?.node as Id;
    await expect(author.client.errorCode(`mutation ($id: ID!) { archiveKnowledgeArticle(articleId: $id) { state } }`, { id: target.id })).resolves.toBe('FORBIDDEN');
    await expect(coe.client.data(`mutation ($id: ID!) { archiveKnowledgeArticle(articleId: $id) { state } }`, { id: target.id })).resolves.toMatchObject({ archiveKnowledgeArticle: { state: 'ARCHIVED' } });
    await expect(employee.client.errorCode(ARTICLE, { id: target.id })).resolves.toBe('NOT_FOUND');
    // Its owner still finds it.
    await expect(member.client.data(ARTICLE, { id: target.id })).resolves.toMatchObject({ knowledgeArticle: { state: 'ARCHIVED' } });
  });

  it('arranges collections in a tree per knowledge base and lists their articles', async () => {
    const CREATE_COLLECTION = `mutation ($input: CreateKnowledgeCollectionInput!) { createKnowledgeCollection(input: $input) { id parentId position title viewerCanManage } }`;
    const COLLECTIONS = `query ($communityId: ID, $parentId: ID) { knowledgeCollections(communityId: $communityId, parentId: $parentId, first: 50) { edges { node { id title position viewerCanManage } } } }`;
    const { createKnowledgeCollection: top } = await coe.client.data<{ createKnowledgeCollection: Id }>(CREATE_COLLECTION, { input: { title: 'Social media', description: 'Speaking outside' } });
    const { createKnowledgeCollection: second } = await coe.client.data<{ createKnowledgeCollection: Id & { position: number } }>(CREATE_COLLECTION, { input: { title: 'Events' } });
    expect(second.position).toBe(1);
    const { createKnowledgeCollection: child } = await coe.client.data<{ createKnowledgeCollection: Id & { parentId: string } }>(CREATE_COLLECTION, { input: { title: 'LinkedIn', parentId: top.id } });
    expect(child.parentId).toBe(top.id);
    await expect(employee.client.errorCode(CREATE_COLLECTION, { input: { title: 'Mine' } })).resolves.toBe('FORBIDDEN');
    // A collection of another knowledge base is no parent.
    await expect(manager.client.errorCode(CREATE_COLLECTION, { input: { title: 'Cross', parentId: top.id, communityId: knowledgeCommunityId } })).resolves.toBe('BAD_USER_INPUT');

    const topLevel = await employee.client.data<{ knowledgeCollections: { edges: Array<{ node: { id: string; title: string; viewerCanManage: boolean } }> } }>(COLLECTIONS, {});
    const titles = topLevel.knowledgeCollections.edges.map((e) => e.node.title);
    expect(titles.indexOf('Social media')).toBeLessThan(titles.indexOf('Events'));
    expect(topLevel.knowledgeCollections.edges.every((e) => !e.node.viewerCanManage)).toBe(true);
    await expect(employee.client.data(COLLECTIONS, { parentId: top.id })).resolves.toMatchObject({ knowledgeCollections: { edges: [{ node: { id: child.id, title: 'LinkedIn' } }] } });

    await manager.client.data(CREATE_COLLECTION, { input: { title: 'Refunds', communityId: knowledgeCommunityId } });
    await expect(otherMember.client.errorCode(COLLECTIONS, { communityId: knowledgeCommunityId })).resolves.toBe('NOT_FOUND');
    await expect(member.client.data(COLLECTIONS, { communityId: knowledgeCommunityId })).resolves.toMatchObject({ knowledgeCollections: { edges: [{ node: { title: 'Refunds', viewerCanManage: false } }] } });

    const filed = await publish(coe, await create(coe, { title: 'Writing on LinkedIn', body: 'Be yourself.', collectionId: child.id }));
    const inChild = await employee.client.data<{ knowledgeArticles: { edges: Array<{ node: Id }> } }>(ARTICLES, { filter: { collectionId: child.id } });
    expect(inChild.knowledgeArticles.edges.map((e) => e.node.id)).toEqual([filed.id]);
    await expect(manager.client.errorCode(CREATE, { input: { kind: 'FAQ', title: 'Misfiled', communityId: knowledgeCommunityId, collectionId: child.id } })).resolves.toBe('BAD_USER_INPUT');
  });

  it("promotes a question's accepted answer into a draft linked to its thread", async () => {
    const asker = member;
    const { createThread } = await asker.client.data<{ createThread: Id }>(ASK, {
      input: { communityId: knowledgeCommunityId, kind: 'QUESTION', title: 'How do I escalate a refund?', body: 'A customer wants **money back**.', tags: ['refunds'] },
    });
    const threadId = createThread.id;
    await expect(manager.client.errorCode(PROMOTE, { threadId })).resolves.toBe('BAD_USER_INPUT');
    const { replyToThread } = await manager.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId, body: 'Open a ticket with finance.' } });
    await asker.client.data(ACCEPT, { input: { threadId, replyId: replyToThread.id } });

    await expect(member.client.errorCode(PROMOTE, { threadId })).resolves.toBe('FORBIDDEN');
    await expect(otherMember.client.errorCode(PROMOTE, { threadId })).resolves.toBe('NOT_FOUND');
    const { promoteAcceptedAnswer: draft } = await manager.client.data<{ promoteAcceptedAnswer: Article }>(PROMOTE, { threadId });
    expect(draft).toMatchObject({ state: 'DRAFT', communityId: knowledgeCommunityId, title: 'How do I escalate a refund?', sourceThread: { id: threadId, title: 'How do I escalate a refund?' } });
    expect(draft.draft?.bodyHtml).toContain('Open a ticket with finance.');
    // It becomes a reviewed article: a reviewer is named, approves, and the manager publishes it for the community's readers.
    let promoted = (await manager.client.data<{ updateKnowledgeArticle: Article }>(UPDATE, { input: { articleId: draft.id, revision: draft.draft?.revision, reviewerIds: [asker.account.id] } })).updateKnowledgeArticle;
    promoted = (await manager.client.data<{ submitKnowledgeArticle: Article }>(SUBMIT, { input: { articleId: promoted.id, revision: promoted.draft?.revision } })).submitKnowledgeArticle;
    promoted = (await asker.client.data<{ reviewKnowledgeArticle: Article }>(REVIEW, { input: { articleId: promoted.id, revision: promoted.draft?.revision, approve: true } })).reviewKnowledgeArticle;
    promoted = await publish(manager, promoted, 'From the forum');
    expect(promoted).toMatchObject({ state: 'PUBLISHED', publishedVersion: 1 });
    await expect(member.client.data(ARTICLE, { id: draft.id })).resolves.toMatchObject({ knowledgeArticle: { state: 'PUBLISHED', title: 'How do I escalate a refund?', sourceThread: { id: threadId } } });

    // Without a knowledge base in the community, the programme team takes it platform-wide.
    const forumOnly = await community(otherMember, { name: 'Forum Only', visibility: 'OPEN', useCases: ['FORUMS'] });
    await coe.client.data(JOIN, { id: forumOnly });
    const { createThread: q } = await otherMember.client.data<{ createThread: Id }>(ASK, { input: { communityId: forumOnly, kind: 'QUESTION', title: 'Where is the brand kit?', body: 'Looking for logos.' } });
    const { replyToThread: a } = await coe.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId: q.id, body: 'On the brand portal.' } });
    await otherMember.client.data(ACCEPT, { input: { threadId: q.id, replyId: a.id } });
    await expect(otherMember.client.errorCode(PROMOTE, { threadId: q.id })).resolves.toBe('FORBIDDEN');
    const { promoteAcceptedAnswer: platformDraft } = await coe.client.data<{ promoteAcceptedAnswer: Article }>(PROMOTE, { threadId: q.id });
    expect(platformDraft).toMatchObject({ communityId: null, state: 'DRAFT', sourceThread: { id: q.id } });
  });
});
