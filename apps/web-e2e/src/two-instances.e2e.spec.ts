import type { Browser, Page } from 'playwright-core';
import { startBuiltServer, type BuiltServer } from '@commons/server-testing';
import { describeInBrowser, graphqlAs, launchBrowser, screenshot, submitSignIn, DEMO_PASSWORD } from './browser';

/**
 * Two API instances on one database, as behind a load balancer: Ada's browser talks to the
 * first, Grace's to the second. A reply Grace posts on hers reaches Ada's page on the other
 * live, once — the event goes from the second instance's outbox through the bus to the first.
 */
describeInBrowser('two API instances', () => {
  let first: BuiltServer | undefined;
  let second: BuiltServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    first = await startBuiltServer({ SEED_DEMO: 'true' });
    second = await startBuiltServer({ DATABASE_URL: first.database?.url ?? '', SEED_DEMO: 'false' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await second?.stop();
    await first?.stop();
  });

  const signInOn = async (server: BuiltServer | undefined, email: string): Promise<Page> => {
    const page = await (await (browser as Browser).newContext({ baseURL: server?.url })).newPage();
    await page.goto('/sign-in');
    await submitSignIn(page, email, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    return page;
  };

  it('shows a reply posted through one instance on a page served by the other, live and once', async () => {
    const ada = await signInOn(first, 'ada.lovelace@commons.example');
    const grace = await signInOn(second, 'grace.hopper@commons.example');
    try {
      const title = 'Which region fails over first?';
      const { community } = await graphqlAs<{ community: { id: string } }>(ada, 'query { community(slug: "engineering-guild") { id } }');
      const { createThread } = await graphqlAs<{ createThread: { id: string } }>(ada, 'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
        input: { communityId: community.id, title, body: 'Asking for the failover drill next week.' },
      });
      const path = `/communities/engineering-guild/forum/threads/${createThread.id}`;
      await ada.goto(path);
      await ada.getByText('No replies yet.').waitFor();
      await grace.goto(path);
      await grace.getByRole('heading', { name: title, level: 2 }).waitFor();

      const answer = 'The eastern region goes first; the runbook has the order.';
      await grace.getByRole('textbox', { name: 'Reply', exact: true }).fill(answer);
      await grace.getByRole('button', { name: 'Post reply' }).click();
      await grace.getByRole('status').filter({ hasText: 'Your reply is posted.' }).waitFor();

      const arrived = ada.getByRole('article', { name: 'Reply by Grace Hopper' });
      await arrived.getByText(answer).waitFor();
      await arrived.getByText('New', { exact: true }).waitFor();
      await ada.getByRole('heading', { name: '1 Reply', level: 3 }).waitFor();
      await expect(ada.getByRole('article', { name: /^Reply by / }).filter({ hasText: answer }).count()).resolves.toBe(1);
    } catch (error) {
      await screenshot(ada, 'failed-two-instances-ada');
      throw error;
    } finally {
      await ada.context().close();
      await grace.context().close();
    }
  });
});
