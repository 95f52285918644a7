import { Audience, PlatformRole } from '@commons/shared-contracts';
import { OutboxRelay } from '@commons/server-realtime';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { kind summary actors { displayName } target { kind id path title } } } } }`;
const CREATE_GUIDELINE = `mutation ($input: CreateGuidelineInput!) { createGuideline(input: $input) { id } }`;
const SAVE_GUIDELINE_DRAFT = `mutation ($input: SaveGuidelineDraftInput!) { saveGuidelineDraft(input: $input) { id } }`;
const PUBLISH_GUIDELINE = `mutation ($input: PublishGuidelineVersionInput!) { publishGuidelineVersion(input: $input) { requiredVersionId } }`;
const ACKNOWLEDGE = `mutation ($input: AcknowledgeGuidelineInput!) { acknowledgeGuideline(input: $input) { viewerMustAcknowledge } }`;
const REMIND = `mutation ($filter: GuidelineComplianceFilter!) { remindGuideline(filter: $filter) }`;
const SAVE_COURSE = `mutation ($input: SaveCourseInput!) { saveCourse(input: $input) { id } }`;
const SET_COURSE_STATE = `mutation ($input: SetCourseStateInput!) { setCourseState(input: $input) { id } }`;
const ASSIGN = `mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { assigned } }`;
const CREATE_ARTICLE = `mutation ($input: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $input) { id draft { revision } } }`;
const SUBMIT_ARTICLE = `mutation ($input: KnowledgeArticleRevisionInput!) { submitKnowledgeArticle(input: $input) { id draft { revision } } }`;
const REVIEW_ARTICLE = `mutation ($input: ReviewKnowledgeArticleInput!) { reviewKnowledgeArticle(input: $input) { id } }`;

type Person = { client: GraphqlClient; account: { id: string } };
type Notification = { kind: string; summary: string; actors: Array<{ displayName: string }>; target: { kind: string; id: string; path: string; title: string } };

describe('notifications from the Center of Excellence', () => {
  let api: TestApp;
  let coe: Person;
  let ada: Person;
  let ben: Person;
  let customer: Person;

  beforeAll(async () => {
    api = await startTestApp();
    coe = await api.signedIn(PlatformRole.Coe, { displayName: 'Cora Coe' });
    ada = await api.signedIn(PlatformRole.Member, { displayName: 'Ada Author' });
    ben = await api.signedIn(PlatformRole.Member, { displayName: 'Ben Reviewer' });
    customer = await api.signedIn(PlatformRole.Member, { displayName: 'Cass Customer', audience: Audience.Customer });
  });
  afterAll(() => api.close());

  /** What the person was told about one target, once everything written so far was relayed (no sleeps). */
  const toldAbout = async (person: Person, targetId: string): Promise<Notification[]> => {
    await api.app.get<OutboxRelay>(OutboxRelay).idle();
    const { notifications } = await person.client.data<{ notifications: { edges: Array<{ node: Notification }> } }>(NOTIFICATIONS);
    return notifications.edges.map((e) => e.node).filter((n) => n.target.id === targetId);
  };

  it('asks a guideline’s audience to acknowledge a new material version, and reminds only those who have not', async () => {
    const guidelineId = (await coe.client.data<{ createGuideline: { id: string } }>(CREATE_GUIDELINE, { input: { key: 'confidentiality', title: 'Confidentiality rules', audiences: ['EMPLOYEE'] } })).createGuideline.id;
    const publish = async (body: string, material: boolean) => {
      const versionId = (await coe.client.data<{ saveGuidelineDraft: { id: string } }>(SAVE_GUIDELINE_DRAFT, { input: { guidelineId, body } })).saveGuidelineDraft.id;
      await coe.client.data(PUBLISH_GUIDELINE, { input: { guidelineId, versionId, material } });
      return versionId;
    };
    const first = await publish('Keep customers’ names out of public posts.', true);

    const [asked] = await toldAbout(ada, guidelineId);
    expect(asked).toEqual({
      kind: 'GUIDELINE_ACKNOWLEDGEMENT_REQUESTED',
      summary: '“Confidentiality rules” has a new version: please read and acknowledge it',
      actors: [],
      target: { kind: 'GUIDELINE', id: guidelineId, path: '/knowledge/guidelines/confidentiality', title: 'Confidentiality rules' },
    });
    // Customers are not its audience.
    expect(await toldAbout(customer, guidelineId)).toEqual([]);

    await ada.client.data(ACKNOWLEDGE, { input: { guidelineId, versionId: first } });
    await expect(coe.client.data(REMIND, { filter: { guidelineId } })).resolves.toMatchObject({ remindGuideline: expect.any(Number) });
    expect((await toldAbout(ben, guidelineId)).map((n) => n.kind)).toEqual(['GUIDELINE_REMINDER', 'GUIDELINE_ACKNOWLEDGEMENT_REQUESTED']);
    expect((await toldAbout(ada, guidelineId)).map((n) => n.kind)).toEqual(['GUIDELINE_ACKNOWLEDGEMENT_REQUESTED']);

    // An editorial version asks nobody; a material one asks everyone again, Ada included.
    await publish('Keep customers’ names out of public posts. (Wording.)', false);
    expect(await toldAbout(ada, guidelineId)).toHaveLength(1);
    await publish('Keep customers’ and partners’ names out of public posts.', true);
    expect((await toldAbout(ada, guidelineId)).map((n) => n.kind)).toEqual(['GUIDELINE_ACKNOWLEDGEMENT_REQUESTED', 'GUIDELINE_ACKNOWLEDGEMENT_REQUESTED']);
  });

  it('tells people of a course assigned to them, naming who assigned it', async () => {
    const courseId = (
      await coe.client.data<{ saveCourse: { id: string } }>(SAVE_COURSE, {
        input: { title: 'Speaking for the company', description: 'Who may, and how.', audiences: ['EMPLOYEE'], lessons: [{ title: 'Spokespeople', body: 'Only they.' }], questions: [] },
      })
    ).saveCourse.id;
    await coe.client.data(SET_COURSE_STATE, { input: { courseId, state: 'PUBLISHED' } });
    await coe.client.data(ASSIGN, { input: { courseId, accountIds: [ada.account.id], dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() } });

    expect(await toldAbout(ada, courseId)).toEqual([
      {
        kind: 'COURSE_ASSIGNED',
        summary: 'Cora Coe assigned you the course “Speaking for the company”',
        actors: [{ displayName: 'Cora Coe' }],
        target: { kind: 'COURSE', id: courseId, path: `/knowledge/courses/${courseId}`, title: 'Speaking for the company' },
      },
    ]);
    expect(await toldAbout(ben, courseId)).toEqual([]);
  });

  it('asks an article’s reviewers to review it and tells its owners what the reviewer decided', async () => {
    const created = (
      await coe.client.data<{ createKnowledgeArticle: { id: string; draft: { revision: number } } }>(CREATE_ARTICLE, {
        input: { kind: 'HOW_TO', title: 'Answering the press', body: 'Send them to the press office.', ownerIds: [ada.account.id], reviewerIds: [ben.account.id] },
      })
    ).createKnowledgeArticle;
    const submitted = (
      await ada.client.data<{ submitKnowledgeArticle: { id: string; draft: { revision: number } } }>(SUBMIT_ARTICLE, { input: { articleId: created.id, revision: created.draft.revision } })
    ).submitKnowledgeArticle;
    expect((await toldAbout(ben, created.id)).map((n) => [n.kind, n.summary, n.target.path])).toEqual([
      ['ARTICLE_REVIEW_REQUESTED', '“Answering the press” is waiting for your review', `/knowledge/articles/${created.id}`],
    ]);

    await ben.client.data(REVIEW_ARTICLE, { input: { articleId: created.id, revision: submitted.draft.revision, approve: false, comment: 'Add the phone number.' } });
    expect((await toldAbout(ada, created.id)).map((n) => [n.kind, n.summary])).toEqual([['ARTICLE_RETURNED', 'Ben Reviewer sent your article “Answering the press” back with comments']]);
    // The reviewer hears nothing of their own decision.
    expect((await toldAbout(ben, created.id)).map((n) => n.kind)).toEqual(['ARTICLE_REVIEW_REQUESTED']);
  });
});
