import type { EntityManager } from 'typeorm';
import { uuidv7, type DomainEvents } from '@commons/server-core';
import { QueueStatus, type ContentKind, type QueueSource } from '@commons/shared-contracts';

/**
 * Puts a post in the review queue, unless it is already pending there (one pending item per
 * post), and records that it entered (moderators' queues update live from that event).
 */
export async function enqueue(
  manager: EntityManager,
  events: DomainEvents,
  item: { communityId: string; contentKind: ContentKind; contentId: string; authorId: string; source: QueueSource; decisionId: string | null },
  now: Date,
): Promise<void> {
  const id = uuidv7(now.getTime());
  const entered: unknown[] = await manager.query(
    `INSERT INTO moderation_queue_items (id, community_id, content_kind, content_id, author_id, source, decision_id, status, escalated, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '${QueueStatus.Pending}', false, $8) ON CONFLICT DO NOTHING RETURNING id`,
    [id, item.communityId, item.contentKind, item.contentId, item.authorId, item.source, item.decisionId, now],
  );
  if (entered.length === 0) return;
  await events.record(manager, {
    type: 'moderation.queue.entered',
    communityId: item.communityId,
    subjectId: item.contentId,
    payload: { itemId: id, contentKind: item.contentKind, source: item.source, authorId: item.authorId },
  });
}
