import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { graphqlEnum, ReadableWithParent } from '@commons/server-graphql';
import { METRIC_BUCKETS, MetricCategory, MetricDirection, MetricUnit, type MetricBucket } from '../metrics/metric-definition';
import { RollupStatus } from '../rollups/rollup.service';

export const MetricBucketEnum = graphqlEnum(METRIC_BUCKETS);
registerEnumType(MetricBucketEnum, { name: 'MetricBucket', description: 'DAY, WEEK (from Monday) or MONTH, in the organisation’s time zone.' });
const MetricCategoryEnum = graphqlEnum(Object.values(MetricCategory));
registerEnumType(MetricCategoryEnum, { name: 'MetricCategory' });
const MetricUnitEnum = graphqlEnum(Object.values(MetricUnit));
registerEnumType(MetricUnitEnum, { name: 'MetricUnit', description: 'RATIO is a share between 0 and 1; SCORE is sentiment from −5 to +5.' });
const MetricDirectionEnum = graphqlEnum(Object.values(MetricDirection));
registerEnumType(MetricDirectionEnum, { name: 'MetricDirection' });
const RollupStatusEnum = graphqlEnum(Object.values(RollupStatus));
registerEnumType(RollupStatusEnum, { name: 'RollupStatus' });

@ObjectType('MetricDefinition', { description: 'A metric with its definition in plain words: shown next to every number.' })
@ReadableWithParent()
export class MetricDefinitionType {
  @Field({ description: 'What objectives and queries call it.' }) key: string;
  @Field() name: string;
  @Field() description: string;
  @Field() formula: string;
  @Field(() => MetricCategoryEnum) category: MetricCategory;
  @Field(() => MetricUnitEnum) unit: MetricUnit;
  @Field(() => MetricDirectionEnum) direction: MetricDirection;
  @Field(() => [MetricBucketEnum], { description: 'The buckets it can be shown in.' }) buckets: readonly MetricBucket[];
  @Field(() => [String], { description: 'What it can be sliced by: ORGANISATION, COMMUNITY, DEPARTMENT, AUDIENCE, COHORT.' }) dimensions: readonly string[];
}

@ObjectType('MetricSlice', { description: 'Who a number is about.' })
@ReadableWithParent()
export class MetricSliceType {
  @Field() dimension: string;
  @Field(() => String, { nullable: true, description: 'Community or cohort id, department name, audience; null for the organisation.' }) id: string | null;
  @Field() label: string;
}

@ObjectType('MetricPoint')
@ReadableWithParent()
export class MetricPointType {
  @Field({ description: 'The bucket’s first day (YYYY-MM-DD).' }) start: string;
  @Field(() => Float, { nullable: true, description: 'Null when there is no data or it is suppressed.' }) value: number | null;
  @Field(() => Float, { nullable: true }) numerator: number | null;
  @Field(() => Float, { nullable: true }) denominator: number | null;
  @Field({ description: 'Hidden because it is about fewer people than the minimum group size.' }) suppressed: boolean;
}

@ObjectType('MetricSeries')
@ReadableWithParent()
export class MetricSeriesType {
  @Field(() => MetricDefinitionType) definition: MetricDefinitionType;
  @Field(() => MetricSliceType) slice: MetricSliceType;
  @Field(() => MetricBucketEnum) bucket: MetricBucket;
  @Field(() => [MetricPointType]) points: MetricPointType[];
}

@ObjectType('MetricBreakdownRow')
@ReadableWithParent()
export class MetricBreakdownRowType {
  @Field(() => MetricSliceType) slice: MetricSliceType;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => Float, { nullable: true }) numerator: number | null;
  @Field(() => Float, { nullable: true }) denominator: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('MetricBreakdown', { description: 'One value per slice over the whole range, highest first.' })
@ReadableWithParent()
export class MetricBreakdownType {
  @Field(() => MetricDefinitionType) definition: MetricDefinitionType;
  @Field() dimension: string;
  @Field() from: string;
  @Field() to: string;
  @Field(() => [MetricBreakdownRowType]) rows: MetricBreakdownRowType[];
}

@ObjectType('RollupRun', { description: 'How the rollup of one day went.' })
@ReadableWithParent()
export class RollupRunType {
  @Field() day: string;
  @Field(() => RollupStatusEnum) status: RollupStatus;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Int, { nullable: true }) rows: number | null;
  @Field(() => String, { nullable: true }) error: string | null;
}

@ObjectType('RollupBackfill')
@ReadableWithParent()
export class RollupBackfillType {
  @Field(() => Int) days: number;
  @Field({ description: 'True when queued for the background jobs; false when it ran before answering.' }) queued: boolean;
}
