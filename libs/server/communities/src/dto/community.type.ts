import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Authorize, ConnectionType, ReadableWithParent } from '@commons/server-graphql';
import { AccountType, AudienceEnum } from '@commons/server-identity';
import type {
  Audience,
  CommunityLifecycle,
  CommunityRole,
  CommunityVisibility,
  SocialIntent,
  UseCase,
} from '@commons/shared-contracts';
import { CommunityAction, type CommunityAccess } from '../community-access';
import { CommunityLifecycleEnum, CommunityRoleEnum, CommunityVisibilityEnum, SocialIntentEnum, UseCaseEnum } from './community-enums';

@ObjectType('CommunityPermissions', { description: 'What the viewer may do here; the client shows only these actions.' })
@ReadableWithParent()
export class CommunityPermissionsType {
  @Field() view: boolean;
  @Field() readContent: boolean;
  @Field() join: boolean;
  @Field() requestToJoin: boolean;
  @Field() leave: boolean;
  @Field() participate: boolean;
  @Field() moderate: boolean;
  @Field() manage: boolean;
}

@ObjectType('CommunityMembership', { description: "The viewer's own membership." })
@ReadableWithParent()
export class ViewerMembershipType {
  @Field(() => CommunityRoleEnum)
  role: CommunityRole;

  @Field()
  joinedAt: Date;
}

@ObjectType('Community', { description: 'A community with its social intent. Invisible communities read as not found.' })
@Authorize(CommunityAction.View)
export class CommunityType {
  /** The viewer's access facts: what the field rules decide on. Not in the schema. */
  access: CommunityAccess;

  @Field(() => ID)
  id: string;

  @Field({ description: 'The current slug; a lookup by an old slug answers with this one.' })
  slug: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'Markdown source.' })
  charter: string;

  @Field(() => [AudienceEnum])
  audiences: Audience[];

  @Field(() => CommunityVisibilityEnum)
  visibility: CommunityVisibility;

  @Field(() => SocialIntentEnum)
  intent: SocialIntent;

  @Field()
  intentStatement: string;

  @Field(() => [UseCaseEnum])
  useCases: UseCase[];

  @Field(() => CommunityLifecycleEnum)
  lifecycle: CommunityLifecycle;

  ownerId: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;
}

@ObjectType('CommunityMember')
@ReadableWithParent()
export class CommunityMemberType {
  @Field(() => AccountType)
  account: AccountType;

  @Field(() => CommunityRoleEnum)
  role: CommunityRole;

  @Field()
  joinedAt: Date;
}

export const CommunityMemberConnection = ConnectionType(CommunityMemberType, 'CommunityMember');

export const CommunityConnection = ConnectionType(CommunityType, 'Community', { totalCount: true });
