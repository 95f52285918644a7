import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, expectAccessible, graphqlAs } from './browser';
import { makeProgrammeTeam } from './knowledge-setup';

const GRACE = 'grace.hopper@commons.example';
const ADA = 'ada.lovelace@commons.example';
const TITLE = 'Speaking on social media';

/** A published two-lesson course with a one-question quiz (set up through the API). */
async function publishedCourse(coe: Page): Promise<string> {
  const { saveCourse } = await graphqlAs<{ saveCourse: { id: string } }>(coe, 'mutation ($input: SaveCourseInput!) { saveCourse(input: $input) { id } }', {
    input: {
      title: TITLE,
      description: 'How we speak **for ourselves** and when we speak for the company.',
      audiences: ['EMPLOYEE'],
      passMark: 100,
      lessons: [
        { title: 'Speak for yourself', body: 'Say *I*, not *we*, unless you are a spokesperson.' },
        { title: 'Customers and confidentiality', body: 'Never name a customer without their written consent.' },
      ],
      questions: [{ prompt: 'Who may speak for the company?', choices: [{ text: 'Its spokespeople', correct: true }, { text: 'Anyone who works here', correct: false }] }],
    },
  });
  await graphqlAs(coe, 'mutation ($input: SetCourseStateInput!) { setCourseState(input: $input) { id } }', { input: { courseId: saveCourse.id, state: 'PUBLISHED' } });
  return saveCourse.id;
}

/**
 * A course reaches a department and is completed: the programme team assigns a published course
 * to Engineering with a due date; Ada finds it in her learning, takes both lessons, passes the
 * quiz and sees her certificate; the completion report shows Engineering's completion.
 */
describeInBrowser('training', () => {
  const { signInAs } = demoJourney();

  it('assigns a course to a department, takes a learner through it to a certificate, and reports it by department', async () => {
    const admin = await signInAs('admin@commons.example');
    await makeProgrammeTeam(admin, 'Grace Hopper', GRACE);
    const grace = await signInAs(GRACE);
    const courseId = await publishedCourse(grace);

    // Grace assigns it to Engineering, due in two weeks.
    await grace.goto(`/knowledge/courses/${courseId}/assign`);
    await grace.getByRole('heading', { name: `Assign “${TITLE}”` }).waitFor();
    await grace.getByRole('textbox', { name: 'Department' }).fill('Engineering');
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await grace.getByLabel('Due date').fill(due);
    await grace.getByRole('button', { name: 'Assign', exact: true }).click();
    await grace.getByRole('status').filter({ hasText: 'newly assigned' }).waitFor();

    // Ada finds it in her learning and takes it.
    const ada = await signInAs(ADA);
    await ada.goto('/knowledge/learning');
    await ada.getByRole('heading', { name: 'My learning' }).waitFor();
    await ada.getByRole('link', { name: TITLE }).click();
    await ada.getByRole('heading', { name: '1. Speak for yourself' }).waitFor();
    await expectAccessible(ada, 'the course player');
    await ada.getByRole('button', { name: 'Mark as done' }).click();
    await ada.getByText('1 of 2 lessons done').waitFor();
    await ada.getByRole('link', { name: 'Next lesson' }).click();
    await ada.getByRole('heading', { name: '2. Customers and confidentiality' }).waitFor();
    await ada.getByRole('button', { name: 'Mark as done' }).click();
    await ada.getByText('2 of 2 lessons done').waitFor();
    await ada.getByRole('link', { name: 'Take the quiz' }).click();
    await ada.getByRole('radio', { name: 'Its spokespeople' }).check();
    await ada.getByRole('button', { name: 'Submit answers' }).click();
    await ada.getByText('You scored 100%').waitFor();
    await ada.getByRole('link', { name: 'See your certificate' }).click();
    const certificate = ada.getByRole('article', { name: 'Certificate of completion' });
    await certificate.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await certificate.getByRole('heading', { name: TITLE }).waitFor();
    await expectAccessible(ada, 'the certificate');

    // The completion report counts her under Engineering.
    await grace.goto(`/knowledge/training-report?course=${courseId}`);
    const byDepartment = grace.getByRole('region', { name: 'By department' });
    const engineering = byDepartment.getByRole('row', { name: /^Engineering/u });
    await engineering.waitFor();
    expect(await engineering.getByRole('cell').first().textContent()).toMatch(/^1 of \d+$/u);
    await expectAccessible(grace, 'the completion report');
  });
});
