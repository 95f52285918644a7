import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { graphqlEnum, ReadableWithParent } from '@commons/server-graphql';
import { ObjectiveType } from '@commons/server-communities';
import { MetricDefinitionType } from '../../dto/metric.types';
import { OBJECTIVE_STATUSES, type ObjectiveStatus } from '../objective-projection';

export const ObjectiveStatusCodeEnum = graphqlEnum(OBJECTIVE_STATUSES);
registerEnumType(ObjectiveStatusCodeEnum, {
  name: 'ObjectiveStatusCode',
  description:
    'By linear projection of the weekly values to the due date: ON_TRACK meets the target; AT_RISK covers at least 70% of the way from baseline to target; OFF_TRACK less. ACHIEVED: the target is met (now, or on the due date once past); MISSED: it was not by the due date. UNKNOWN: no value (no data yet, too few people, or a metric not computed yet).',
});

@ObjectType('ObjectiveStatus', { description: "An objective's current value and where its trend leads by the due date." })
@ReadableWithParent()
export class ObjectiveStatusType {
  @Field(() => ObjectiveStatusCodeEnum) status: ObjectiveStatus;
  @Field(() => Float, { nullable: true, description: 'The latest weekly value.' }) current: number | null;
  @Field(() => Float, { nullable: true, description: 'The value the trend (least squares over the weekly values) reaches on the due date.' }) projected: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the way from baseline to target the projection covers (1 = reaches it; the value on the due date once past).' })
  progress: number | null;
  @Field({ description: 'Why, in plain words.' }) reason: string;
  @Field({ description: 'The day the status is computed for (YYYY-MM-DD).' }) asOf: string;
  @Field({ description: 'The first day of the values the trend is fitted on: the objective’s creation, at least 8 weeks back.' }) since: string;
  @Field(() => MetricDefinitionType, { nullable: true, description: 'The metric’s definition; null when it is not computed yet.' }) metric: MetricDefinitionType | null;
}

@ObjectType('ObjectiveStatusCount')
@ReadableWithParent()
export class ObjectiveStatusCountType {
  @Field(() => ObjectiveStatusCodeEnum) status: ObjectiveStatus;
  @Field(() => Int) count: number;
}

@ObjectType('CommunityObjectives', { description: "A community's objectives, for the steering committee's overview." })
@ReadableWithParent()
export class CommunityObjectivesType {
  @Field(() => ID) communityId: string;
  @Field() name: string;
  @Field() slug: string;
  @Field({ description: 'DRAFT, PILOT, ACTIVE or ARCHIVED.' }) lifecycle: string;
  @Field(() => [ObjectiveType], { description: 'By due date; each with its status.' }) objectives: ObjectiveType[];
}

@ObjectType('ObjectivesOverview', { description: "Every community's objectives with their status, grouped by lifecycle then name." })
@ReadableWithParent()
export class ObjectivesOverviewType {
  @Field() asOf: string;
  @Field(() => [ObjectiveStatusCountType], { description: 'How many objectives have each status.' }) counts: ObjectiveStatusCountType[];
  @Field(() => [CommunityObjectivesType]) communities: CommunityObjectivesType[];
}
