import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { METRIC_BUCKETS, MetricBucket } from '../metrics/metric-definition';
import { MetricBucketEnum } from './metric.types';

/** Dates are YYYY-MM-DD in the organisation's time zone, both ends included; the service checks them. */
@InputType()
export class MetricSeriesInput {
  @Field(() => [String], { description: 'Metric keys (see metricDefinitions), up to 20.' })
  @ArrayMinSize(1, { message: 'Ask for at least one metric.' })
  @ArrayMaxSize(20, { message: 'Ask for at most 20 metrics at once.' })
  @IsString({ each: true })
  metrics: string[];

  @Field({ defaultValue: 'ORGANISATION', description: 'ORGANISATION, COMMUNITY, DEPARTMENT, AUDIENCE or COHORT.' })
  @IsString()
  @MaxLength(40)
  dimension: string;

  @Field(() => String, { nullable: true, description: 'Which community, department, audience or cohort; none for the organisation.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sliceId?: string | null;

  @Field() @IsString() from: string;
  @Field() @IsString() to: string;

  @Field(() => MetricBucketEnum, { defaultValue: MetricBucket.Week })
  @IsIn(METRIC_BUCKETS)
  bucket: MetricBucket;
}

@InputType()
export class MetricBreakdownInput {
  @Field() @IsString() @MaxLength(100) metric: string;
  @Field({ description: 'COMMUNITY, DEPARTMENT, AUDIENCE or COHORT.' }) @IsString() @MaxLength(40) dimension: string;
  @Field() @IsString() from: string;
  @Field() @IsString() to: string;
}

@ArgsType()
export class DayRangeArgs {
  @Field() @IsString() from: string;
  @Field() @IsString() to: string;
}
