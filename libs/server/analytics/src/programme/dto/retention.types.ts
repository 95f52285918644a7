import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';

@ObjectType('RetentionWeek')
@ReadableWithParent()
export class RetentionWeekType {
  @Field(() => Int, { description: '0 = the 7 days from the join day.' }) week: number;
  @Field(() => Float, { nullable: true, description: 'Share of the people who have reached this week who were active in it; null before anyone reached it, or when suppressed.' })
  share: number | null;
}

@ObjectType('RetentionCohort', { description: 'The people who joined in one month, and how many of them were active in each week after joining.' })
@ReadableWithParent()
export class RetentionCohortType {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int, { nullable: true, description: 'How many joined; null when suppressed.' }) people: number | null;
  @Field() suppressed: boolean;
  @Field(() => [RetentionWeekType]) weeks: RetentionWeekType[];
}

@ObjectType('RetentionCohorts')
@ReadableWithParent()
export class RetentionCohortsType {
  @Field({ description: 'The community, or the organisation.' }) label: string;
  @Field({ description: 'Who counts as joining and as active, in plain words.' }) definition: string;
  @Field() from: string;
  @Field() to: string;
  @Field(() => [RetentionCohortType], { description: 'By month of joining.' }) cohorts: RetentionCohortType[];
}
