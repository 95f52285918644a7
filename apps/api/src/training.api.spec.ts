import { CourseDueReminders } from '@commons/server-knowledge';
import { PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const SAVE = `mutation ($input: SaveCourseInput!) { saveCourse(input: $input) { id state lessons { id position title bodyHtml } quiz { id choices { id text correct } } } }`;
const SET_STATE = `mutation ($input: SetCourseStateInput!) { setCourseState(input: $input) { id state } }`;
const COURSE = `query ($id: ID!) { course(id: $id) { id title state lessonCount quiz { id multipleAnswers choices { id correct } } viewerCan { manage enrol assign } viewerEnrolment { id } } }`;
const CATALOGUE = `{ courses(first: 100) { edges { node { id title } } } }`;
const ENROL = `mutation ($id: ID!) { enrolInCourse(courseId: $id) { id lessonsDone lessonCount completedAt } }`;
const COMPLETE_LESSON = `mutation ($id: ID!) { completeLesson(lessonId: $id) { lessonsDone lessonCount progress completedAt quizPassed } }`;
const SUBMIT = `mutation ($input: SubmitQuizInput!) { submitQuiz(input: $input) { score passed passMark correctQuestionIds enrolment { completedAt bestScore quizPassed } } }`;
const CERTIFICATE = `query ($id: ID!) { courseCertificate(courseId: $id) { id learnerName courseTitle completedAt } }`;
const ASSIGN = `mutation ($input: AssignCourseInput!) { assignCourse(input: $input) { assigned updated skipped } }`;
const MY_LEARNING = `{ myLearning(first: 50) { edges { node { courseId assigned dueAt overdue completedAt course { title } } } } }`;
const REPORT = `query ($courseId: ID, $communityId: ID) { trainingReport(courseId: $courseId, communityId: $communityId) {
  total { enrolled completed overdue rate } medianHoursToComplete
  byCourse { id label enrolled completed } byCohort { id label enrolled completed }
  byDepartment { label enrolled completed rate } byCommunity { id label enrolled completed } } }`;
const OVERDUE = `query ($courseId: ID, $communityId: ID) { overdueAssignments(first: 10, courseId: $courseId, communityId: $communityId) { totalCount edges { node { accountId learnerName dueAt courseTitle } } } }`;

type Id = { id: string };
type Person = { client: GraphqlClient; account: Id };
type SavedCourse = Id & { state: string; lessons: Array<Id & { position: number }>; quiz: Array<Id & { choices: Array<Id & { text: string; correct: boolean | null }> }> };
type Group = { id: string | null; label: string; enrolled: number; completed: number; rate?: number };

/** The first two items of a list the test made with two. */
const two = <T>(items: T[]): [T, T] => [items[0] as T, items[1] as T];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const courseInput = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: 'What **everyone** should know.',
  audiences: ['EMPLOYEE'],
  passMark: 50,
  lessons: [
    { title: 'Why we share', body: 'Because *it helps*.', videoUrl: 'https://video.example.test/why' },
    { title: 'How to post', body: 'Step by step.', articleIds: ['0190d6c4-0000-7000-8000-000000000001'] },
  ],
  questions: [
    { prompt: 'Which are public channels?', choices: [{ text: 'LinkedIn', correct: true }, { text: 'Team chat', correct: false }, { text: 'Press', correct: true }] },
    { prompt: 'Who may speak for the company?', choices: [{ text: 'Spokespeople', correct: true }, { text: 'Anyone', correct: false }] },
  ],
  ...extra,
});

