import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, Max, ValidateNested } from 'class-validator';
import { ConnectionArgs, trim } from '@commons/server-graphql';
import { ARTICLE_KINDS, type ArticleKind } from '../article-states';
import { ArticleKindEnum } from './article.types';

const BODY_MAX = 100_000;

@InputType()
export class CreateKnowledgeCollectionInput {
  @Field(() => ID, { nullable: true, description: 'The community; none for a platform-wide collection.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The collection it sits in; none at the top.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid collection id.' })
  parentId?: string | null;

  @Field()
  @Transform(trim)
  @Length(1, 120, { message: 'Give the collection a title of 1 to 120 characters.' })
  title: string;

  @Field(() => String, { defaultValue: '' })
  @Transform(trim)
  @MaxLength(2000)
  description = '';

  @Field(() => Int, { nullable: true, description: 'Order among its siblings; after the last one when left out.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number | null;
}

@InputType()
export class UpdateKnowledgeCollectionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid collection id.' })
  collectionId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @Length(1, 120, { message: 'Give the collection a title of 1 to 120 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(2000)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number | null;
}

@ArgsType()
export class KnowledgeCollectionsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'A community; platform-wide collections when left out.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Children of this collection; top-level collections when left out.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid collection id.' })
  parentId?: string | null;
}

@InputType()
export class KnowledgeArticleFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only platform-wide articles.' })
  @IsOptional()
  @IsBoolean()
  platformOnly?: boolean | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid collection id.' })
  collectionId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string | null;
}

@ArgsType()
export class KnowledgeArticlesArgs extends ConnectionArgs {
  @Field(() => KnowledgeArticleFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => KnowledgeArticleFilter)
  filter?: KnowledgeArticleFilter | null;
}

@InputType()
export class CreateKnowledgeArticleInput {
  @Field(() => ID, { nullable: true, description: 'The community; none for a platform-wide article.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid collection id.' })
  collectionId?: string | null;

  @Field(() => ArticleKindEnum)
  @IsEnum(ARTICLE_KINDS)
  kind: ArticleKind;

  @Field()
  @Transform(trim)
  @Length(1, 200, { message: 'Give the article a title of 1 to 200 characters.' })
  title: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(BODY_MAX)
  body = '';

  @Field(() => [String], { defaultValue: [] })
  @IsString({ each: true })
  tags: string[] = [];

  @Field(() => [ID], { defaultValue: [], description: 'Owners besides you.' })
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  @ArrayMaxSize(20)
  ownerIds: string[] = [];

  @Field(() => [ID], { defaultValue: [], description: 'Reviewers; an article with reviewers is published only after one approves.' })
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  @ArrayMaxSize(20)
  reviewerIds: string[] = [];

  @Field(() => Boolean, { defaultValue: false, description: 'Platform-wide articles only: also for customers and partners.' })
  @IsBoolean()
  sharedExternally = false;

  @Field(() => Int, { nullable: true, description: 'Days between reviews (default 180).' })
  @IsOptional()
  @IsInt()
  @Min(7)
  @Max(3650)
  reviewPeriodDays?: number | null;
}

@InputType()
export class UpdateKnowledgeArticleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid article id.' })
  articleId: string;

  @Field(() => Int, { description: 'The revision of the working copy you edited; a newer one is a CONFLICT.' })
  @IsInt()
  revision: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @Length(1, 200, { message: 'Give the article a title of 1 to 200 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(BODY_MAX)
  body?: string | null;

  @Field(() => ArticleKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ARTICLE_KINDS)
  kind?: ArticleKind | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Moves it to this collection of its scope.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid collection id.' })
  collectionId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Who owns it (publishers only).' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  @ArrayMaxSize(20)
  ownerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Who reviews it (publishers only).' })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  @ArrayMaxSize(20)
  reviewerIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Platform-wide articles: also for customers and partners (publishers only).' })
  @IsOptional()
  @IsBoolean()
  sharedExternally?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(7)
  @Max(3650)
  reviewPeriodDays?: number | null;
}

@InputType()
export class KnowledgeArticleRevisionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid article id.' })
  articleId: string;

  @Field(() => Int, { description: 'The revision of the working copy you looked at.' })
  @IsInt()
  revision: number;
}

@InputType()
export class ReviewKnowledgeArticleInput extends KnowledgeArticleRevisionInput {
  @Field()
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Required when sending back: what to change.' })
  @IsOptional()
  @Transform(trim)
  @MaxLength(4000)
  comment?: string | null;
}

@InputType()
export class PublishKnowledgeArticleInput extends KnowledgeArticleRevisionInput {
  @Field({ description: 'What changed in this version.' })
  @Transform(trim)
  @Length(1, 500, { message: 'Say in 1 to 500 characters what changed.' })
  changeNote: string;
}

@InputType()
export class KnowledgeArticleFeedbackInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid article id.' })
  articleId: string;

  @Field()
  @IsBoolean()
  helpful: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @MaxLength(2000)
  comment?: string | null;
}
