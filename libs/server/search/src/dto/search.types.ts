import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { Authorize, ConnectionArgs, ConnectionType, graphqlEnum, trim } from '@commons/server-graphql';
import { PlatformAction } from '@commons/server-core';
import { PostAuthorType } from '@commons/server-forums';

export const SearchKind = { Thread: 'THREAD', Reply: 'REPLY', BlogPost: 'BLOG_POST', Article: 'ARTICLE' } as const;
export type SearchKind = (typeof SearchKind)[keyof typeof SearchKind];
export const SearchKindEnum = graphqlEnum(Object.values(SearchKind));
registerEnumType(SearchKindEnum, { name: 'SearchKind', description: 'What a search hit is.' });

@ObjectType('SearchHit', { description: 'A piece of content the viewer may read that matches the query.' })
@Authorize(PlatformAction.SignedIn)
export class SearchHitType {
  @Field(() => SearchKindEnum)
  kind: SearchKind;

  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The thread to open (the hit itself, or the thread of a reply); null for blog posts and articles.' })
  threadId: string | null;

  @Field(() => String, { nullable: true, description: 'The blog post slug, for blog posts.' })
  postSlug: string | null;

  @Field(() => ID, { nullable: true, description: 'Null for platform-wide knowledge articles.' })
  communityId: string | null;

  @Field(() => String, { nullable: true })
  communityName: string | null;

  @Field(() => String, { nullable: true })
  communitySlug: string | null;

  @Field({ description: 'The thread or post title as HTML: escaped, with matches in <mark>.' })
  titleHtml: string;

  @Field({ description: 'Matching passages as HTML: escaped, with matches in <mark>.' })
  snippetHtml: string;

  @Field(() => PostAuthorType)
  author: PostAuthorType;

  @Field()
  createdAt: Date;
}

export const SearchHitConnection = ConnectionType(SearchHitType, 'SearchHit');

@InputType()
export class SearchFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => SearchKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(SearchKind)
  kind?: SearchKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid account id.' })
  authorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Questions with (true) or without (false) an accepted answer.' })
  @IsOptional()
  @IsBoolean()
  answered?: boolean | null;
}

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field({ description: 'Words, "quoted phrases", OR, and -excluded words.' })
  @Transform(trim)
  @Length(1, 200, { message: 'Enter 1 to 200 characters to search for.' })
  query: string;

  @Field(() => SearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SearchFilter)
  filter?: SearchFilter | null;
}
