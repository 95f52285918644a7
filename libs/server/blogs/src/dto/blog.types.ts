import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Authorize, ConnectionType, graphqlEnum, ModerationStateEnum, ReadableWithParent } from '@commons/server-graphql';
import { BLOG_AUTHORS, BLOG_POST_STATES, type BlogAuthors, type BlogPostState, type ModerationState } from '@commons/shared-contracts';
import type { CommunityAccess } from '@commons/server-communities';
import { PostAuthorType, ReactionCountType } from '@commons/server-forums';
import { BlogAction } from '../blog-access';

export const BlogPostStateEnum = graphqlEnum(BLOG_POST_STATES);
registerEnumType(BlogPostStateEnum, { name: 'BlogPostState', description: 'DRAFT (its authors only) → PUBLISHED (now or at publishedAt) → UNPUBLISHED.' });
export const BlogAuthorsEnum = graphqlEnum(BLOG_AUTHORS);
registerEnumType(BlogAuthorsEnum, { name: 'BlogAuthors', description: 'Who writes in a community blog.' });

@ObjectType('BlogSettings')
@Authorize(BlogAction.Read)
export class BlogSettingsType {
  access: CommunityAccess;

  @Field(() => ID)
  communityId: string;

  @Field(() => BlogAuthorsEnum)
  authors: BlogAuthors;

  @Field({ description: 'Whether the viewer may start posts here.' })
  viewerCanWrite: boolean;

  @Field({ description: 'Whether the viewer follows this blog (and hears of its new posts).' })
  viewerFollows: boolean;
}

@ObjectType('BlogPostPermissions')
@ReadableWithParent()
export class BlogPostPermissionsType {
  @Field() edit: boolean;
  @Field() comment: boolean;
  @Field() moderate: boolean;
}

@ObjectType('BlogPost')
@Authorize(BlogAction.Read)
export class BlogPostType {
  access: CommunityAccess;
  authors: BlogAuthors;
  authorIds: string[];

  @Field(() => ID)
  id: string;

  @Field(() => ID)
  communityId: string;

  @Field()
  communityName: string;

  @Field()
  communitySlug: string;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field({ description: 'Markdown source.' })
  body: string;

  @Field({ description: 'Sanitized HTML.' })
  bodyHtml: string;

  @Field()
  excerpt: string;

  @Field(() => String, { nullable: true })
  coverImageUrl: string | null;

  @Field(() => [String])
  tags: string[];

  @Field(() => BlogPostStateEnum)
  state: BlogPostState;

  @Field(() => Date, { nullable: true, description: 'When it appears; in the future while scheduled.' })
  publishedAt: Date | null;

  @Field({ description: 'Published with a time still to come.' })
  scheduled: boolean;

  @Field(() => PostAuthorType)
  author: PostAuthorType;

  @Field(() => [ID])
  coAuthorIds: string[];

  @Field(() => Int)
  commentCount: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: 'Send it back with an edit; a stale one is a CONFLICT.' })
  version: number;

  @Field(() => ModerationStateEnum, { description: 'Anything but VISIBLE is shown only to its authors ("awaiting review") and the moderators.' })
  moderationState: ModerationState;

  @Field(() => [ReactionCountType])
  reactions: ReactionCountType[];
}

@ObjectType('BlogComment')
@ReadableWithParent()
export class BlogCommentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The top-level comment this one answers.' })
  parentId: string | null;

  @Field(() => PostAuthorType, { nullable: true })
  author: PostAuthorType | null;

  @Field()
  bodyHtml: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field()
  deleted: boolean;

  @Field(() => ModerationStateEnum, { description: 'Anything but VISIBLE is shown only to its authors ("awaiting review") and the moderators.' })
  moderationState: ModerationState;

  @Field(() => [ReactionCountType])
  reactions: ReactionCountType[];
}

export const BlogPostConnection = ConnectionType(BlogPostType, 'BlogPost');
export const BlogCommentConnection = ConnectionType(BlogCommentType, 'BlogComment');
