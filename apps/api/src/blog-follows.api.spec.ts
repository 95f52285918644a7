import { PlatformRole } from '@commons/shared-contracts';
import { ScheduledPostAnnouncer } from '@commons/server-blogs';
import { CommunityActivity } from '@commons/server-communities';
import { OutboxRelay } from '@commons/server-realtime';
import { connectWs, TEST_ORIGIN } from '@commons/server-testing';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const FOLLOW = `mutation ($id: ID!, $follow: Boolean!) { followBlog(communityId: $id, follow: $follow) }`;
const SETTINGS = `query ($id: ID!) { blogSettings(communityId: $id) { viewerFollows } }`;
const DRAFT = `mutation ($input: CreateBlogPostInput!) { createBlogPost(input: $input) { id } }`;
const PUBLISH = `mutation ($input: PublishBlogPostInput!) { publishBlogPost(input: $input) { id scheduled } }`;
const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { kind summary target { id } } } } }`;
const ACTIVITY = `subscription ($communityId: ID!) { communityActivity(communityId: $communityId) { kind contentId } }`;

type Person = Awaited<ReturnType<TestApp['signedIn']>>;

describe('blog follows and scheduled posts', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const notificationsOf = async (person: Person) => {
    await api.app.get<OutboxRelay>(OutboxRelay).idle();
    const { notifications } = await person.client.data<{ notifications: { edges: Array<{ node: { kind: string; summary: string; target: { id: string } } }> } }>(NOTIFICATIONS);
    return notifications.edges.map((e) => e.node);
  };

  it('tells a blog’s followers of a post when it appears: at once when published, at its time when scheduled, once', async () => {
    const author = await api.signedIn(PlatformRole.Member, { displayName: 'Bea Blogger' });
    const follower = await api.signedIn(PlatformRole.Member, { displayName: 'Fritz Follower' });
    const bystander = await api.signedIn(PlatformRole.Member);
    const communityId = (await author.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Field Notes', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'BRAND_MANAGEMENT', useCases: ['BLOGS'] },
    })).createCommunity.id;
    await author.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [follower, bystander]) await person.client.data(JOIN, { id: communityId });

    await expect(follower.client.data(FOLLOW, { id: communityId, follow: true })).resolves.toEqual({ followBlog: true });
    await expect(follower.client.data(SETTINGS, { id: communityId })).resolves.toEqual({ blogSettings: { viewerFollows: true } });
    await expect(bystander.client.data(SETTINGS, { id: communityId })).resolves.toEqual({ blogSettings: { viewerFollows: false } });
    // A blog of a community that does not exist (or cannot be seen) cannot be followed.
    await expect(follower.client.errorCode(FOLLOW, { id: '00000000-0000-4000-8000-000000000000', follow: true })).resolves.toBe('NOT_FOUND');

    const ws = connectWs(api.url, { cookie: bystander.client.cookieHeader, origin: TEST_ORIGIN });
    const activity = ws.client.iterate<{ communityActivity: { kind: string; contentId: string } }>({ query: ACTIVITY, variables: { communityId } });
    // Subscribed on the server before anything is published (an iterator subscribes on its first pull).
    const listening = activity.next();
    const audience = api.app.get<CommunityActivity>(CommunityActivity);
    while (audience.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));

    const draft = async (title: string) => (await author.client.data<{ createBlogPost: { id: string } }>(DRAFT, { input: { communityId, title, body: `${title}, in full.` } })).createBlogPost.id;
    const now = await draft('Published at once');
    await author.client.data(PUBLISH, { input: { postId: now } });
    expect((await notificationsOf(follower)).filter((n) => n.target.id === now)).toEqual([expect.objectContaining({ kind: 'FOLLOWED_BLOG_POST' })]);
    expect(await notificationsOf(bystander)).toEqual([]);
    expect((await listening).value).toMatchObject({ data: { communityActivity: { kind: 'BLOG_POST_ADDED', contentId: now } } });

    const later = await draft('Scheduled for tomorrow');
    await expect(author.client.data(PUBLISH, { input: { postId: later, publishAt: new Date(Date.now() + 86_400_000).toISOString() } })).resolves.toMatchObject({ publishBlogPost: { scheduled: true } });
    const announcer = api.app.get<ScheduledPostAnnouncer>(ScheduledPostAnnouncer);
    await expect(announcer.announceDue()).resolves.toBe(0);
    expect((await notificationsOf(follower)).filter((n) => n.target.id === later)).toEqual([]);

    // Its time comes.
    await api.dataSource.query(`UPDATE blog_posts SET published_at = now() - interval '1 second' WHERE id = $1`, [later]);
    await expect(announcer.announceDue()).resolves.toBe(1);
    await expect(announcer.announceDue()).resolves.toBe(0);
    expect((await notificationsOf(follower)).filter((n) => n.target.id === later)).toEqual([expect.objectContaining({ kind: 'FOLLOWED_BLOG_POST' })]);
    expect((await activity.next()).value).toMatchObject({ data: { communityActivity: { kind: 'BLOG_POST_ADDED', contentId: later } } });

    // Unfollowed: the next post tells the former follower nothing.
    await follower.client.data(FOLLOW, { id: communityId, follow: false });
    const quiet = await draft('After unfollowing');
    await author.client.data(PUBLISH, { input: { postId: quiet } });
    expect((await notificationsOf(follower)).filter((n) => n.target.id === quiet)).toEqual([]);

    await activity.return?.();
    await ws.dispose();
  });
});
