import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Authorize, ConnectionType, graphqlEnum, ModerationStateEnum, ReadableWithParent } from '@commons/server-graphql';
import { REACTION_KINDS, THREAD_KINDS, type ModerationState, type ReactionKind, type ThreadKind } from '@commons/shared-contracts';
import type { CommunityAccess } from '@commons/server-communities';
import { ForumAction } from '../forum-access';

export const ThreadKindEnum = graphqlEnum(THREAD_KINDS);
registerEnumType(ThreadKindEnum, { name: 'ThreadKind', description: 'QUESTION threads can have an accepted answer.' });
export const ReactionKindEnum = graphqlEnum(REACTION_KINDS);
registerEnumType(ReactionKindEnum, { name: 'ReactionKind' });

/** An author as a post shows them (a person the reader can see through the post). */
@ObjectType('PostAuthor')
@ReadableWithParent()
export class PostAuthorType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  initials: string;

  @Field(() => String, { nullable: true })
  title: string | null;
}

@ObjectType('ReactionCount')
@ReadableWithParent()
export class ReactionCountType {
  @Field(() => ReactionKindEnum)
  kind: ReactionKind;

  @Field(() => Int)
  count: number;

  @Field({ description: 'Whether the viewer reacted with this kind.' })
  mine: boolean;
}

@ObjectType('ForumCategory')
@Authorize(ForumAction.Read)
export class ForumCategoryType {
  access: CommunityAccess;

  @Field(() => ID)
  id: string;

  @Field(() => ID)
  communityId: string;

  @Field()
  name: string;

  @Field()
  slug: string;

  @Field()
  description: string;

  @Field(() => Int)
  position: number;

  @Field({ description: 'Whether the viewer follows this category.' })
  viewerFollows: boolean;
}

@ObjectType('ThreadPermissions')
@ReadableWithParent()
export class ThreadPermissionsType {
  @Field() reply: boolean;
  @Field() edit: boolean;
  @Field() delete: boolean;
  @Field() accept: boolean;
  @Field() moderate: boolean;
}

@ObjectType('Thread', { description: 'A forum thread: a discussion or a question.' })
@Authorize(ForumAction.Read)
export class ThreadType {
  access: CommunityAccess;
  authorId: string;

  @Field(() => ID)
  id: string;

  @Field(() => ID)
  communityId: string;

  @Field(() => ID)
  categoryId: string;

  @Field(() => ThreadKindEnum)
  kind: ThreadKind;

  @Field()
  title: string;

  @Field({ description: 'Markdown source; empty once deleted.' })
  body: string;

  @Field({ description: 'Sanitized HTML; the only HTML a client renders.' })
  bodyHtml: string;

  @Field(() => [String])
  tags: string[];

  @Field(() => PostAuthorType, { nullable: true, description: 'Null once the author deleted the thread.' })
  author: PostAuthorType | null;

  @Field()
  locked: boolean;

  @Field()
  pinned: boolean;

  @Field(() => ID, { nullable: true, description: 'Closed as a duplicate of this thread.' })
  duplicateOfId: string | null;

  @Field(() => Int)
  replyCount: number;

  @Field(() => Int, { description: 'Unique viewers per day; updated every few seconds.' })
  viewCount: number;

  @Field(() => Date, { nullable: true, description: 'The first reply by someone other than the author.' })
  firstResponseAt: Date | null;

  @Field(() => ID, { nullable: true })
  acceptedReplyId: string | null;

  @Field(() => Date, { nullable: true, description: 'When the question was first resolved.' })
  resolvedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  lastActivityAt: Date;

  @Field(() => Date, { nullable: true, description: 'Shown to all as "edited".' })
  editedAt: Date | null;

  @Field({ description: 'Removed by its author: shown as a tombstone.' })
  deleted: boolean;

  @Field(() => Int, { description: 'Send it back with an edit; a stale one is a CONFLICT.' })
  version: number;

  @Field(() => ModerationStateEnum, { description: 'Anything but VISIBLE is shown only to its author ("awaiting review") and the moderators.' })
  moderationState: ModerationState;

  @Field(() => [ReactionCountType])
  reactions: ReactionCountType[];
}

@ObjectType('ReplyQuote')
@ReadableWithParent()
export class ReplyQuoteType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  authorName: string | null;

  @Field({ description: 'The start of the quoted reply, as plain Markdown; empty when it was deleted.' })
  excerpt: string;
}

@ObjectType('Reply')
@Authorize(ForumAction.Read)
export class ReplyType {
  access: CommunityAccess;
  authorId: string;

  @Field(() => ID)
  id: string;

  @Field(() => ID)
  threadId: string;

  @Field(() => PostAuthorType, { nullable: true })
  author: PostAuthorType | null;

  @Field({ description: 'Markdown source; empty once deleted.' })
  body: string;

  @Field()
  bodyHtml: string;

  @Field(() => ReplyQuoteType, { nullable: true, description: 'The reply this one answers, quoted.' })
  replyTo: ReplyQuoteType | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field()
  deleted: boolean;

  @Field(() => Int)
  version: number;

  @Field(() => ModerationStateEnum, { description: 'Anything but VISIBLE is shown only to its author ("awaiting review") and the moderators.' })
  moderationState: ModerationState;

  @Field(() => [ReactionCountType])
  reactions: ReactionCountType[];
}

@ObjectType('PostRevision', { description: 'What a post said before an edit. Moderators only.' })
@ReadableWithParent()
export class PostRevisionType {
  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field()
  body: string;

  @Field()
  createdAt: Date;
}

export const ThreadConnection = ConnectionType(ThreadType, 'Thread');
export const ReplyConnection = ConnectionType(ReplyType, 'Reply');

@ObjectType('TagCount', { description: "A tag and how many of a community's threads carry it." })
@ReadableWithParent()
export class TagCountType {
  @Field()
  tag: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('PostPermissions')
@ReadableWithParent()
export class PostPermissionsType {
  @Field() edit: boolean;
  @Field() delete: boolean;
}
