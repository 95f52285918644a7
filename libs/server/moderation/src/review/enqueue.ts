import type { EntityManager } from 'typeorm';
import { uuidv7 } from '@commons/server-core';
import { QueueStatus, type ContentKind, type QueueSource } from '@commons/shared-contracts';
import { ModerationQueueItemEntity } from '../entities/moderation-queue-item.entity';

/** Puts a post in the review queue, unless it is already pending there (one pending item per post). */
export async function enqueue(
  manager: EntityManager,
  item: { communityId: string; contentKind: ContentKind; contentId: string; authorId: string; source: QueueSource; decisionId: string | null },
  now: Date,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(ModerationQueueItemEntity)
    .values({ id: uuidv7(now.getTime()), ...item, status: QueueStatus.Pending, escalated: false, decidedById: null, decidedAt: null, decisionReason: null, createdAt: now })
    .orIgnore()
    .execute();
}
