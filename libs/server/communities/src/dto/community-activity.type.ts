import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';

// Keys as the schema spells the values (GraphQL enums take the keys).
export enum CommunityActivityKind {
  THREAD_ADDED = 'THREAD_ADDED',
  BLOG_POST_ADDED = 'BLOG_POST_ADDED',
}

registerEnumType(CommunityActivityKind, {
  name: 'CommunityActivityKind',
  description: 'THREAD_ADDED: a forum thread appeared (posted, or approved). BLOG_POST_ADDED: a blog post was published.',
});

@ObjectType('CommunityActivity', { description: 'Something new in a community you may read, for its list pages ("3 new threads — show").' })
@ReadableWithParent()
export class CommunityActivityType {
  @Field(() => Float, { description: 'Increasing: an activity with a sequence you already saw is a repeat.' })
  seq: number;

  @Field(() => CommunityActivityKind)
  kind: CommunityActivityKind;

  @Field(() => ID)
  communityId: string;

  @Field(() => ID, { description: 'The new thread or blog post.' })
  contentId: string;

  @Field(() => ID, { nullable: true, description: 'The forum category of a new thread.' })
  categoryId: string | null;
}
