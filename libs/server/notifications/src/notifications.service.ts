import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthorizationService, Clock, DomainEvents, NotFoundError, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService, CommunityAction } from '@commons/server-communities';
import { decodeCursor, encodeCursor, type ConnectionShape, type KeysetPosition } from '@commons/server-graphql';
import type { NotificationPreferencesType, NotificationType } from './dto/notification.types';
import type { NotificationPreferencesInput, NotificationsArgs } from './dto/notification.inputs';
import { NotificationPreferencesEntity } from './entities/notification-preferences.entity';
import { EmailDigest, NOTIFICATION_CHANGED } from './notification-kinds';
import { NotificationRepository } from './notification.repository';
import { NotificationViews } from './notification-views';

/** How many of a person's newest unread notifications the top bar's count checks one by one against what they are about. */
const UNREAD_CHECKED = 200;

const DEFAULT_PREFERENCES: NotificationPreferencesType = {
  replies: true,
  mentions: true,
  reactions: true,
  followed: true,
  communities: true,
  emailDigest: EmailDigest.NONE,
};

/** A person's own notifications: the list, the unread count, marking read, and their preferences. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationRepository,
    private readonly views: NotificationViews,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * The viewer's notifications, newest change first. Those about something the viewer can no
   * longer see are left out of the page, so a page may hold fewer than `first`; the cursor still
   * moves past them.
   */
  async page(viewer: Viewer, args: NotificationsArgs): Promise<ConnectionShape<NotificationType>> {
    const after = positionOf(args.after);
    const rows = await this.repository.page(viewer.accountId, args.first, after, args.unreadOnly);
    const page = rows.slice(0, args.first);
    const shown = await this.views.present(viewer, page);
    const edges = page.flatMap((n) => {
      const node = shown.get(n.id);
      return node ? [{ cursor: encodeCursor([n.updatedAt.getTime(), n.id]), node }] : [];
    });
    const last = page.at(-1);
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: last ? encodeCursor([last.updatedAt.getTime(), last.id]) : null,
      },
    };
  }

  /** One of the viewer's notifications as they may see it now, or null. */
  async one(viewer: Viewer, id: string): Promise<NotificationType | null> {
    const rows = await this.repository.mine(viewer.accountId, [id]);
    return (await this.views.present(viewer, rows)).get(id) ?? null;
  }

  /**
   * Unread notifications the viewer may still see, for the top bar: the same judgement as the
   * list's (`NotificationViews`), so a notification about a reply since deleted or held, or in
   * a community the viewer left, is not counted and the count matches what the page shows.
   * Four statements. Beyond `UNREAD_CHECKED` unread, the rest are counted by their community
   * alone (two statements more), to bound the work for someone who never reads them.
   */
  async unreadCount(viewer: Viewer): Promise<number> {
    const newest = await this.repository.page(viewer.accountId, UNREAD_CHECKED, undefined, true);
    const checked = newest.slice(0, UNREAD_CHECKED);
    const seen = (await this.views.present(viewer, checked)).size;
    const last = checked.at(-1);
    if (newest.length <= UNREAD_CHECKED || !last) return seen;
    return seen + (await this.unreadByCommunity(viewer, { updatedAt: last.updatedAt, id: last.id }));
  }

  /** Unread notifications older than `olderThan` in communities whose content the viewer can read (personal ones always). Two statements. */
  private async unreadByCommunity(viewer: Viewer, olderThan: { updatedAt: Date; id: string }): Promise<number> {
    const rows = await this.repository.unreadOlder(viewer.accountId, olderThan);
    const communityIds = [...new Set(rows.filter((r) => !r.personal && r.community_id).map((r) => r.community_id as string))];
    const access = communityIds.length > 0 ? await this.communities.factsMany(viewer, communityIds) : new Map();
    let count = 0;
    for (const row of rows) {
      const facts = row.community_id ? access.get(row.community_id) : undefined;
      if (row.personal || (facts && this.authorization.can(viewer, CommunityAction.ReadContent, { access: facts }))) count += row.count;
    }
    return count;
  }

  /** Marks the viewer's notifications read; NOT_FOUND when one of them is not theirs. Returns the new unread count. */
  async markRead(viewer: Viewer, ids: readonly string[]): Promise<number> {
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    await this.dataSource.transaction(async (manager) => {
      const mine = await this.repository.mine(viewer.accountId, wanted, manager);
      // Someone else's notification is as unknown as a missing one.
      if (mine.length !== wanted.length) throw new NotFoundError('The notification');
      if ((await this.repository.markRead(manager, viewer.accountId, wanted, this.clock.now())) > 0) await this.changed(manager, viewer);
    });
    return this.unreadCount(viewer);
  }

  async markAllRead(viewer: Viewer): Promise<number> {
    await this.dataSource.transaction(async (manager) => {
      if ((await this.repository.markRead(manager, viewer.accountId, null, this.clock.now())) > 0) await this.changed(manager, viewer);
    });
    return this.unreadCount(viewer);
  }

  async preferences(viewer: Viewer): Promise<NotificationPreferencesType> {
    const row = await this.dataSource.getRepository(NotificationPreferencesEntity).findOne({ where: { accountId: viewer.accountId } });
    return row ? preferencesOf(row) : { ...DEFAULT_PREFERENCES };
  }

  async updatePreferences(viewer: Viewer, input: NotificationPreferencesInput): Promise<NotificationPreferencesType> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const row =
        (await manager.findOne(NotificationPreferencesEntity, { where: { accountId: viewer.accountId }, lock: { mode: 'pessimistic_write' } })) ??
        manager.create(NotificationPreferencesEntity, { accountId: viewer.accountId, ...DEFAULT_PREFERENCES, lastDigestAt: null });
      const digestBefore = row.emailDigest;
      for (const key of ['replies', 'mentions', 'reactions', 'followed', 'communities'] as const) {
        const value = input[key];
        if (value !== undefined && value !== null) row[key] = value;
      }
      if (input.emailDigest) row.emailDigest = input.emailDigest;
      // A digest reports what came after the choice: the first one comes a full period later.
      if (digestBefore === EmailDigest.NONE && row.emailDigest !== EmailDigest.NONE) row.lastDigestAt = now;
      row.updatedAt = now;
      await manager.save(row);
      return preferencesOf(row);
    });
  }

  /** Tells the viewer's open subscriptions (every tab) that their notifications changed. */
  private changed(manager: EntityManager, viewer: Viewer): Promise<void> {
    return this.events.record(manager, { type: NOTIFICATION_CHANGED, communityId: null, subjectId: viewer.accountId, payload: {} });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** A cursor this list made: a time in milliseconds and a notification id; anything else is BAD_USER_INPUT on `after`. */
function positionOf(cursor: string | null | undefined): KeysetPosition | undefined {
  const position = decodeCursor(cursor);
  if (position && (typeof position[0] !== 'number' || !Number.isSafeInteger(position[0]) || !UUID.test(position[1]))) {
    throw ValidationError.field('after', 'The cursor is not valid; start again from the first page.');
  }
  return position;
}

function preferencesOf(row: NotificationPreferencesEntity): NotificationPreferencesType {
  return { replies: row.replies, mentions: row.mentions, reactions: row.reactions, followed: row.followed, communities: row.communities, emailDigest: row.emailDigest };
}
