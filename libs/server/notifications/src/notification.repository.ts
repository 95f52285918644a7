import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeysetPosition } from '@commons/server-graphql';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationTargetKind, PERSONAL_TARGETS } from './notification-kinds';

/** What a notification is about, as stored now; who may see it is decided by the domains' rules (see NotificationViews). */
export interface TargetRow {
  target_kind: NotificationTargetKind;
  id: string;
  community_id: string | null;
  community_slug: string | null;
  community_name: string | null;
  thread_id: string | null;
  post_id: string | null;
  post_slug: string | null;
  title: string | null;
  /** Who sees it whatever its moderation state (its authors). */
  author_ids: string[];
  /** Visible to every reader of the community: not held, hidden or rejected, and published. */
  visible: boolean;
  deleted: boolean;
  /** A notice, invitation or request of the reader themselves. */
  mine: boolean;
  message: string | null;
  status: string | null;
  /** A guideline's key, for its address. */
  target_key: string | null;
}

/** Unread notifications of one person, counted per community and whether they are personal. */
export interface UnreadRow {
  community_id: string | null;
  personal: boolean;
  count: number;
}

/** Notification queries: the only place with SQL about notifications when they are read. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page of a person's notifications, newest change first: `first + 1` rows after `after`. */
  page(recipientId: string, first: number, after: KeysetPosition | undefined, unreadOnly: boolean): Promise<NotificationEntity[]> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient_id = :recipientId', { recipientId });
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    if (after) query.andWhere('(n.updated_at, n.id) < (:at, :afterId)', { at: new Date(Number(after[0])), afterId: after[1] });
    return query.orderBy('n.updated_at', 'DESC').addOrderBy('n.id', 'DESC').limit(first + 1).getMany();
  }

  /** A person's notifications among `ids` (others' and unknown ids are missing). */
  mine(recipientId: string, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<NotificationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(NotificationEntity).createQueryBuilder('n').where('n.recipient_id = :recipientId AND n.id = ANY(:ids)', { recipientId, ids }).getMany();
  }

  /** Unread counts by community of those changed before `olderThan` (newest change first), in one statement over the unread index. */
  unreadOlder(recipientId: string, olderThan: { updatedAt: Date; id: string }): Promise<UnreadRow[]> {
    return this.dataSource.query(
      `SELECT community_id, target_kind = ANY($2::notification_target_kind[]) AS personal, count(*)::int AS count
         FROM notifications WHERE recipient_id = $1 AND read_at IS NULL AND (updated_at, id) < ($3, $4::uuid) GROUP BY 1, 2`,
      [recipientId, PERSONAL_TARGETS, olderThan.updatedAt, olderThan.id],
    );
  }

  /** Marks the person's notifications read (all of them without `ids`); returns how many were unread. */
  async markRead(manager: EntityManager, recipientId: string, ids: readonly string[] | null, at: Date): Promise<number> {
    const [, affected] = (await manager.query(
      `UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($3::uuid[])' : ''}`,
      ids ? [recipientId, at, ids] : [recipientId, at],
    )) as [unknown, number];
    return affected;
  }

  /** Unread notifications changed within (`from`, `until`], newest first: what a digest reports. */
  unreadBetween(manager: EntityManager, recipientId: string, from: Date | null, until: Date, limit: number): Promise<NotificationEntity[]> {
    const query = manager
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient_id = :recipientId AND n.read_at IS NULL AND n.updated_at <= :until', { recipientId, until });
    if (from) query.andWhere('n.updated_at > :from', { from });
    return query.orderBy('n.updated_at', 'DESC').addOrderBy('n.id', 'DESC').limit(limit).getMany();
  }

  async names(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.dataSource.query('SELECT id, display_name FROM accounts WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  /** Everything the notifications point at, for one reader, in one statement. */
  async targets(readerId: string, refs: ReadonlyArray<{ kind: NotificationTargetKind; id: string }>): Promise<Map<string, TargetRow>> {
    if (refs.length === 0) return new Map();
    const idsOf = (kind: NotificationTargetKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    const T = NotificationTargetKind;
    const rows: TargetRow[] = await this.dataSource.query(
      `SELECT x.*, c.slug AS community_slug, c.name AS community_name FROM (
         SELECT '${T.THREAD}' AS target_kind, t.id, t.community_id, t.id AS thread_id, NULL::uuid AS post_id, NULL::text AS post_slug, t.title,
                ARRAY[t.author_id] AS author_ids, t.moderation_state = 'VISIBLE' AS visible, t.deleted_at IS NOT NULL AS deleted,
                false AS mine, NULL::text AS message, NULL::text AS status, NULL::text AS target_key
           FROM forum_threads t WHERE t.id = ANY($1::uuid[])
         UNION ALL
         SELECT '${T.REPLY}', r.id, r.community_id, r.thread_id, NULL, NULL, t.title, ARRAY[r.author_id],
                r.moderation_state = 'VISIBLE' AND t.moderation_state = 'VISIBLE', r.deleted_at IS NOT NULL OR t.deleted_at IS NOT NULL, false, NULL, NULL, NULL
           FROM forum_replies r JOIN forum_threads t ON t.id = r.thread_id WHERE r.id = ANY($2::uuid[])
         UNION ALL
         SELECT '${T.BLOG_POST}', p.id, p.community_id, NULL, p.id, p.slug, p.title, ARRAY[p.author_id] || p.co_author_ids,
                p.moderation_state = 'VISIBLE' AND p.state = 'PUBLISHED' AND p.published_at <= now(), false, false, NULL, NULL, NULL
           FROM blog_posts p WHERE p.id = ANY($3::uuid[])
         UNION ALL
         SELECT '${T.BLOG_COMMENT}', bc.id, bc.community_id, NULL, p.id, p.slug, p.title, ARRAY[bc.author_id],
                bc.moderation_state = 'VISIBLE' AND p.moderation_state = 'VISIBLE' AND p.state = 'PUBLISHED' AND p.published_at <= now(),
                bc.deleted_at IS NOT NULL, false, NULL, NULL, NULL
           FROM blog_comments bc JOIN blog_posts p ON p.id = bc.post_id WHERE bc.id = ANY($4::uuid[])
         UNION ALL
         SELECT '${T.MODERATION_NOTICE}', n.id, n.community_id, NULL, NULL, NULL, NULL, '{}', true, false, n.account_id = $8, n.message, n.kind, NULL
           FROM moderation_notices n WHERE n.id = ANY($5::uuid[])
         UNION ALL
         SELECT '${T.COMMUNITY_INVITATION}', i.id, i.community_id, NULL, NULL, NULL, NULL, '{}', true, false,
                i.account_id = $8 OR (i.account_id IS NULL AND i.email = (SELECT email FROM accounts WHERE id = $8)), NULL, i.status::text, NULL
           FROM community_invitations i WHERE i.id = ANY($6::uuid[])
         UNION ALL
         SELECT '${T.JOIN_REQUEST}', r.id, r.community_id, NULL, NULL, NULL, NULL, '{}', true, false, r.account_id = $8, NULL, r.status::text, NULL
           FROM community_join_requests r WHERE r.id = ANY($7::uuid[])
         UNION ALL
         -- What the Center of Excellence asked of the reader: theirs, whatever the community (none for platform-wide ones).
         SELECT '${T.ARTICLE}', ka.id, NULL, NULL, NULL, NULL, coalesce(nullif(ka.title, ''), ka.draft_title), '{}', true, false, true, NULL, ka.state::text, NULL
           FROM knowledge_articles ka WHERE ka.id = ANY($9::uuid[])
         UNION ALL
         SELECT '${T.GUIDELINE}', g.id, NULL, NULL, NULL, NULL, g.title, '{}', true, false, true, NULL, NULL, g.key
           FROM guidelines g WHERE g.id = ANY($10::uuid[])
         UNION ALL
         SELECT '${T.COURSE}', tc.id, NULL, NULL, NULL, NULL, tc.title, '{}', true, false, true, NULL, tc.state::text, NULL
           FROM training_courses tc WHERE tc.id = ANY($11::uuid[])
       ) x LEFT JOIN communities c ON c.id = x.community_id`,
      [
        idsOf(T.THREAD),
        idsOf(T.REPLY),
        idsOf(T.BLOG_POST),
        idsOf(T.BLOG_COMMENT),
        idsOf(T.MODERATION_NOTICE),
        idsOf(T.COMMUNITY_INVITATION),
        idsOf(T.JOIN_REQUEST),
        readerId,
        idsOf(T.ARTICLE),
        idsOf(T.GUIDELINE),
        idsOf(T.COURSE),
      ],
    );
    return new Map(rows.map((r) => [`${r.target_kind}:${r.id}`, r]));
  }
}
