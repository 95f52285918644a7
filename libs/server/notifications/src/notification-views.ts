import { Injectable } from '@nestjs/common';
import { AuthorizationService, type Viewer } from '@commons/server-core';
import { BlogAction } from '@commons/server-blogs';
import { CommunityAccessService, CommunityAction, type CommunityAccess } from '@commons/server-communities';
import { ForumAction } from '@commons/server-forums';
import { BlogAuthors } from '@commons/shared-contracts';
import type { NotificationTargetType, NotificationType } from './dto/notification.types';
import type { NotificationEntity } from './entities/notification.entity';
import { NotificationTargetKind } from './notification-kinds';
import { NotificationRepository, type TargetRow } from './notification.repository';
import { summaryOf } from './notification-text';

const T = NotificationTargetKind;
/** Targets whose page is inside their community. */
const COMMUNITY_PAGES = new Set<NotificationTargetKind>([T.THREAD, T.REPLY, T.BLOG_POST, T.BLOG_COMMENT, T.COMMUNITY_INVITATION, T.JOIN_REQUEST]);

/**
 * Notifications as one reader may see them now. What they are about is read when they are shown
 * and judged by the domains' own rules (the forum's and the blog's read and moderate actions,
 * the community's manage action): a notification about something the reader can no longer see
 * (they left the private community, the post was removed or is held) is left out, so its title
 * and the people in it do not leak. Three statements for a page, whatever its size.
 */
@Injectable()
export class NotificationViews {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
  ) {}

  /** By notification id; the ones the reader may not see are missing. */
  async present(reader: Viewer, rows: readonly NotificationEntity[]): Promise<Map<string, NotificationType>> {
    const shown = new Map<string, NotificationType>();
    if (rows.length === 0) return shown;
    const targets = await this.repository.targets(reader.accountId, rows.map((n) => ({ kind: n.targetKind, id: n.targetId })));
    const communityIds = [...new Set([...targets.values()].map((t) => t.community_id).filter((id): id is string => id !== null))];
    const [access, names] = await Promise.all([
      communityIds.length > 0 ? this.communities.factsMany(reader, communityIds) : Promise.resolve(new Map<string, CommunityAccess>()),
      this.repository.names([...new Set(rows.flatMap((n) => n.actorIds))]),
    ]);
    for (const n of rows) {
      const target = targets.get(`${n.targetKind}:${n.targetId}`);
      if (!target || !this.shows(reader, target, target.community_id ? access.get(target.community_id) : undefined)) continue;
      const actors = n.actorIds.map((id) => ({ id, displayName: names.get(id) ?? 'Someone' }));
      const view = targetView(target);
      shown.set(n.id, {
        id: n.id,
        kind: n.kind,
        read: n.readAt !== null,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
        actors,
        actorCount: n.actorCount,
        summary: summaryOf({
          kind: n.kind,
          actorNames: actors.map((a) => a.displayName),
          actorCount: n.actorCount,
          target: { kind: view.kind, title: view.title, communityName: view.community?.name ?? null, message: view.message },
        }),
        target: view,
      });
    }
    return shown;
  }

  /** Whether the reader may see the notification's target now. */
  private shows(reader: Viewer, target: TargetRow, access: CommunityAccess | undefined): boolean {
    const can = (action: string, resource: object) => this.authorization.can(reader, action, resource);
    switch (target.target_kind) {
      case T.MODERATION_NOTICE:
      case T.COMMUNITY_INVITATION:
      case T.ARTICLE:
      case T.GUIDELINE:
      case T.COURSE:
        return target.mine;
      case T.JOIN_REQUEST:
        return target.mine || (access !== undefined && can(CommunityAction.Manage, { access }));
      case T.THREAD:
      case T.REPLY:
        return this.seesContent(reader, target, access, ForumAction.Read, ForumAction.Moderate, access && { access });
      case T.BLOG_POST:
      case T.BLOG_COMMENT:
        return this.seesContent(reader, target, access, BlogAction.Read, BlogAction.Moderate, access && { access, authors: BlogAuthors.Managers });
    }
  }

  /** Readers of the community see visible content; its authors and the moderators see it while it is held or hidden too. */
  private seesContent(reader: Viewer, target: TargetRow, access: CommunityAccess | undefined, read: string, moderate: string, resource: object | undefined): boolean {
    if (target.deleted || !access || !resource) return false;
    if (!this.authorization.can(reader, read, resource)) return false;
    return target.visible || target.author_ids.includes(reader.accountId) || this.authorization.can(reader, moderate, resource);
  }
}

/** The target as the client links to it. */
function targetView(t: TargetRow): NotificationTargetType {
  const community = t.community_id && t.community_slug && t.community_name ? { id: t.community_id, slug: t.community_slug, name: t.community_name } : null;
  const base = community ? `/communities/${encodeURIComponent(community.slug)}` : '';
  const post = t.post_slug ? `${base}/blog/${encodeURIComponent(t.post_slug)}` : base;
  const paths: Record<NotificationTargetKind, string> = {
    [T.THREAD]: `${base}/forum/threads/${t.thread_id}`,
    [T.REPLY]: `${base}/forum/threads/${t.thread_id}#reply-${t.id}`,
    [T.BLOG_POST]: post,
    [T.BLOG_COMMENT]: post,
    [T.MODERATION_NOTICE]: '/notices',
    [T.COMMUNITY_INVITATION]: base,
    [T.JOIN_REQUEST]: t.mine ? base : `${base}/manage`,
    [T.ARTICLE]: `/knowledge/articles/${t.id}`,
    [T.GUIDELINE]: `/knowledge/guidelines/${encodeURIComponent(t.target_key ?? '')}`,
    [T.COURSE]: `/knowledge/courses/${t.id}`,
  };
  return {
    kind: t.target_kind,
    id: t.id,
    // Without its community (gone since), the list of notifications is the only place to go; the
    // Center of Excellence's own pages and the notices page need none.
    path: community || !COMMUNITY_PAGES.has(t.target_kind) ? paths[t.target_kind] : '/notifications',
    title: t.title,
    community,
    communitySlug: community?.slug ?? null,
    communityName: community?.name ?? null,
    threadId: t.thread_id,
    replyId: t.target_kind === T.REPLY ? t.id : null,
    blogPostId: t.post_id,
    blogPostSlug: t.post_slug,
    commentId: t.target_kind === T.BLOG_COMMENT ? t.id : null,
    message: t.message,
    status: t.status,
  };
}
