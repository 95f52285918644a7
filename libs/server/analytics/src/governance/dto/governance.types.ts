import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID } from 'class-validator';
import { ReadableWithParent } from '@commons/server-graphql';

@ObjectType('ModerationRuleCount', { description: 'How many posts one moderation rule held or rejected in a range of days.' })
@ReadableWithParent()
export class ModerationRuleCountType {
  @Field(() => String, { nullable: true, description: 'The rule’s id in its policy; null for decisions no single rule made.' }) ruleId: string | null;
  @Field(() => String, { nullable: true, description: 'The rule’s reason as its policy states it now; null when no policy names it any more.' }) label: string | null;
  @Field({ description: 'HOLD or REJECT.' }) action: string;
  @Field(() => Int) count: number;
}

/** Dates are YYYY-MM-DD in the organisation's time zone, both ends included. */
@InputType()
export class ModerationByRuleInput {
  @Field(() => ID, { nullable: true, description: 'One community (its managers and the steering committee); none for the organisation (the steering committee).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field() @IsString() from: string;
  @Field() @IsString() to: string;
}
