import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';
import { ReplyType } from './forum.types';

// Keys as the schema spells the values (GraphQL enums take the keys).
export enum ThreadActivityKind {
  REPLY_ADDED = 'REPLY_ADDED',
  REPLY_CHANGED = 'REPLY_CHANGED',
  THREAD_CHANGED = 'THREAD_CHANGED',
  REFETCH = 'REFETCH',
}

registerEnumType(ThreadActivityKind, {
  name: 'ThreadActivityKind',
  description: 'REPLY_ADDED: a reply you may read appeared (posted, or approved). REPLY_CHANGED: a reply changed state. THREAD_CHANGED: the thread changed; fetch it again. REFETCH: events after `since` are no longer kept; fetch the thread again.',
});

@ObjectType('ThreadActivity', { description: 'Something that happened in a thread, delivered only when you may see it.' })
@ReadableWithParent()
export class ThreadActivityType {
  @Field(() => Float, { description: 'Increasing per thread: an event with a sequence you already saw is a repeat.' })
  seq: number;

  @Field(() => ThreadActivityKind)
  kind: ThreadActivityKind;

  @Field(() => ID)
  threadId: string;

  @Field(() => ReplyType, { nullable: true, description: 'The reply, as you may see it, for REPLY_ADDED and REPLY_CHANGED.' })
  reply: ReplyType | null;
}
