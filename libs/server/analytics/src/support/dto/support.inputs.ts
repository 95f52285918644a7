import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { ConnectionArgs } from '@commons/server-graphql';
import { MAX_SLA_MINUTES, MIN_SLA_MINUTES } from '../support-sla.service';

@InputType()
export class SetSupportSlaInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => Int, { description: `Minutes within which every question should get a first answer: ${MIN_SLA_MINUTES} to ${MAX_SLA_MINUTES} (7 days).` })
  @IsInt()
  @Min(MIN_SLA_MINUTES, { message: `At least ${MIN_SLA_MINUTES} minutes.` })
  @Max(MAX_SLA_MINUTES, { message: `At most ${MAX_SLA_MINUTES} minutes (7 days).` })
  firstResponseMinutes: number;
}

@ArgsType()
export class UnansweredQuestionsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;
}
