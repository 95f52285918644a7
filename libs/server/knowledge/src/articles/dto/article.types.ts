import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, graphqlEnum, ReadableWithParent } from '@commons/server-graphql';
import { PostAuthorType } from '@commons/server-forums';
import { ARTICLE_KINDS, ARTICLE_STATES, type ArticleKind, type ArticleState } from '../article-states';

export const ArticleKindEnum = graphqlEnum(ARTICLE_KINDS);
registerEnumType(ArticleKindEnum, { name: 'KnowledgeArticleKind', description: 'What sort of knowledge an article holds.' });
export const ArticleStateEnum = graphqlEnum(ARTICLE_STATES);
registerEnumType(ArticleStateEnum, { name: 'KnowledgeArticleState', description: "Where the article's working copy is: DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED." });
export const DiffOpEnum = graphqlEnum(['ADDED', 'REMOVED', 'UNCHANGED'] as const);
registerEnumType(DiffOpEnum, { name: 'DiffOp', description: 'How a line changed between two versions.' });

@ObjectType('KnowledgeCollection', { description: 'A folder of the knowledge base, platform-wide or in a community.' })
@ReadableWithParent()
export class KnowledgeCollectionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null for platform-wide collections.' })
  communityId: string | null;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => Int)
  position: number;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field({ description: 'Whether you may add articles and collections here.' })
  viewerCanManage: boolean;
}

export const KnowledgeCollectionConnection = ConnectionType(KnowledgeCollectionType, 'KnowledgeCollection');

@ObjectType('KnowledgeArticleDraft', { description: 'The working copy of the next version, for its owners, reviewers and publishers.' })
@ReadableWithParent()
export class KnowledgeArticleDraftType {
  @Field()
  title: string;

  @Field({ description: 'Markdown as written.' })
  body: string;

  @Field({ description: 'Sanitized HTML, for the preview.' })
  bodyHtml: string;

  @Field(() => Int, { description: 'Send it back with an edit, a submission, a review or a publication.' })
  revision: number;

  @Field({ description: 'A reviewer approved this very revision.' })
  approved: boolean;

  @Field(() => String, { nullable: true, description: "The reviewer's note when they sent it back." })
  reviewComment: string | null;
}

@ObjectType('KnowledgeArticleVersion', { description: 'A published version: a snapshot that never changes.' })
@ReadableWithParent()
export class KnowledgeArticleVersionType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  number: number;

  @Field(() => PostAuthorType, { nullable: true })
  author: PostAuthorType | null;

  @Field()
  changeNote: string;

  @Field()
  title: string;

  @Field()
  bodyHtml: string;

  @Field()
  createdAt: Date;
}

export const KnowledgeArticleVersionConnection = ConnectionType(KnowledgeArticleVersionType, 'KnowledgeArticleVersion');

@ObjectType('DiffLine', { description: 'One line of a line-based diff.' })
@ReadableWithParent()
export class DiffLineType {
  @Field(() => DiffOpEnum)
  op: 'ADDED' | 'REMOVED' | 'UNCHANGED';

  @Field()
  text: string;

  @Field(() => Int, { nullable: true })
  oldNumber: number | null;

  @Field(() => Int, { nullable: true })
  newNumber: number | null;
}

@ObjectType('KnowledgeArticleDiff', { description: 'What changed between two versions: the title, and the Markdown line by line.' })
@ReadableWithParent()
export class KnowledgeArticleDiffType {
  @Field(() => Int)
  from: number;

  @Field(() => Int)
  to: number;

  @Field(() => [DiffLineType])
  title: DiffLineType[];

  @Field(() => [DiffLineType])
  lines: DiffLineType[];
}

@ObjectType('KnowledgeSourceThread', { description: 'The forum thread an article was promoted from.' })
@ReadableWithParent()
export class KnowledgeSourceThreadType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => ID)
  communityId: string;

  @Field()
  communitySlug: string;
}

@ObjectType('KnowledgeArticleFeedback', { description: 'Whether someone found an article helpful.' })
@ReadableWithParent()
export class KnowledgeArticleFeedbackType {
  @Field()
  helpful: boolean;

  @Field(() => String, { nullable: true })
  commentHtml: string | null;

  @Field({ description: 'False while the comment is held for moderation.' })
  visible: boolean;
}

@ObjectType('KnowledgeArticleComment', { description: "A reader's feedback comment, for the article's owners." })
@ReadableWithParent()
export class KnowledgeArticleCommentType {
  @Field(() => ID)
  id: string;

  @Field()
  helpful: boolean;

  @Field()
  commentHtml: string;

  @Field(() => PostAuthorType, { nullable: true })
  author: PostAuthorType | null;

  @Field()
  createdAt: Date;
}

export const KnowledgeArticleCommentConnection = ConnectionType(KnowledgeArticleCommentType, 'KnowledgeArticleComment');

@ObjectType('KnowledgeArticlePermissions')
@ReadableWithParent()
export class KnowledgeArticlePermissionsType {
  @Field()
  edit: boolean;

  @Field()
  review: boolean;

  @Field()
  publish: boolean;

  @Field()
  feedback: boolean;
}

@ObjectType('KnowledgeArticle', { description: 'A how-to, playbook, best practice or FAQ, with its versions.' })
@ReadableWithParent()
export class KnowledgeArticleType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null for platform-wide articles.' })
  communityId: string | null;

  @Field(() => ID, { nullable: true })
  collectionId: string | null;

  @Field(() => ArticleKindEnum)
  kind: ArticleKind;

  @Field(() => ArticleStateEnum)
  state: ArticleState;

  @Field({ description: 'The published title (the draft title before the first version).' })
  title: string;

  @Field({ description: 'The published version as sanitized HTML (empty before the first version).' })
  bodyHtml: string;

  @Field(() => [String])
  tags: string[];

  @Field({ description: 'Platform-wide: also for customers and partners.' })
  sharedExternally: boolean;

  @Field(() => Int, { description: 'The current version number (0 before the first).' })
  publishedVersion: number;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastReviewedAt: Date | null;

  @Field(() => Int)
  reviewPeriodDays: number;

  @Field(() => Date, { nullable: true })
  reviewDueAt: Date | null;

  @Field({ description: 'Its review is due: the content may be stale.' })
  reviewDue: boolean;

  @Field(() => Int)
  helpfulCount: number;

  @Field(() => Int)
  notHelpfulCount: number;

  @Field(() => Int, { description: 'Readers, once per person and day.' })
  viewCount: number;

  @Field()
  updatedAt: Date;

  @Field(() => KnowledgeArticleDraftType, { nullable: true, description: 'The working copy; null unless you own, review or publish it.' })
  draft: KnowledgeArticleDraftType | null;

  @Field(() => KnowledgeArticlePermissionsType)
  viewerCan: KnowledgeArticlePermissionsType;

  // Resolved fields (owners, reviewers, versions, diff, source thread, feedback) are in the resolver.
  ownerIds: string[];
  reviewerIds: string[];
  sourceThreadId: string | null;
}

export const KnowledgeArticleConnection = ConnectionType(KnowledgeArticleType, 'KnowledgeArticle');
