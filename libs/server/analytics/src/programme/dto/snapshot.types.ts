import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ReadableWithParent } from '@commons/server-graphql';
import { ObjectiveStatusCodeEnum } from './objective-status.types';
import type { ObjectiveStatus } from '../objective-projection';

@ObjectType('SnapshotMetric')
@ReadableWithParent()
export class SnapshotMetricType {
  @Field() key: string;
  @Field() name: string;
  @Field() unit: string;
  @Field() direction: string;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('SnapshotObjective')
@ReadableWithParent()
export class SnapshotObjectiveType {
  @Field(() => ID) objectiveId: string;
  @Field(() => ID) communityId: string;
  @Field() communityName: string;
  @Field() lifecycle: string;
  @Field() title: string;
  @Field() metricKey: string;
  @Field(() => Float) baseline: number;
  @Field(() => Float) target: number;
  @Field() direction: string;
  @Field() dueDate: string;
  @Field(() => ObjectiveStatusCodeEnum) status: ObjectiveStatus;
  @Field(() => Float, { nullable: true }) current: number | null;
  @Field(() => Float, { nullable: true }) projected: number | null;
  @Field() reason: string;
}

@ObjectType('SnapshotCommunity')
@ReadableWithParent()
export class SnapshotCommunityType {
  @Field(() => ID) communityId: string;
  @Field() name: string;
  @Field(() => Float) value: number;
}

@ObjectType('MetricSnapshot', { description: "A saved month of the programme overview; immutable (saving the month again adds a version)." })
@ReadableWithParent()
export class MetricSnapshotType {
  @Field(() => ID) id: string;
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int, { description: '1 for the first snapshot of the month, then 2, 3…' }) version: number;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field({ description: 'The first day of the month.' }) from: string;
  @Field({ description: 'The last day covered: the month’s last day, or the day it was saved on for the current month.' }) to: string;
  @Field(() => ID) createdById: string;
  @Field(() => String, { nullable: true, description: 'Who saved it.' }) createdByName: string | null;
  @Field() createdAt: Date;
  @Field(() => [SnapshotMetricType], { description: 'Headline metrics for the organisation over the month.' }) headline: SnapshotMetricType[];
  @Field(() => [SnapshotObjectiveType], { description: 'Every objective with its status as of the month’s end.' }) objectives: SnapshotObjectiveType[];
  @Field(() => Int, { description: 'Communities whose active members ratio was suppressed (too few members) and so not ranked.' }) unrankedCommunities: number;
  @Field(() => [SnapshotCommunityType], { description: 'The 5 communities with the highest active members ratio over the month.' }) topCommunities: SnapshotCommunityType[];
  @Field(() => [SnapshotCommunityType], { description: 'The 5 with the lowest, lowest first.' }) bottomCommunities: SnapshotCommunityType[];
}

export const MetricSnapshotConnection = ConnectionType(MetricSnapshotType, 'MetricSnapshot');
