import type { Page } from 'playwright-core';
import { demoJourney, describeInBrowser, graphqlAs, screenshot } from './browser';

const BLOG = '/communities/engineering-guild/blog';
const SCHEDULED_TITLE = 'Our build cache, a year on';
const SCHEDULED_SLUG = 'our-build-cache-a-year-on';
const PUBLISHED_TITLE = 'Lessons from flaky tests';
const PUBLISHED_SLUG = 'lessons-from-flaky-tests';
/** The post the demo organisation starts with. */
const DEMO_POST = 'What we learned from our first guild review day';
/** A word only the published post uses: what the searches look for. */
const WORD = 'quarantined';

/** A moment some minutes ahead, as the browser's datetime-local input takes it (its own time zone). */
function minutesAhead(page: Page, minutes: number): Promise<string> {
  return page.evaluate((ms) => {
    const at = new Date(Date.now() + ms);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  }, minutes * 60_000);
}

/**
 * One journey through the blogs and search of the demo organisation: Ada, the manager of the
 * Engineering Guild, writes a post that saves itself, meets a change made in another tab, and
 * schedules it; Grace, a moderator, does not see it before its time. Ada publishes another post
 * at once; Grace finds it in the feed, comments, replies and reacts. Ada finds it from the top
 * bar's search, highlighted; Casey, a customer who cannot read the guild, finds nothing.
 */
