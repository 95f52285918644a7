import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ReadableWithParent } from '@commons/server-graphql';
import { AccountType } from '@commons/server-identity';

@ObjectType('ChampionCommunity', { description: 'The community a champion is named for.' })
@ReadableWithParent()
export class ChampionCommunityType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  slug: string;
}

@ObjectType('Champion', { description: 'A programme ambassador named by the CoE for a department or a community.' })
@ReadableWithParent()
export class ChampionType {
  @Field(() => ID)
  id: string;

  @Field(() => AccountType)
  account: AccountType;

  @Field(() => String, { nullable: true, description: 'Set for a department champion.' })
  department: string | null;

  @Field(() => ChampionCommunityType, { nullable: true, description: 'Set for a community champion.' })
  community: ChampionCommunityType | null;

  @Field()
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  endsAt: Date | null;

  @Field({ description: 'Started and not ended.' })
  current: boolean;
}

export const ChampionConnection = ConnectionType(ChampionType, 'Champion');

@ObjectType('CommunityActivitySummary', { description: "A community's activity over the dashboard's period: simple counts." })
@ReadableWithParent()
export class CommunityActivitySummaryType {
  @Field(() => ID)
  communityId: string;

  @Field()
  name: string;

  @Field()
  slug: string;

  @Field(() => Int)
  members: number;

  @Field(() => Int, { description: 'Members who joined in the period and are still members.' })
  newMembers: number;

  @Field(() => Int, { description: 'Published threads started in the period (not deleted, not held).' })
  threads: number;

  @Field(() => Int, { description: 'Published replies written in the period (not deleted, not held).' })
  replies: number;
}

@ObjectType('ChampionDashboard', { description: "A champion's communities and their activity over the last 30 days." })
@ReadableWithParent()
export class ChampionDashboardType {
  @Field(() => AccountType)
  account: AccountType;

  @Field({ description: 'The start of the period.' })
  since: Date;

  @Field(() => [ChampionType], { description: 'Their current champion roles.' })
  roles: ChampionType[];

  @Field(() => [CommunityActivitySummaryType], {
    description:
      'Their communities you may see: those they champion, and for a department champion the communities they belong to. For a programme-team member who champions nothing: every community with a current champion.',
  })
  communities: CommunityActivitySummaryType[];
}
