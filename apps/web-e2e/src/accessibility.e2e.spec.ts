import { demoJourney, describeInBrowser, expectAccessible, graphqlAs } from './browser';

describeInBrowser('accessibility of the main screens', () => {
  const { newPage, signInAs } = demoJourney();

  it('has no serious violations on sign-in and registration', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, '/sign-in');
    await page.goto('/register');
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    await expectAccessible(page, '/register');
  });

  it('has no serious violations in the signed-in shell, directories, communities, profile and administration', async () => {
    const page = await signInAs('admin@commons.example');
    for (const [path, ready] of [
      ['/', 'Welcome, Alex'],
      ['/people', 'People'],
      // Ready once the directory has loaded its first page.
      ['/communities', 'Engineering Guild'],
      ['/communities/engineering-guild', 'Engineering Guild'],
      ['/communities/new', '1. Audience'],
      ['/profile', 'Profile'],
      ['/administration', 'Administration'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: ready }).first().waitFor();
      await expectAccessible(page, path);
    }
  });

  it('has no serious violations in a community forum, its new-thread form and its threads', async () => {
    const page = await signInAs('ada.lovelace@commons.example');
    // The demo's threads: an answered question with replies, and a discussion with a task list.
    for (const [path, ready, open] of [
      ['/communities/engineering-guild/forum', 'How do we roll back a failed database migration in production?', null],
      ['/communities/engineering-guild/forum/new', 'New thread', null],
      ['/communities/engineering-guild/forum', 'Accepted answer', 'How do we roll back a failed database migration in production?'],
      ['/communities/engineering-guild/forum', '1 Reply', 'What should the guild focus on next quarter?'],
    ] as const) {
      await page.goto(path);
      if (open) await page.getByRole('link', { name: open }).click();
      await page.getByRole('heading', { name: ready }).first().waitFor();
      await expectAccessible(page, open ? `thread "${open}"` : path);
    }
  });

  it('has no serious violations in the blogs, a post, the post editor and search', async () => {
    const page = await signInAs('ada.lovelace@commons.example');
    // The demo's post in the Engineering Guild blog, which Ada manages, with a comment and a reply to check too.
    const post = 'What we learned from our first guild review day';
    const send = (query: string, variables: Record<string, unknown>) => graphqlAs<Record<string, { id: string }>>(page, query, variables);
    const { community } = await send('query($slug: String!) { community(slug: $slug) { id } }', { slug: 'engineering-guild' });
    const { blogPost } = await send('query($c: ID!, $s: String!) { blogPost(communityId: $c, slug: $s) { id } }', { c: community.id, s: 'what-we-learned-from-our-first-guild-review-day' });
    const comment = 'mutation($input: BlogCommentInput!) { commentOnBlogPost(input: $input) { id } }';
    const { commentOnBlogPost } = await send(comment, { input: { postId: blogPost.id, body: 'Let us do it **every** quarter.' } });
    await send(comment, { input: { postId: blogPost.id, body: 'Agreed.', parentId: commentOnBlogPost.id } });
    for (const [path, ready] of [
      ['/blog', post],
      ['/blog/drafts', 'My drafts'],
      ['/communities/engineering-guild/blog', post],
      ['/communities/engineering-guild/blog/what-we-learned-from-our-first-guild-review-day', 'Comments'],
      ['/communities/engineering-guild/blog/new', 'New post'],
      ['/communities/engineering-guild/blog/what-we-learned-from-our-first-guild-review-day/edit', 'Publishing'],
      // Ready once the results are in: the post's title, highlighted.
      ['/search?q=review', post],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: ready }).first().waitFor();
      // Parts that load on their own (the comments) have loaded too.
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
      await expectAccessible(page, path);
    }
  });

  it('can be signed in to with the keyboard alone', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').focus();
    await page.keyboard.type('ada.lovelace@commons.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type('commons-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
  });
});
