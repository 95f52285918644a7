import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, expectAccessible, graphqlAs, screenshot } from './browser';
import { activateRule, communityId, type RuleInput } from './moderation-setup';
import { makeProgrammeTeam } from './knowledge-setup';

const GRACE = 'grace.hopper@commons.example';
const ADA = 'ada.lovelace@commons.example';
const SLUG = 'engineering-guild';

/** The social-media guideline with a first version everyone acknowledged long ago (set up through the API). */
async function socialMediaGuideline(coe: Page): Promise<string> {
  const { createGuideline } = await graphqlAs<{ createGuideline: { id: string } }>(coe, 'mutation ($input: CreateGuidelineInput!) { createGuideline(input: $input) { id } }', {
    input: { key: 'social-media', title: 'Social media policy', audiences: ['EMPLOYEE'] },
  });
  const { saveGuidelineDraft } = await graphqlAs<{ saveGuidelineDraft: { id: string } }>(coe, 'mutation ($input: SaveGuidelineDraftInput!) { saveGuidelineDraft(input: $input) { id } }', {
    input: { guidelineId: createGuideline.id, body: 'Speak for yourself, not for the company.', changeNote: 'First version' },
  });
  await graphqlAs(coe, 'mutation ($input: PublishGuidelineVersionInput!) { publishGuidelineVersion(input: $input) { id } }', {
    input: { guidelineId: createGuideline.id, versionId: saveGuidelineDraft.id, material: true },
  });
  return createGuideline.id;
}

const banner = (page: Page) => page.getByTestId('guidelines-banner');

/**
 * Guidelines reach everyone they address: the programme team publishes a material change to the
 * social-media policy; Ada's community, which requires it, refuses her reply with a link to it;
 * she sees the banner, reads the policy and acknowledges it; the banner goes, she may post, and
 * the compliance report counts her.
 */
describeInBrowser('guidelines', () => {
  const { signInAs } = demoJourney();

  it('asks employees to acknowledge a material change and reports who did', async () => {
    const admin = await signInAs('admin@commons.example');
    await makeProgrammeTeam(admin, 'Grace Hopper', GRACE);
    const grace = await signInAs(GRACE);
    const guidelineId = await socialMediaGuideline(grace);
    const ada = await signInAs(ADA);
    const { guideline } = await graphqlAs<{ guideline: { currentVersion: { id: string } } }>(ada, '{ guideline(key: "social-media") { currentVersion { id } } }');
    await graphqlAs(ada, 'mutation ($input: AcknowledgeGuidelineInput!) { acknowledgeGuideline(input: $input) { id } }', { input: { guidelineId, versionId: guideline.currentVersion.id } });
    // Ada's community requires the current social-media policy to post; she can, for now.
    const rule: RuleInput & { guideline: string } = { id: 'e2e-social-media', kind: 'GUIDELINE_ACKNOWLEDGEMENT', action: 'REJECT', reason: 'Acknowledge the social media policy before posting.', guideline: 'social-media' };
    await activateRule(ada, SLUG, rule, 'The social media policy comes first');
    const { createThread } = await graphqlAs<{ createThread: { id: string } }>(ada, 'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
      input: { communityId: await communityId(ada, SLUG), title: 'Posting about the open day', body: 'Can we share photos of the open day outside?' },
    });

    // Grace writes the next version and publishes it as a material change.
    await grace.goto('/knowledge/guidelines/social-media/edit');
    const text = grace.getByRole('textbox', { name: 'Text' });
    await text.fill('Speak for yourself, not for the company. Never name customers without their written consent.');
    await grace.getByLabel('Change note').fill('Customers need to agree before being named');
    await grace.getByRole('radio', { name: 'Material: everyone acknowledges again' }).check();
    await grace.getByRole('button', { name: 'Publish' }).click();
    await grace.waitForURL((url) => url.pathname === '/knowledge/guidelines/social-media');
    await grace.getByText('Customers need to agree before being named').waitFor();

    // Until she acknowledges the new version, her community refuses her posts, and says where to read it.
    await ada.goto(`/communities/${SLUG}/forum/threads/${createThread.id}`);
    await ada.getByRole('textbox', { name: 'Reply', exact: true }).fill('Only with the consent of everyone in them.');
    await ada.getByRole('button', { name: 'Post reply' }).click();
    const rejection = ada.getByTestId('policy-rejected');
    await rejection.getByText('Acknowledge the social media policy before posting.', { exact: false }).waitFor();
    await expect(rejection.getByRole('link', { name: 'Read and acknowledge “Social media policy”' }).getAttribute('href')).resolves.toBe('/knowledge/guidelines/social-media');
    await screenshot(ada, 'guidelines-post-refused');

    // Ada is asked again, wherever she is.
    await ada.goto('/');
    await banner(ada).filter({ hasText: '1 guideline needs your acknowledgement' }).waitFor();
    await screenshot(ada, 'guidelines-banner');
    await banner(ada).getByRole('link', { name: /read/u }).click();
    await ada.waitForURL((url) => url.pathname === '/knowledge/guidelines/social-media');
    await ada.getByText('Never name customers without their written consent.').waitFor();
    await expectAccessible(ada, 'guideline page');
    await ada.getByRole('button', { name: 'I have read and acknowledge' }).click();
    await ada.getByTestId('guideline-acknowledged').filter({ hasText: 'You acknowledged version 2' }).waitFor();
    await banner(ada).waitFor({ state: 'detached' });

    // Now she may post.
    await ada.goto(`/communities/${SLUG}/forum/threads/${createThread.id}`);
    await ada.getByRole('textbox', { name: 'Reply', exact: true }).fill('Only with the consent of everyone in them.');
    await ada.getByRole('button', { name: 'Post reply' }).click();
    await ada.getByRole('article', { name: 'Reply by Ada Lovelace' }).filter({ hasText: 'Only with the consent of everyone in them.' }).waitFor();

    // The report counts her, in her department.
    await grace.goto('/knowledge/guidelines/social-media/compliance');
    await grace.getByTestId('guideline-compliance-total').filter({ hasText: /Version 2: 1 of \d+ acknowledged/u }).waitFor();
    const engineering = grace.getByRole('region', { name: 'By department' }).getByRole('listitem').filter({ hasText: 'Engineering' });
    await engineering.filter({ hasText: /Engineering\s*1 of \d+/u }).waitFor();
    await expectAccessible(grace, 'guideline compliance');
  });
});
