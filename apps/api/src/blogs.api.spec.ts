import { PlatformRole } from '@commons/shared-contracts';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const DRAFT = `mutation ($input: CreateBlogPostInput!) { createBlogPost(input: $input) { id slug state version title } }`;
const UPDATE = `mutation ($input: UpdateBlogPostInput!) { updateBlogPost(input: $input) { version body bodyHtml } }`;
const PUBLISH = `mutation ($input: PublishBlogPostInput!) { publishBlogPost(input: $input) { state publishedAt scheduled } }`;
const POST = `query ($id: ID) { blogPost(id: $id) { id title state viewerCan { edit comment moderate } } }`;
const FEED = `{ feed(first: 50) { edges { node { id title communityName } } } }`;

type Id = { id: string };

describe('blogs', () => {
  let api: TestApp;
  let manager: { client: GraphqlClient; account: Id };
  let member: { client: GraphqlClient; account: Id };
  let outsider: { client: GraphqlClient; account: Id };
  let communityId: string;

  beforeAll(async () => {
    api = await startTestApp();
    manager = await api.signedIn();
    member = await api.signedIn();
    outsider = await api.signedIn(PlatformRole.Member);
    const { createCommunity } = await manager.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Newsroom', audiences: ['EMPLOYEE'], visibility: 'PRIVATE', intent: 'BRAND_MANAGEMENT', useCases: ['BLOGS'] },
    });
    communityId = createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    const { requestToJoinCommunity } = await member.client.data<{ requestToJoinCommunity: { viewerJoinRequest: Id } }>(
      `mutation ($input: RequestToJoinInput!) { requestToJoinCommunity(input: $input) { viewerJoinRequest { id } } }`,
      { input: { communityId } },
    );
    await manager.client.data(`mutation ($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { status } }`, {
      input: { requestId: requestToJoinCommunity.viewerJoinRequest.id, approve: true },
    });
  });
  afterAll(() => api.close());

  it('keeps drafts to their authors, autosaves with a version check, and publishes to members only', async () => {
    const { createBlogPost } = await manager.client.data<{ createBlogPost: Id & { slug: string; state: string } }>(DRAFT, {
      input: { communityId, title: 'Quarterly launch notes', body: 'Draft **one**' },
    });
    expect(createBlogPost).toMatchObject({ slug: 'quarterly-launch-notes', state: 'DRAFT' });
    const id = createBlogPost.id;
    await expect(member.client.errorCode(POST, { id })).resolves.toBe('NOT_FOUND');

    await manager.client.data(UPDATE, { input: { postId: id, version: 1, body: 'Autosaved **two**' } });
    // A second tab still on version 1 does not overwrite the autosave.
    await expect(manager.client.errorCode(UPDATE, { input: { postId: id, version: 1, body: 'Stale tab' } })).resolves.toBe('CONFLICT');

    await manager.client.data(PUBLISH, { input: { postId: id } });
    await expect(member.client.data(POST, { id })).resolves.toMatchObject({ blogPost: { state: 'PUBLISHED', viewerCan: { edit: false, comment: true } } });
    await expect(outsider.client.errorCode(POST, { id })).resolves.toBe('NOT_FOUND');
    const feed = await member.client.data<{ feed: { edges: Array<{ node: Id }> } }>(FEED);
    expect(feed.feed.edges.map((e) => e.node.id)).toContain(id);
    const outsiderFeed = await outsider.client.data<{ feed: { edges: Array<{ node: Id }> } }>(FEED);
    expect(outsiderFeed.feed.edges.map((e) => e.node.id)).not.toContain(id);
  });

  it('schedules a post: invisible to readers until its time, then in the feed', async () => {
    const { createBlogPost } = await manager.client.data<{ createBlogPost: Id }>(DRAFT, { input: { communityId, title: 'Scheduled announcement', body: 'Tomorrow.' } });
    const id = createBlogPost.id;
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    await expect(manager.client.data(PUBLISH, { input: { postId: id, publishAt } })).resolves.toMatchObject({
      publishBlogPost: { state: 'PUBLISHED', scheduled: true },
    });
    await expect(member.client.errorCode(POST, { id })).resolves.toBe('NOT_FOUND');
    // Time passes (the schedule is just a time in the row).
    await api.dataSource.query(`UPDATE blog_posts SET published_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    await expect(member.client.data(POST, { id })).resolves.toMatchObject({ blogPost: { id } });
  });

  it('lets only managers write by default, and members once the managers allow it', async () => {
    await expect(member.client.errorCode(DRAFT, { input: { communityId, title: 'My take', body: 'x' } })).resolves.toBe('FORBIDDEN');
    await manager.client.data(`mutation ($input: BlogSettingsInput!) { updateBlogSettings(input: $input) { authors } }`, {
      input: { communityId, authors: 'MEMBERS' },
    });
    await expect(member.client.data(DRAFT, { input: { communityId, title: 'My take', body: 'x' } })).resolves.toMatchObject({
      createBlogPost: { state: 'DRAFT' },
    });
  });

  it('threads comments one level deep and counts them', async () => {
    const { createBlogPost } = await manager.client.data<{ createBlogPost: Id }>(DRAFT, { input: { communityId, title: 'Discuss me', body: 'Open for comments.' } });
    const postId = createBlogPost.id;
    const COMMENT = `mutation ($input: BlogCommentInput!) { commentOnBlogPost(input: $input) { id parentId author { id } } }`;
    await expect(member.client.errorCode(COMMENT, { input: { postId, body: 'Too early' } })).resolves.toBe('NOT_FOUND');
    await manager.client.data(PUBLISH, { input: { postId } });
    const { commentOnBlogPost: top } = await member.client.data<{ commentOnBlogPost: Id }>(COMMENT, { input: { postId, body: 'Great post' } });
    const { commentOnBlogPost: answer } = await manager.client.data<{ commentOnBlogPost: Id }>(COMMENT, { input: { postId, body: 'Thanks', parentId: top.id } });
    const { commentOnBlogPost: deeper } = await member.client.data<{ commentOnBlogPost: { parentId: string } }>(COMMENT, {
      input: { postId, body: 'Welcome', parentId: answer.id },
    });
    expect(deeper.parentId).toBe(top.id);
    const { blogPost } = await member.client.data<{ blogPost: { commentCount: number; comments: { edges: unknown[] } } }>(
      `query ($id: ID) { blogPost(id: $id) { commentCount comments(first: 20) { edges { node { id parentId bodyHtml } } } } }`,
      { id: postId },
    );
    expect(blogPost.commentCount).toBe(3);
    expect(blogPost.comments.edges).toHaveLength(3);

    // The manager removing a member's comment is a moderation action, in the community's audit log with the earlier settings change.
    await manager.client.data(`mutation ($id: ID!) { deleteBlogComment(commentId: $id) { id } }`, { id: top.id });
    const { auditLog } = await manager.client.data<{ auditLog: { edges: Array<{ node: { action: string; targetId: string; actor: Id } }> } }>(
      `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 50) { edges { node { action targetId actor { id } } } } }`,
      { filter: { communityId } },
    );
    const entries = auditLog.edges.map((e) => e.node);
    expect(entries).toContainEqual({ action: 'comment.remove', targetId: top.id, actor: { id: manager.account.id } });
    expect(entries).toContainEqual({ action: 'blog.settings', targetId: communityId, actor: { id: manager.account.id } });
  });

  it('publishes a rejected publication, edit and comment once their rejection is overturned on appeal, unless the post changed since', async () => {
    const SET_ROLE = `mutation ($input: SetMemberRoleInput!) { setCommunityMemberRole(input: $input) { role } }`;
    const ADOPT = `mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id } }`;
    const SAVE = `mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version } }`;
    const ACTIVATE_VERSION = `mutation ($policyId: ID!, $version: Int!) { activateModerationPolicyVersion(policyId: $policyId, version: $version) { activeVersion } }`;
    const APPEAL = `mutation ($input: AppealInput!) { appealModeration(input: $input) { id } }`;
    const DECIDE_APPEAL = `mutation ($input: DecideAppealInput!) { decideAppeal(input: $input) { status } }`;
    const COMMENT = `mutation ($input: BlogCommentInput!) { commentOnBlogPost(input: $input) { id } }`;
    const READ = `query ($id: ID) { blogPost(id: $id) { state body commentCount comments(first: 20) { edges { node { id bodyHtml } } } } }`;
    // The manager's community names its confidential project; the member moderates (appeals go to someone other than the author).
    await manager.client.data(SET_ROLE, { input: { communityId, accountId: member.account.id, role: 'MODERATOR' } });
    const policyId = (await manager.client.data<{ adoptModerationPolicy: Id }>(ADOPT, { id: communityId })).adoptModerationPolicy.id;
    await manager.client.data(SAVE, { input: { policyId, rules: [{ id: 'code-names', kind: 'BLOCKED_TERMS', action: 'REJECT', reason: 'Confidential project names stay out of blogs.', terms: ['Falcon'] }] } });
    await manager.client.data(ACTIVATE_VERSION, { policyId, version: 2 });

    const appealAndOverturn = async (decisionId: unknown) => {
      const appeal = (await manager.client.data<{ appealModeration: Id }>(APPEAL, { input: { targetKind: 'DECISION', targetId: decisionId, message: 'Falcon is the public launch name now.' } })).appealModeration;
      await expect(member.client.data(DECIDE_APPEAL, { input: { appealId: appeal.id, overturn: true, reason: 'Announced last week.' } })).resolves.toEqual({ decideAppeal: { status: 'OVERTURNED' } });
    };
    const rejectionOf = async (request: Promise<{ body: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> } }>) => {
      const error = (await request).body.errors?.[0];
      expect(error?.extensions?.['code']).toBe('POLICY_REJECTED');
      return error?.extensions?.['decisionId'];
    };

    // A publication.
    const postId = (await manager.client.data<{ createBlogPost: Id }>(DRAFT, { input: { communityId, title: 'Falcon takes off', body: 'Our launch, in pictures.' } })).createBlogPost.id;
    const published = await rejectionOf(manager.client.request(PUBLISH, { input: { postId } }));
    await expect(member.client.errorCode(READ, { id: postId })).resolves.toBe('NOT_FOUND');
    await appealAndOverturn(published);
    await expect(member.client.data(READ, { id: postId })).resolves.toMatchObject({ blogPost: { state: 'PUBLISHED', body: 'Our launch, in pictures.' } });

    // An edit of the published post.
    const edited = await rejectionOf(manager.client.request(UPDATE, { input: { postId, version: 2, body: 'Falcon, in pictures and numbers.' } }));
    await appealAndOverturn(edited);
    await expect(member.client.data(READ, { id: postId })).resolves.toMatchObject({ blogPost: { body: 'Falcon, in pictures and numbers.' } });

    // A comment.
    const commented = await rejectionOf(manager.client.request(COMMENT, { input: { postId, body: 'Falcon was a team effort.' } }));
    await appealAndOverturn(commented);
    const read = (await member.client.data<{ blogPost: { commentCount: number; comments: { edges: Array<{ node: { bodyHtml: string } }> } } }>(READ, { id: postId })).blogPost;
    expect(read.commentCount).toBe(1);
    expect(read.comments.edges.map((e) => e.node.bodyHtml)).toEqual(['<p>Falcon was a team effort.</p>\n']);

    // A rejected edit the author then replaced: overturning it does not bring back the older text.
    const stale = await rejectionOf(manager.client.request(UPDATE, { input: { postId, version: 3, body: 'Falcon: the sequel.' } }));
    await manager.client.data(UPDATE, { input: { postId, version: 3, title: 'The sequel', body: 'The sequel, in pictures.' } });
    await appealAndOverturn(stale);
    await expect(member.client.data(READ, { id: postId })).resolves.toMatchObject({ blogPost: { body: 'The sequel, in pictures.' } });
  });

  it('finds published posts in search, never drafts or posts of communities the searcher cannot read', async () => {
    await manager.client.data(DRAFT, { input: { communityId, title: 'Unreleased zeppelin plans', body: 'zeppelin draft' } });
    const { createBlogPost } = await manager.client.data<{ createBlogPost: Id }>(DRAFT, { input: { communityId, title: 'Zeppelin launch', body: 'The zeppelin flies.' } });
    await manager.client.data(PUBLISH, { input: { postId: createBlogPost.id } });
    const SEARCH = `{ search(query: "zeppelin", first: 20) { edges { node { kind id titleHtml postSlug } } } }`;
    const found = await member.client.data<{ search: { edges: Array<{ node: { kind: string; id: string; postSlug: string } }> } }>(SEARCH);
    expect(found.search.edges.map((e) => [e.node.kind, e.node.id, e.node.postSlug])).toEqual([['BLOG_POST', createBlogPost.id, 'zeppelin-launch']]);
    const hidden = await outsider.client.data<{ search: { edges: unknown[] } }>(SEARCH);
    expect(hidden.search.edges).toEqual([]);
  });

  it('lists a blog’s and the feed’s posts with a tag, normalised like tags, and links inline #tags to them', async () => {
    const TAGGED = `query ($communityId: ID!, $tag: String) {
      blogPosts(communityId: $communityId, tag: $tag, first: 50) { edges { node { id } } }
      feed(tag: $tag, first: 50) { edges { node { id } } }
    }`;
    const publish = async (title: string, body: string, tags: string[]) => {
      const { createBlogPost } = await manager.client.data<{ createBlogPost: Id }>(DRAFT, { input: { communityId, title, body, tags } });
      await manager.client.data(PUBLISH, { input: { postId: createBlogPost.id } });
      return createBlogPost.id;
    };
    const airships = await publish('Airship season', 'More on #Airships in the forum.', ['airships', 'events']);
    const events = await publish('Summer events', 'Nothing about flying.', ['events']);
    type Tagged = { blogPosts: { edges: Array<{ node: Id }> }; feed: { edges: Array<{ node: Id }> } };
    const ids = (page: { edges: Array<{ node: Id }> }) => page.edges.map((e) => e.node.id);

    const byTag = await member.client.data<Tagged>(TAGGED, { communityId, tag: '#Airships' });
    expect(ids(byTag.blogPosts)).toEqual([airships]);
    expect(ids(byTag.feed)).toEqual([airships]);
    const both = await member.client.data<Tagged>(TAGGED, { communityId, tag: 'events' });
    expect(ids(both.blogPosts)).toEqual([events, airships]);
    // Not a reader of the community: its posts are in no list, tagged or not.
    await expect(outsider.client.data<Pick<Tagged, 'feed'>>(`query ($tag: String) { feed(tag: $tag, first: 50) { edges { node { id } } } }`, { tag: 'airships' })).resolves.toEqual({ feed: { edges: [] } });

    const { blogPost } = await member.client.data<{ blogPost: { bodyHtml: string } }>(`query ($id: ID) { blogPost(id: $id) { bodyHtml } }`, { id: airships });
    expect(blogPost.bodyHtml).toContain('<a href="/communities/newsroom/blog?tag=airships" rel="nofollow noopener ugc">#Airships</a>');
  });
});
