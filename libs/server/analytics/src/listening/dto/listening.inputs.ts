import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IDEA_CONVENTION } from '../idea-funnel';
import { TERM_LIST_KINDS, type TermListKind } from '../post-analyzer';
import { TERM_LIST_LIMITS } from '../term-lists.service';
import { TermListKindEnum } from './listening.types';

@InputType({ description: 'A term list: new without an id, else replaces the list with that id.' })
export class SaveListeningTermListInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid term list id.' })
  id?: string | null;

  @Field({ description: 'A short stable name: 2 to 40 lower-case letters, digits and hyphens ("acme-products").' })
  @IsString()
  @MaxLength(40)
  key: string;

  @Field() @IsString() @MaxLength(TERM_LIST_LIMITS.nameLength) name: string;

  @Field(() => TermListKindEnum)
  @IsIn(TERM_LIST_KINDS)
  kind: TermListKind;

  @Field(() => [String], { description: `Brand, product or company names; whole words or phrases, matched ignoring case and accents. At most ${TERM_LIST_LIMITS.terms}.` })
  @ArrayMaxSize(TERM_LIST_LIMITS.terms, { message: `A list has at most ${TERM_LIST_LIMITS.terms} terms.` })
  @IsString({ each: true })
  @MaxLength(TERM_LIST_LIMITS.termLength, { each: true, message: `A term has at most ${TERM_LIST_LIMITS.termLength} characters.` })
  terms: string[];
}

@InputType()
export class TrendingTopicsInput {
  @Field(() => ID, { nullable: true, description: 'One community; none for the whole organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => String, { nullable: true, description: 'The last day of the week looked at (YYYY-MM-DD, organisation time zone); today when absent.' })
  @IsOptional()
  @IsString()
  asOf?: string | null;

  @Field(() => Int, { defaultValue: 10, description: 'At most this many topics (1 to 50).' })
  @IsInt()
  @Min(1, { message: 'Ask for 1 to 50 topics.' })
  @Max(50, { message: 'Ask for 1 to 50 topics.' })
  limit: number;
}

@InputType({ description: IDEA_CONVENTION })
export class IdeaFunnelInput {
  @Field(() => ID, { nullable: true, description: 'One community; none for the whole organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field({ description: 'Ideas posted from this day (YYYY-MM-DD, organisation time zone)…' }) @IsString() from: string;
  @Field({ description: '…to this day, included.' }) @IsString() to: string;
}
