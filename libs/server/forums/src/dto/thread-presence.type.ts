import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';
import { PostAuthorType } from './forum.types';

@ObjectType('ThreadPresence', {
  description: 'Who is in a thread now: how many read it, and who is writing a reply. Reading is private: readers are counted, never named.',
})
@ReadableWithParent()
export class ThreadPresenceType {
  @Field(() => ID)
  threadId: string;

  @Field(() => Int, { description: 'People reading the thread now, you included. Someone with several tabs open counts once on each server instance serving them, so usually once.' })
  readers: number;

  @Field(() => [PostAuthorType], { description: 'People writing a reply now, you included when you are: leave yourself out when you show it.' })
  typing: PostAuthorType[];
}
