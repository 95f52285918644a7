import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';
import type { MetricKey, ObjectiveDirection } from '@commons/shared-contracts';
import { MetricKeyEnum, ObjectiveDirectionEnum } from './community-enums';

@ObjectType('Objective', { description: "A measurable target for a community; progress comes from the community's metrics." })
@ReadableWithParent()
export class ObjectiveType {
  @Field(() => ID)
  id: string;

  communityId: string;
  ownerId: string;

  @Field(() => MetricKeyEnum)
  metricKey: MetricKey;

  @Field()
  title: string;

  @Field(() => Float)
  baseline: number;

  @Field(() => Float)
  target: number;

  @Field(() => ObjectiveDirectionEnum)
  direction: ObjectiveDirection;

  @Field({ description: 'YYYY-MM-DD.' })
  dueDate: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
