import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';

@ObjectType('ComparedGroup')
@ReadableWithParent()
export class ComparedGroupType {
  @Field() label: string;
  @Field({ description: 'Who is in it, in plain words.' }) definition: string;
  @Field(() => Int, { nullable: true, description: 'How many people; null when suppressed.' }) people: number | null;
  @Field({ description: 'Fewer people than the minimum group size: its values are hidden.' }) suppressed: boolean;
}

@ObjectType('ComparedMeasure', { description: 'One per-person measure for both groups, and the difference.' })
@ReadableWithParent()
export class ComparedMeasureType {
  @Field() key: string;
  @Field() name: string;
  @Field() description: string;
  @Field({ description: 'AVERAGE (per person) or RATIO (a share between 0 and 1).' }) unit: string;
  @Field(() => Float, { nullable: true }) group: number | null;
  @Field(() => Float, { nullable: true }) others: number | null;
  @Field(() => Float, { nullable: true, description: 'group − others; null when either is suppressed.' }) difference: number | null;
  @Field(() => Float, { nullable: true, description: '(group − others) ÷ others; null when others is 0 or either is suppressed.' }) relativeDifference: number | null;
}

@ObjectType('GroupComparison', { description: 'A group against comparable others over the same days, from the daily activity rollup.' })
@ReadableWithParent()
export class GroupComparisonType {
  @Field() from: string;
  @Field() to: string;
  @Field(() => ComparedGroupType) group: ComparedGroupType;
  @Field(() => ComparedGroupType) others: ComparedGroupType;
  @Field(() => [ComparedMeasureType]) measures: ComparedMeasureType[];
}
