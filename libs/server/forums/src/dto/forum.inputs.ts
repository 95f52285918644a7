import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { ConnectionArgs, PostBody, PostTags, PostTitle, trim } from '@commons/server-graphql';
import { ReactionKind, ThreadKind } from '@commons/shared-contracts';
import { ReactionKindEnum, ThreadKindEnum } from './forum.types';

@InputType()
export class CreateThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ID, { nullable: true, description: 'The category; the community\u2019s "General" category when left out.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid category id.' })
  categoryId?: string | null;

  @Field(() => ThreadKindEnum, { defaultValue: ThreadKind.Discussion })
  @IsEnum(ThreadKind)
  kind: ThreadKind = ThreadKind.Discussion;

  @Field()
  @PostTitle()
  title: string;

  @Field({ description: 'Markdown.' })
  @PostBody()
  body: string;

  @Field(() => [String], { defaultValue: [] })
  @PostTags()
  tags: string[] = [];
}

@InputType()
export class EditThreadInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid thread id.' })
  threadId: string;

  @Field(() => Int, { description: 'The version the edit started from.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @PostTitle()
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @PostBody()
  body?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @PostTags()
  tags?: string[];
}

@InputType()
export class ReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid thread id.' })
  threadId: string;

  @Field({ description: 'Markdown.' })
  @PostBody()
  body: string;

  @Field(() => ID, { nullable: true, description: 'The reply this one answers (quoted).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid reply id.' })
  replyToId?: string | null;
}

@InputType()
export class EditReplyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid reply id.' })
  replyId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field()
  @PostBody()
  body: string;
}

@InputType()
export class AcceptAnswerInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid thread id.' })
  threadId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid reply id.' })
  replyId: string;
}

@InputType()
export class ReactInput {
  @Field(() => ID, { description: 'A thread or reply.' })
  @IsUUID('all', { message: 'Not a valid id.' })
  targetId: string;

  @Field(() => ReactionKindEnum)
  @IsEnum(ReactionKind)
  kind: ReactionKind;

  @Field({ description: 'True adds the reaction, false takes it back.' })
  @IsBoolean()
  on: boolean;
}

@InputType()
export class ForumCategoryInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field()
  @Transform(trim)
  @Length(2, 60, { message: 'Enter a name of 2 to 60 characters.' })
  name: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(500)
  description?: string | null;
}

@InputType()
export class ThreadFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid category id.' })
  categoryId?: string | null;

  @Field(() => ThreadKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ThreadKind)
  kind?: ThreadKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Threads nobody else has replied to yet.' })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Questions without an accepted answer.' })
  @IsOptional()
  @IsBoolean()
  unresolved?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string | null;
}

@ArgsType()
export class ThreadsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ThreadFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ThreadFilter)
  filter?: ThreadFilter | null;
}

/** The most a tag suggestion list holds. */
export const COMMUNITY_TAGS_MAX = 50;

@ArgsType()
export class CommunityTagsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => String, { nullable: true, description: 'Only tags starting with this (normalised like a tag: "#Data" looks for "data").' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  prefix?: string | null;

  @Field(() => Int, { defaultValue: 10, description: `How many, 1 to ${COMMUNITY_TAGS_MAX}.` })
  @IsInt()
  @Min(1, { message: `Ask for 1 to ${COMMUNITY_TAGS_MAX} tags.` })
  @Max(COMMUNITY_TAGS_MAX, { message: `Ask for 1 to ${COMMUNITY_TAGS_MAX} tags.` })
  first = 10;
}

export { ConnectionArgs };
