import type { NotificationFieldsFragment } from '@commons/web-data-access';
import { isAppPage, notificationHref } from './notification-paths';

type Target = NotificationFieldsFragment['target'];

const target = (changes: Partial<Target>): Target => ({
  kind: 'THREAD',
  id: 't1',
  path: '/',
  title: 'On-call rota',
  threadId: null,
  replyId: null,
  blogPostId: null,
  blogPostSlug: null,
  commentId: null,
  message: null,
  status: null,
  communitySlug: 'engineering-guild',
  ...changes,
});

describe('notificationHref', () => {
  it('opens the Center of Excellence’s pages: an article, a guideline by key, a course', () => {
    expect(notificationHref(target({ kind: 'ARTICLE', id: 'a1', communitySlug: null, path: '/knowledge/articles/a1' }))).toBe('/knowledge/articles/a1');
    expect(notificationHref(target({ kind: 'GUIDELINE', id: 'g1', communitySlug: null, path: '/knowledge/guidelines/social-media' }))).toBe('/knowledge/guidelines/social-media');
    expect(notificationHref(target({ kind: 'COURSE', id: 'c1', communitySlug: null, path: '/elsewhere' }))).toBe('/knowledge/courses/c1');
  });

  it('opens the server’s path when the app has that page', () => {
    const reply = target({ kind: 'REPLY', id: 'r1', threadId: 't1', replyId: 'r1', path: '/communities/engineering-guild/forum/threads/t1#reply-r1' });
    expect(notificationHref(reply)).toBe('/communities/engineering-guild/forum/threads/t1#reply-r1');
    expect(notificationHref(target({ kind: 'BLOG_POST', blogPostSlug: 'spring-train', path: '/communities/engineering-guild/blog/spring-train' }))).toBe(
      '/communities/engineering-guild/blog/spring-train',
    );
    expect(notificationHref(target({ kind: 'MODERATION_NOTICE', communitySlug: null, path: '/notices' }))).toBe('/notices');
    expect(notificationHref(target({ kind: 'JOIN_REQUEST', path: '/communities/engineering-guild/manage' }))).toBe('/communities/engineering-guild/manage');
    expect(notificationHref(target({ kind: 'COMMUNITY_INVITATION', path: '/communities/engineering-guild' }))).toBe('/communities/engineering-guild');
  });

  it('builds the page from the target’s parts when the path is not one of the app’s', () => {
    expect(notificationHref(target({ kind: 'REPLY', threadId: 't1', replyId: 'r1', path: '/threads/t1' }))).toBe('/communities/engineering-guild/forum/threads/t1#reply-r1');
    expect(notificationHref(target({ kind: 'BLOG_COMMENT', blogPostSlug: 'spring-train', commentId: 'm1', path: '/blog/spring-train#comment-m1' }))).toBe(
      '/communities/engineering-guild/blog/spring-train',
    );
  });

  it('opens nothing for a target that can no longer be shown', () => {
    expect(notificationHref(target({ kind: 'THREAD', threadId: 't1', communitySlug: null, path: '/forum/threads/t1' }))).toBeNull();
    expect(notificationHref(target({ kind: 'COMMUNITY_INVITATION', communitySlug: null, path: '/' }))).toBeNull();
  });
});

describe('isAppPage', () => {
  it('knows the pages notifications open, and nothing else', () => {
    expect(isAppPage('/communities/guild/forum/threads/t1')).toBe(true);
    expect(isAppPage('/communities/guild/forum/threads/t1#reply-r1')).toBe(true);
    expect(isAppPage('/communities/guild/settings')).toBe(false);
    expect(isAppPage('/forum/threads/t1')).toBe(false);
    expect(isAppPage('https://elsewhere.example/notices')).toBe(false);
  });
});
