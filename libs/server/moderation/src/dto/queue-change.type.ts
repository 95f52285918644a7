import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';
import type { QueueStatus } from '@commons/shared-contracts';
import { QueueStatusEnum } from './moderation-enums';

// Keys as the schema spells the values (GraphQL enums take the keys).
export enum QueueChange {
  ENTERED = 'ENTERED',
  LEFT = 'LEFT',
  ESCALATED = 'ESCALATED',
}

registerEnumType(QueueChange, {
  name: 'ModerationQueueChangeKind',
  description: 'ENTERED: a post is waiting for review. LEFT: it was decided (see status). ESCALATED: it went to the platform admins.',
});

@ObjectType('ModerationQueueChange', { description: 'A change of a community’s review queue, for its moderators: fetch the item for its details.' })
@ReadableWithParent()
export class QueueChangeType {
  @Field(() => Float, { description: 'Increasing: a change with a sequence you already saw is a repeat.' })
  seq: number;

  @Field(() => QueueChange)
  change: QueueChange;

  @Field(() => ID)
  communityId: string;

  @Field(() => ID)
  itemId: string;

  @Field(() => ID, { nullable: true, description: 'The post under review.' })
  contentId: string | null;

  @Field(() => QueueStatusEnum, { nullable: true, description: 'How it left the queue (LEFT only).' })
  status: QueueStatus | null;
}
