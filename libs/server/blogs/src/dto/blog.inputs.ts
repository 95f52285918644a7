import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { ConnectionArgs, PostBody, PostTags, PostTitle, trim } from '@commons/server-graphql';
import { BlogAuthors, COMMENT_MAX_LENGTH, EXCERPT_MAX_LENGTH } from '@commons/shared-contracts';
import { BlogAuthorsEnum } from './blog.types';

const cover = IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'Use an https:// address for the cover image.' });

@InputType()
export class CreateBlogPostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field()
  @PostTitle()
  title: string;

  @Field(() => String, { defaultValue: '', description: 'Markdown; a draft may start empty.' })
  @PostBody({ mayBeEmpty: true })
  body = '';

  @Field(() => String, { defaultValue: '' })
  @Transform(trim)
  @MaxLength(EXCERPT_MAX_LENGTH)
  excerpt = '';

  @Field(() => String, { nullable: true })
  @IsOptional()
  @cover
  coverImageUrl?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @PostTags()
  tags: string[] = [];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  coAuthorIds: string[] = [];
}

@InputType()
export class UpdateBlogPostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid post id.' })
  postId: string;

  @Field(() => Int, { description: 'The version the edit started from (autosaves send it too).' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @PostTitle()
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @PostBody({ mayBeEmpty: true })
  body?: string;

  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(EXCERPT_MAX_LENGTH)
  excerpt?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @cover
  coverImageUrl?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @PostTags()
  tags?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, message: 'Not a valid account id.' })
  coAuthorIds?: string[];
}

@InputType()
export class PublishBlogPostInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid post id.' })
  postId: string;

  @Field(() => Date, { nullable: true, description: 'Schedule for later; now when left out.' })
  @IsOptional()
  @IsDate({ message: 'Enter a date and time.' })
  publishAt?: Date | null;
}

@InputType()
export class BlogCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid post id.' })
  postId: string;

  @Field()
  @IsString()
  @Length(1, COMMENT_MAX_LENGTH, { message: `Write 1 to ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters.` })
  body: string;

  @Field(() => ID, { nullable: true, description: 'A top-level comment to answer.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid comment id.' })
  parentId?: string | null;
}

@InputType()
export class BlogSettingsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => BlogAuthorsEnum)
  @IsEnum(BlogAuthors)
  authors: BlogAuthors;
}

@ArgsType()
export class BlogFeedArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only posts with this tag (normalised like a tag: "#Data" looks for "data").' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string | null;
}

@ArgsType()
export class BlogPostsArgs extends BlogFeedArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;
}

@ArgsType()
export class BlogPostLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid post id.' })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: 'With slug: the community the post belongs to.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  slug?: string | null;
}