describe('training', () => {
  let api: TestApp;
  let coe: Person;
  let steering: Person;
  let learner: Person;
  let salesA: Person;
  let salesB: Person;
  let customer: Person;
  let manager: Person;
  let communityMember: Person;
  let otherManager: Person;
  let communityId: string;
  let otherCommunityId: string;
  let course: SavedCourse;

  const events = (type: string, subjectId: string) =>
    api.dataSource.query<Array<{ payload: { accountIds?: string[]; accountId?: string; dueAt?: string } }>>(
      `SELECT payload FROM outbox_events WHERE type = $1 AND subject_id = $2 ORDER BY seq`,
      [type, subjectId],
    );

  const community = async (owner: Person, name: string) => {
    const { createCommunity } = await owner.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name, audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'BRAND_MANAGEMENT', useCases: ['FORUMS'] },
    });
    await owner.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    return createCommunity.id;
  };

  const publishedCourse = async (title: string, extra: Record<string, unknown> = {}) => {
    const { saveCourse } = await coe.client.data<{ saveCourse: SavedCourse }>(SAVE, { input: courseInput(title, extra) });
    await coe.client.data(SET_STATE, { input: { courseId: saveCourse.id, state: 'PUBLISHED' } });
    return saveCourse;
  };

  beforeAll(async () => {
    api = await startTestApp();
    coe = await api.signedIn(PlatformRole.Coe, { department: 'Programme' });
    steering = await api.signedIn(PlatformRole.Steering);
    learner = await api.signedIn(PlatformRole.Member, { department: 'Engineering', displayName: 'Ada Learner' });
    salesA = await api.signedIn(PlatformRole.Member, { department: 'Sales' });
    salesB = await api.signedIn(PlatformRole.Member, { department: 'sales' });
    customer = await api.signedIn(PlatformRole.Member, { audience: 'CUSTOMER' });
    manager = await api.signedIn(PlatformRole.Member, { department: 'Marketing' });
    communityMember = await api.signedIn(PlatformRole.Member, { department: 'Marketing' });
    otherManager = await api.signedIn(PlatformRole.Member, { department: 'Support' });
    communityId = await community(manager, 'Brand voices');
    otherCommunityId = await community(otherManager, 'Support heroes');
    await communityMember.client.data(JOIN, { id: communityId });
    await salesA.client.data(JOIN, { id: otherCommunityId });
  });
  afterAll(() => api.close());

  it('lets only the programme team write courses, keeps drafts to them, and validates lessons and the quiz', async () => {
    await expect(learner.client.errorCode(SAVE, { input: courseInput('Mine') })).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(SAVE, { input: courseInput('Mine') })).resolves.toBe('FORBIDDEN');
    const badVideo = courseInput('Bad video', { lessons: [{ title: 'Watch', body: 'x', videoUrl: 'http://insecure.example.test/v' }] });
    await expect(coe.client.errorCode(SAVE, { input: badVideo })).resolves.toBe('BAD_USER_INPUT');
    await expect(coe.client.errorCode(SAVE, { input: courseInput('No pass mark', { passMark: null }) })).resolves.toBe('BAD_USER_INPUT');
    const noRightChoice = courseInput('No right choice', { questions: [{ prompt: 'Pick', choices: [{ text: 'a', correct: false }, { text: 'b', correct: false }] }] });
    await expect(coe.client.errorCode(SAVE, { input: noRightChoice })).resolves.toBe('BAD_USER_INPUT');

    const { saveCourse } = await coe.client.data<{ saveCourse: SavedCourse & { lessons: Array<{ bodyHtml: string }> } }>(SAVE, { input: courseInput('Social media basics') });
    course = saveCourse;
    expect(saveCourse.state).toBe('DRAFT');
    expect(saveCourse.lessons.map((l) => l.position)).toEqual([1, 2]);
    expect(saveCourse.lessons[0]?.bodyHtml).toContain('<em>it helps</em>');
    await expect(learner.client.errorCode(COURSE, { id: course.id })).resolves.toBe('NOT_FOUND');
    await expect(learner.client.errorCode(ENROL, { id: course.id })).resolves.toBe('NOT_FOUND');

    // Reordering keeps lesson ids (and so everyone's progress).
    const [first, second] = two<Id>(saveCourse.lessons);
    const reordered = courseInput('Social media basics', {
      lessons: [
        { id: second.id, title: 'How to post', body: 'Step by step.' },
        { id: first.id, title: 'Why we share', body: 'Because *it helps*.' },
      ],
      questions: saveCourse.quiz.map((q, i) => ({
        id: q.id,
        prompt: i === 0 ? 'Which are public channels?' : 'Who may speak for the company?',
        choices: q.choices.map((c) => ({ id: c.id, text: c.text, correct: c.correct })),
      })),
    });
    const { saveCourse: saved } = await coe.client.data<{ saveCourse: SavedCourse }>(SAVE, { input: { ...reordered, courseId: course.id } });
    expect(saved.lessons.map((l) => l.id)).toEqual([second.id, first.id]);
    course = saved;

    await expect(learner.client.errorCode(SET_STATE, { input: { courseId: course.id, state: 'PUBLISHED' } })).resolves.toBe('FORBIDDEN');
    await coe.client.data(SET_STATE, { input: { courseId: course.id, state: 'PUBLISHED' } });
    const { courses } = await learner.client.data<{ courses: { edges: Array<{ node: Id }> } }>(CATALOGUE);
    expect(courses.edges.map((e) => e.node.id)).toContain(course.id);
  });

  it('shows employee-only courses to employees only, target groups to their members, and right answers to the programme team only', async () => {
    await expect(customer.client.errorCode(COURSE, { id: course.id })).resolves.toBe('NOT_FOUND');
    await expect(customer.client.errorCode(ENROL, { id: course.id })).resolves.toBe('NOT_FOUND');
    const { courses } = await customer.client.data<{ courses: { edges: Array<{ node: Id }> } }>(CATALOGUE);
    expect(courses.edges.map((e) => e.node.id)).not.toContain(course.id);

    const { course: asLearner } = await learner.client.data<{ course: { quiz: Array<{ multipleAnswers: boolean; choices: Array<{ correct: boolean | null }> }>; viewerCan: { manage: boolean; enrol: boolean } } }>(COURSE, { id: course.id });
    expect(asLearner.quiz[0]?.multipleAnswers).toBe(true);
    expect(asLearner.quiz.flatMap((q) => q.choices.map((c) => c.correct))).toEqual([null, null, null, null, null]);
    expect(asLearner.viewerCan).toMatchObject({ manage: false, enrol: true });
    const { course: asCoe } = await coe.client.data<{ course: { quiz: Array<{ choices: Array<{ correct: boolean | null }> }> } }>(COURSE, { id: course.id });
    expect(asCoe.quiz[0]?.choices.map((c) => c.correct)).toEqual([true, false, true]);

    const salesOnly = await publishedCourse('Selling with social', { targetDepartment: 'SALES' });
    await expect(learner.client.errorCode(COURSE, { id: salesOnly.id })).resolves.toBe('NOT_FOUND');
    await expect(salesA.client.data(COURSE, { id: salesOnly.id })).resolves.toMatchObject({ course: { id: salesOnly.id } });
  });

  it('takes a learner through the lessons and the quiz to completion and a certificate', async () => {
    const [lessonA, lessonB] = two<Id>(course.lessons);
    await expect(learner.client.errorCode(COMPLETE_LESSON, { id: lessonA.id })).resolves.toBe('FORBIDDEN');
    await expect(learner.client.errorCode(CERTIFICATE, { id: course.id })).resolves.toBe('NOT_FOUND');
    await expect(learner.client.data(ENROL, { id: course.id })).resolves.toMatchObject({ enrolInCourse: { lessonsDone: 0, lessonCount: 2, completedAt: null } });
    await expect(learner.client.errorCode(ENROL, { id: course.id })).resolves.toBe('CONFLICT');

    await expect(learner.client.data(COMPLETE_LESSON, { id: lessonA.id })).resolves.toMatchObject({ completeLesson: { lessonsDone: 1, progress: 50 } });
    // Marking twice changes nothing.
    await learner.client.data(COMPLETE_LESSON, { id: lessonA.id });
    await expect(learner.client.data(COMPLETE_LESSON, { id: lessonB.id })).resolves.toMatchObject({
      completeLesson: { lessonsDone: 2, progress: 100, completedAt: null, quizPassed: false },
    });

    const [q1, q2] = two(course.quiz);
    const right1 = q1.choices.filter((c) => c.correct).map((c) => c.id);
    const wrong2 = (q2.choices.find((c) => !c.correct) as Id).id;
    const right2 = (q2.choices.find((c) => c.correct) as Id).id;
    await expect(learner.client.errorCode(SUBMIT, { input: { courseId: course.id, answers: [{ questionId: lessonA.id, choiceIds: [] }] } })).resolves.toBe('BAD_USER_INPUT');
    await expect(learner.client.errorCode(SUBMIT, { input: { courseId: course.id, answers: [{ questionId: q1.id, choiceIds: [right2] }] } })).resolves.toBe('BAD_USER_INPUT');

    // One of two right is 50%: not over the line when only the first choice of two is picked.
    const failed = await learner.client.data<{ submitQuiz: { score: number; passed: boolean } }>(SUBMIT, {
      input: { courseId: course.id, answers: [{ questionId: q1.id, choiceIds: [right1[0]] }, { questionId: q2.id, choiceIds: [wrong2] }] },
    });
    expect(failed.submitQuiz).toMatchObject({ score: 0, passed: false });
    const passed = await learner.client.data<{ submitQuiz: { score: number; passed: boolean; correctQuestionIds: string[]; enrolment: { completedAt: string | null; bestScore: number } } }>(SUBMIT, {
      input: { courseId: course.id, answers: [{ questionId: q1.id, choiceIds: right1 }, { questionId: q2.id, choiceIds: [right2] }] },
    });
    expect(passed.submitQuiz).toMatchObject({ score: 100, passed: true, correctQuestionIds: [q1.id, q2.id], enrolment: { bestScore: 100 } });
    expect(passed.submitQuiz.enrolment.completedAt).not.toBeNull();

    await expect(learner.client.data(CERTIFICATE, { id: course.id })).resolves.toMatchObject({
      courseCertificate: { learnerName: 'Ada Learner', courseTitle: 'Social media basics' },
    });
    expect(await events('knowledge.course.completed', course.id)).toEqual([{ payload: { courseId: course.id, accountId: learner.account.id } }]);
  });

  it('assigns a course to a department and a cohort in one go, with a due date, and records who was assigned', async () => {
    const { createCohort } = await coe.client.data<{ createCohort: Id }>(`mutation ($input: NewCohortInput!) { createCohort(input: $input) { id } }`, {
      input: { name: 'Wave 1', memberIds: [communityMember.account.id] },
    });
    const dueAt = inDays(14);
    const { assignCourse } = await coe.client.data<{ assignCourse: { assigned: number; updated: number; skipped: number } }>(ASSIGN, {
      input: { courseId: course.id, department: 'Sales', cohortId: createCohort.id, accountIds: [learner.account.id, customer.account.id], dueAt },
    });
    // Sales (two spellings) and the cohort are new; the learner completed already; the customer is outside the audience.
    expect(assignCourse).toEqual({ assigned: 3, updated: 0, skipped: 2 });
    const [assigned] = await events('knowledge.course.assigned', course.id);
    expect(new Set(assigned?.payload.accountIds)).toEqual(new Set([salesA.account.id, salesB.account.id, communityMember.account.id]));

    const { myLearning } = await salesA.client.data<{ myLearning: { edges: Array<{ node: { courseId: string; assigned: boolean; dueAt: string; overdue: boolean; course: { title: string } } }> } }>(MY_LEARNING);
    expect(myLearning.edges.map((e) => e.node)).toContainEqual({ courseId: course.id, assigned: true, dueAt, overdue: false, completedAt: null, course: { title: 'Social media basics' } });

    await expect(learner.client.errorCode(ASSIGN, { input: { courseId: course.id, accountIds: [salesA.account.id] } })).resolves.toBe('FORBIDDEN');
    await expect(coe.client.errorCode(ASSIGN, { input: { courseId: course.id } })).resolves.toBe('BAD_USER_INPUT');
    await expect(coe.client.errorCode(ASSIGN, { input: { courseId: course.id, department: 'Sales', dueAt: inDays(-1) } })).resolves.toBe('BAD_USER_INPUT');
  });

  it('lets a community manager assign only to members of the community they manage', async () => {
    const managed = await publishedCourse('Community management 101');
    await expect(manager.client.errorCode(ASSIGN, { input: { courseId: managed.id, accountIds: [communityMember.account.id] } })).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(ASSIGN, { input: { courseId: managed.id, communityId: otherCommunityId, accountIds: [salesA.account.id] } })).resolves.toBe('FORBIDDEN');
    await expect(communityMember.client.errorCode(ASSIGN, { input: { courseId: managed.id, communityId, accountIds: [manager.account.id] } })).resolves.toBe('FORBIDDEN');

    const { assignCourse } = await manager.client.data<{ assignCourse: { assigned: number; skipped: number } }>(ASSIGN, {
      input: { courseId: managed.id, communityId, accountIds: [communityMember.account.id, salesA.account.id], dueAt: inDays(7) },
    });
    expect(assignCourse).toMatchObject({ assigned: 1, skipped: 1 });
    const [event] = await events('knowledge.course.assigned', managed.id);
    expect(event?.payload.accountIds).toEqual([communityMember.account.id]);
  });

  it('reports completion by course, cohort, department and community to those who may see it, and lists overdue assignments', async () => {
    await expect(learner.client.errorCode(REPORT, {})).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(REPORT, {})).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(REPORT, { communityId: otherCommunityId })).resolves.toBe('FORBIDDEN');
    await expect(customer.client.errorCode(OVERDUE, {})).resolves.toBe('FORBIDDEN');

    const { trainingReport } = await coe.client.data<{ trainingReport: { total: Group; byCourse: Group[]; byCohort: Group[]; byDepartment: Group[]; byCommunity: Group[]; medianHoursToComplete: number | null } }>(REPORT, { courseId: course.id });
    expect(trainingReport.total).toMatchObject({ enrolled: 4, completed: 1 });
    expect(trainingReport.byDepartment).toContainEqual({ label: 'Engineering', enrolled: 1, completed: 1, rate: 1 });
    // "Sales" and "sales" are one department.
    expect(trainingReport.byDepartment.filter((g) => g.label.toLowerCase() === 'sales')).toEqual([expect.objectContaining({ enrolled: 2, completed: 0 })]);
    expect(trainingReport.byCohort).toEqual([expect.objectContaining({ label: 'Wave 1', enrolled: 1, completed: 0 })]);
    expect(trainingReport.byCommunity).toContainEqual(expect.objectContaining({ id: communityId, enrolled: 1 }));
    expect(trainingReport.medianHoursToComplete).not.toBeNull();
    await expect(steering.client.data(REPORT, { courseId: course.id })).resolves.toMatchObject({ trainingReport: { total: { enrolled: 4 } } });

    // The manager sees their community's members only.
    const scoped = await manager.client.data<{ trainingReport: { total: Group; byCommunity: Group[] } }>(REPORT, { communityId });
    expect(scoped.trainingReport.total.enrolled).toBe(2);
    expect(scoped.trainingReport.byCommunity.map((g) => g.id)).toEqual([communityId]);

    // Time passes for Sales A's assignment.
    await api.dataSource.query(`UPDATE training_enrolments SET due_at = now() - interval '1 day' WHERE account_id = $1 AND course_id = $2`, [salesA.account.id, course.id]);
    const { overdueAssignments } = await coe.client.data<{ overdueAssignments: { totalCount: number; edges: Array<{ node: { accountId: string; courseTitle: string } }> } }>(OVERDUE, { courseId: course.id });
    expect(overdueAssignments.totalCount).toBe(1);
    expect(overdueAssignments.edges[0]?.node).toMatchObject({ accountId: salesA.account.id, courseTitle: 'Social media basics' });
    const { myLearning } = await salesA.client.data<{ myLearning: { edges: Array<{ node: { courseId: string; overdue: boolean } }> } }>(MY_LEARNING);
    expect(myLearning.edges.find((e) => e.node.courseId === course.id)?.node.overdue).toBe(true);
    await expect(manager.client.data(OVERDUE, { communityId })).resolves.toMatchObject({ overdueAssignments: { totalCount: 0 } });
  });

  it('reminds each unfinished assignment once when its due date is near', async () => {
    const soon = await publishedCourse('Due soon');
    await coe.client.data(ASSIGN, { input: { courseId: soon.id, accountIds: [salesA.account.id, salesB.account.id], dueAt: inDays(2) } });
    await coe.client.data(ASSIGN, { input: { courseId: soon.id, accountIds: [learner.account.id], dueAt: inDays(20) } });
    const reminders = api.app.get<CourseDueReminders>(CourseDueReminders);
    await reminders.remindDue();
    await reminders.remindDue();
    const dueSoon = await events('knowledge.course.due-soon', soon.id);
    expect(dueSoon).toHaveLength(1);
    expect(new Set(dueSoon[0]?.payload.accountIds)).toEqual(new Set([salesA.account.id, salesB.account.id]));
  });

  it('lists a page of courses with lessons, quiz and the viewer’s enrolment in the same few statements however many courses', async () => {
    const PAGE = `{ courses(first: 100) { edges { node { id lessonCount lessons { id } quiz { id } viewerEnrolment { id progress } viewerCan { enrol } } } } }`;
    const measure = () => api.statements.measure(() => salesA.client.data<{ courses: { edges: unknown[] } }>(PAGE));
    const before = await measure();
    await publishedCourse('More one');
    await publishedCourse('More two');
    const after = await measure();
    expect(after.result.courses.edges.length).toBe(before.result.courses.edges.length + 2);
    expect(after.statements).toBe(before.statements);
  });
});
