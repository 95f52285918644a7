import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Authorize, ConnectionType } from '@commons/server-graphql';
import { CohortAction, type CohortAccess } from '../cohort-access';

@ObjectType('Cohort', { description: 'A named group of people attached to communities in pilot.' })
@Authorize(CohortAction.Read)
export class CohortType {
  /** What the cohort rules decide on. Not in the schema. */
  access: CohortAccess;

  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  description: string;

  createdById: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int)
  membersCount: number;
}

export const CohortConnection = ConnectionType(CohortType, 'Cohort');