describeInBrowser('blogs and search journey', () => {
  const { signInAs } = demoJourney();
  let page: Page;


  it('lets a manager write a post that saves itself, survive a change made elsewhere, and schedule it', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    // From the navigation to the guild's blog.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Blog' }).click();
    await page.waitForURL((url) => url.pathname === '/blog');
    await page.getByRole('heading', { name: 'Blog', level: 2 }).waitFor();
    await page.getByRole('region', { name: 'Blogs of your communities' }).getByRole('link', { name: 'Engineering Guild' }).click();
    await page.waitForURL((url) => url.pathname === BLOG);
    await page.getByRole('heading', { name: 'Engineering Guild blog' }).waitFor();
    await page.getByRole('list', { name: 'Posts' }).getByRole('link', { name: DEMO_POST }).waitFor();
    await page.getByRole('radio', { name: 'Managers only' }).waitFor();
    await page.getByRole('link', { name: 'Write a post' }).click();
    await page.waitForURL((url) => url.pathname === `${BLOG}/new`);

    // A cover that is not https is refused next to its field, before anything is sent.
    await page.getByRole('heading', { name: 'New post' }).waitFor();
    await page.getByLabel('Cover image URL').fill('http://images.example.com/cache.png');
    await page.getByText('Use an https:// address for the cover image.').waitFor();
    await page.getByLabel('Cover image URL').fill('');

    // The draft saves itself once it has a title; the address moves to the draft's.
    await page.getByRole('textbox', { name: 'Title' }).fill(SCHEDULED_TITLE);
    await page.getByRole('textbox', { name: 'Excerpt' }).fill('What a shared build cache changed for us, and what it did not.');
    await page.getByRole('combobox', { name: 'Tags' }).fill('Build Tools');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page.getByRole('textbox', { name: 'Body' }).fill('## Hit rates\n\nThe cache serves **most** builds.');
    await page.getByTestId('autosave-status').filter({ hasText: /^Saved at / }).waitFor();
    await page.waitForURL((url) => url.pathname === `${BLOG}/${SCHEDULED_SLUG}/edit`);

    // Typing goes on in the same editor; the preview is the server's rendering of the saved text.
    await page.getByRole('textbox', { name: 'Body' }).fill('## Hit rates\n\nThe cache serves **most** builds.\n\n## Misses\n\nCold starts still hurt.');
    await page.getByTestId('autosave-status').filter({ hasText: /^Saved at / }).waitFor();
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.getByTestId('post-preview').getByRole('heading', { name: 'Misses' }).waitFor();
    await expect(page.getByTestId('post-preview').locator('strong').textContent()).resolves.toBe('most');
    await page.getByRole('tab', { name: 'Write' }).click();

    // Another tab changes the post: the next autosave is refused and the editor offers the current version.
    const { community } = await graphqlAs<{ community: { id: string } }>(page, 'query($slug: String!) { community(slug: $slug) { id } }', { slug: 'engineering-guild' });
    const { blogPost } = await graphqlAs<{ blogPost: { id: string; version: number } }>(
      page,
      'query($communityId: ID!, $slug: String!) { blogPost(communityId: $communityId, slug: $slug) { id version } }',
      { communityId: community.id, slug: SCHEDULED_SLUG },
    );
    await graphqlAs(page, 'mutation($input: UpdateBlogPostInput!) { updateBlogPost(input: $input) { version } }', {
      input: { postId: blogPost.id, version: blogPost.version, title: `${SCHEDULED_TITLE} (second look)` },
    });
    await page.getByRole('textbox', { name: 'Excerpt' }).fill('What a shared build cache changed for us.');
    await page.getByRole('alert').filter({ hasText: 'Another tab or a co-author changed this post' }).waitFor();
    await screenshot(page, 'blog-editor-conflict');
    await page.getByRole('button', { name: 'Reload the post' }).click();
    await page.getByTestId('autosave-status').filter({ hasText: 'All changes saved' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toBe(`${SCHEDULED_TITLE} (second look)`);
    await expect(page.getByRole('textbox', { name: 'Excerpt' }).inputValue()).resolves.toBe('What a shared build cache changed for us, and what it did not.');
    await page.getByRole('textbox', { name: 'Title' }).fill(SCHEDULED_TITLE);
    await page.getByTestId('autosave-status').filter({ hasText: /^Saved at / }).waitFor();

    // A schedule must lie ahead; a few minutes ahead it is taken, and shows as scheduled to its author.
    const publishAt = page.getByLabel('Or publish at');
    await publishAt.fill(await minutesAhead(page, -10));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('Choose a time in the future.').waitFor();
    await publishAt.fill(await minutesAhead(page, 5));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.waitForURL((url) => url.pathname === `${BLOG}/${SCHEDULED_SLUG}`);
    await page.getByRole('heading', { name: SCHEDULED_TITLE, level: 2 }).waitFor();
    await expect(page.getByTestId('post-timing').textContent()).resolves.toMatch(/^Scheduled for /u);
    await page.getByText('Comments open when the post is published.').waitFor();
    await screenshot(page, 'blog-post-scheduled');

    // Her drafts list it as scheduled; the blog itself does not yet.
    await page.goto('/blog/drafts');
    const draft = page.getByRole('list', { name: 'My drafts' }).getByRole('listitem').filter({ hasText: SCHEDULED_TITLE });
    await draft.getByText(/Scheduled for /u).waitFor();
  });

  it('hides a scheduled post from a moderator until its time', async () => {
    page = await signInAs('grace.hopper@commons.example');
    await page.goto(BLOG);
    await page.getByRole('heading', { name: 'Engineering Guild blog' }).waitFor();
    await page.getByRole('list', { name: 'Posts' }).getByRole('link', { name: DEMO_POST }).waitFor();
    await expect(page.getByText(SCHEDULED_TITLE).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Write a post' }).count()).resolves.toBe(0);
    await page.goto(`${BLOG}/${SCHEDULED_SLUG}`);
    await page.getByRole('heading', { name: 'Post not found' }).waitFor();
  });

  it('lets a manager publish a post at once', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    await page.goto(`${BLOG}/new`);
    await page.getByRole('textbox', { name: 'Title' }).fill(PUBLISHED_TITLE);
    await page.getByRole('textbox', { name: 'Excerpt' }).fill('How we stopped ignoring red builds.');
    await page.getByRole('textbox', { name: 'Body' }).fill(`## What we did\n\nFlaky tests are now ${WORD} within a day, and fixed within a week.`);
    await page.getByTestId('autosave-status').filter({ hasText: /^Saved at / }).waitFor();
    // Grace writes it with her (as a moderator of a blog its managers write, she does not edit it).
    await page.getByRole('combobox', { name: 'Add a co-author' }).fill('Grace');
    await page.getByRole('option', { name: 'Grace Hopper' }).click();
    await page.getByRole('list', { name: 'Co-authors' }).getByText('Grace Hopper').waitFor();
    await page.getByTestId('autosave-status').filter({ hasText: 'Unsaved changes' }).waitFor();
    await page.getByTestId('autosave-status').filter({ hasText: /^Saved at / }).waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL((url) => url.pathname === `${BLOG}/${PUBLISHED_SLUG}`);
    await page.getByRole('heading', { name: PUBLISHED_TITLE, level: 2 }).waitFor();
    await expect(page.getByTestId('post-timing').textContent()).resolves.not.toMatch(/Scheduled/u);
    await page.getByText('By Ada Lovelace with Grace Hopper').waitFor();
    await page.getByRole('link', { name: 'Edit' }).waitFor();
    await page.getByRole('link', { name: 'Engineering Guild blog' }).click();
    await page.getByRole('list', { name: 'Posts' }).getByRole('link', { name: PUBLISHED_TITLE }).waitFor();
    await expect(page.getByText(SCHEDULED_TITLE).count()).resolves.toBe(0);
  });

  it('lets a member open the post from the feed, comment, reply and react', async () => {
    page = await signInAs('grace.hopper@commons.example');
    await page.goto('/blog');
    const card = page.getByRole('list', { name: 'Latest posts' }).getByRole('listitem').filter({ hasText: PUBLISHED_TITLE });
    await card.getByRole('link', { name: 'Engineering Guild' }).waitFor();
    await card.getByRole('link', { name: PUBLISHED_TITLE }).click();
    await page.waitForURL((url) => url.pathname === `${BLOG}/${PUBLISHED_SLUG}`);
    await page.getByRole('heading', { name: PUBLISHED_TITLE, level: 2 }).waitFor();
    await page.getByText('No comments yet.').waitFor();
    await expect(page.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);

    // An empty comment is refused before sending; a real one joins the list.
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.getByText('Write 1 to 10,000 characters.').waitFor();
    await page.getByRole('textbox', { name: 'Add a comment' }).fill('We do the same with a **quarantine** label.');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const comments = page.getByRole('list', { name: 'Comments' });
    await comments.getByText('We do the same with a').waitFor();
    await expect(page.getByRole('textbox', { name: 'Add a comment' }).inputValue()).resolves.toBe('');

    // A reply goes under its comment, one level deep.
    await page.getByRole('button', { name: 'Reply to Grace Hopper' }).click();
    await page.getByRole('textbox', { name: 'Your reply to Grace Hopper' }).fill('And a weekly report of what is still quarantined.');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.getByRole('list', { name: 'Replies to Grace Hopper' }).getByText('And a weekly report').waitFor();

    // Reactions are toggles.
    const like = page.getByRole('group', { name: 'Reactions to this post' }).getByRole('button', { name: /^Like/u });
    await expect(like.getAttribute('aria-pressed')).resolves.toBe('false');
    await like.click();
    await like.and(page.locator('[aria-pressed="true"]')).waitFor();
    await expect(like.textContent()).resolves.toContain('1');
    await screenshot(page, 'blog-post-commented');

    // After a reload, everything is still there.
    await page.reload();
    await page.getByRole('list', { name: 'Replies to Grace Hopper' }).getByText('And a weekly report').waitFor();
    await expect(page.getByRole('group', { name: 'Reactions to this post' }).getByRole('button', { name: /^Like/u }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('finds the published post from the top bar, highlighted', async () => {
    page = await signInAs('ada.lovelace@commons.example');
    await page.getByRole('searchbox', { name: 'Search Commons' }).fill(WORD);
    await page.getByRole('searchbox', { name: 'Search Commons' }).press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === WORD);
    const hit = page.getByTestId('search-hit').filter({ hasText: PUBLISHED_TITLE });
    await hit.locator('mark', { hasText: new RegExp(WORD, 'iu') }).first().waitFor();
    await expect(hit.getByText('Blog post').count()).resolves.toBe(1);
    await expect(page.getByTestId('search-hit').filter({ hasText: SCHEDULED_TITLE }).count()).resolves.toBe(0);
    await screenshot(page, 'search-results');

    // Filters narrow it; a filter nothing matches says so.
    await page.getByRole('textbox', { name: 'Tag' }).fill('no-such-tag');
    await page.getByRole('textbox', { name: 'Tag' }).press('Enter');
    await page.getByText(`Nothing found for “${WORD}” with these filters`).waitFor();
    await page.getByRole('textbox', { name: 'Tag' }).fill('');
    await page.getByRole('textbox', { name: 'Tag' }).press('Enter');
    await hit.waitFor();

    // A community's id in the address narrows the search to it, until the person widens it again.
    const { community } = await graphqlAs<{ community: { id: string } }>(page, 'query($slug: String!) { community(slug: $slug) { id } }', { slug: 'engineering-guild' });
    await page.goto(`/search?q=${WORD}&community=${community.id}`);
    await page.getByText('Searching in Engineering Guild only').waitFor();
    await hit.waitFor();
    await page.getByRole('button', { name: 'Search everywhere, not only in Engineering Guild' }).click();
    await page.waitForURL((url) => url.pathname === '/search' && !url.searchParams.has('community'));
    await hit.getByRole('link', { name: PUBLISHED_TITLE }).click();
    await page.waitForURL((url) => url.pathname === `${BLOG}/${PUBLISHED_SLUG}`);
    await page.getByRole('heading', { name: PUBLISHED_TITLE, level: 2 }).waitFor();
  });

  it('finds nothing for a customer who may not read the guild', async () => {
    page = await signInAs('casey.customer@northwind.example');
    await page.getByRole('searchbox', { name: 'Search Commons' }).fill(WORD);
    await page.getByRole('searchbox', { name: 'Search Commons' }).press('Enter');
    await page.waitForURL((url) => url.pathname === '/search');
    await page.getByText(`Nothing found for “${WORD}”`).waitFor();
    await expect(page.getByTestId('search-hit').count()).resolves.toBe(0);
  });
});
