import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, graphqlEnum, ReadableWithParent } from '@commons/server-graphql';
import { AccountType } from '@commons/server-identity';
import type { CommunityRole } from '@commons/shared-contracts';
import { InvitationStatus } from '../entities/community-invitation.entity';
import { JoinRequestStatus } from '../entities/join-request.entity';
import { CommunityRoleEnum } from './community-enums';

export const JoinRequestStatusEnum = graphqlEnum(Object.values(JoinRequestStatus));
registerEnumType(JoinRequestStatusEnum, { name: 'JoinRequestStatus' });
export const InvitationStatusEnum = graphqlEnum(Object.values(InvitationStatus));
registerEnumType(InvitationStatusEnum, { name: 'CommunityInvitationStatus' });

@ObjectType('JoinRequest', { description: 'A request to join a private community.' })
@ReadableWithParent()
export class JoinRequestType {
  @Field(() => ID)
  id: string;

  communityId: string;
  accountId: string;

  @Field(() => String, { nullable: true })
  message: string | null;

  @Field(() => JoinRequestStatusEnum)
  status: JoinRequestStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was denied or approved.' })
  decisionReason: string | null;
}

export const JoinRequestConnection = ConnectionType(JoinRequestType, 'JoinRequest');

@ObjectType('CommunityInvitation')
@ReadableWithParent()
export class CommunityInvitationType {
  @Field(() => ID)
  id: string;

  communityId: string;
  accountId: string | null;
  invitedById: string;

  @Field(() => String, { nullable: true, description: 'The address invited, when invited by address.' })
  email: string | null;

  @Field(() => CommunityRoleEnum)
  role: CommunityRole;

  @Field(() => InvitationStatusEnum)
  status: InvitationStatus;

  @Field()
  createdAt: Date;
}

@ObjectType('CommunityBan')
@ReadableWithParent()
export class CommunityBanType {
  @Field(() => ID)
  id: string;

  accountId: string;

  @Field()
  reason: string;

  @Field(() => Date, { nullable: true, description: 'When it ends; null for a permanent ban.' })
  endsAt: Date | null;

  @Field()
  createdAt: Date;
}

export { AccountType };
