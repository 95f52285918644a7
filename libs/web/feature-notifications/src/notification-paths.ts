import type { NotificationFieldsFragment } from '@commons/web-data-access';

type Target = NotificationFieldsFragment['target'];

/** The app's pages a notification may open (see the router and the feature libraries' routes). */
const APP_PAGES: readonly RegExp[] = [
  /^\/communities\/[^/?#]+\/forum\/threads\/[^/?#]+(#reply-[^/?#]+)?$/u,
  /^\/communities\/[^/?#]+\/blog\/[^/?#]+$/u,
  /^\/communities\/[^/?#]+(\/manage)?$/u,
  /^\/notices$/u,
  /^\/knowledge\/(articles|guidelines|courses)\/[^/?#]+$/u,
];

export const isAppPage = (path: string): boolean => APP_PAGES.some((page) => page.test(path));

const community = (slug: string) => `/communities/${encodeURIComponent(slug)}`;

/** Where the app shows the target, built from its parts: for a path the app does not know. */
function builtPath(target: Target): string | null {
  const slug = target.communitySlug;
  switch (target.kind) {
    case 'THREAD':
    case 'REPLY':
      if (!slug || !target.threadId) return null;
      return `${community(slug)}/forum/threads/${encodeURIComponent(target.threadId)}${target.replyId ? `#reply-${encodeURIComponent(target.replyId)}` : ''}`;
    case 'BLOG_POST':
    case 'BLOG_COMMENT':
      return slug && target.blogPostSlug ? `${community(slug)}/blog/${encodeURIComponent(target.blogPostSlug)}` : null;
    case 'MODERATION_NOTICE':
      return '/notices';
    case 'COMMUNITY_INVITATION':
    case 'JOIN_REQUEST':
      return slug ? community(slug) : null;
    case 'ARTICLE':
      return `/knowledge/articles/${encodeURIComponent(target.id)}`;
    case 'COURSE':
      return `/knowledge/courses/${encodeURIComponent(target.id)}`;
    case 'GUIDELINE':
      // Guidelines are addressed by key, which only the server's path carries.
      return null;
  }
}

/**
 * The page a notification opens: the path the server gives when the app has that page, else
 * one built from the target's parts; null when the target cannot be shown (it is gone, or no
 * longer readable), and the notification only says what happened.
 */
export function notificationHref(target: Target): string | null {
  if (isAppPage(target.path)) return target.path;
  const built = builtPath(target);
  return built && isAppPage(built) ? built : null;
}
