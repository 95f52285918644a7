import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Authorize, graphqlEnum } from '@commons/server-graphql';
import { AUDIENCES, PLATFORM_ROLES, type Audience, type PlatformRole } from '@commons/shared-contracts';
import { AccountAction } from '../identity.actions';

export const PlatformRoleEnum = graphqlEnum(PLATFORM_ROLES);
registerEnumType(PlatformRoleEnum, { name: 'PlatformRole', description: 'Organisation-wide role of an account.' });

export const AudienceEnum = graphqlEnum(AUDIENCES);
registerEnumType(AudienceEnum, {
  name: 'Audience',
  description: 'Who an account is to the organisation. Customers and partners see only communities opened to their audience.',
});

@ObjectType('Account', { description: 'A person on the platform.' })
@Authorize(AccountAction.Read)
export class AccountType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field({ description: 'Up to two letters for the avatar.' })
  initials: string;

  @Field(() => String, { nullable: true })
  department: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => PlatformRoleEnum)
  role: PlatformRole;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field()
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Visible to the person and to admins; null otherwise.' })
  @Authorize(AccountAction.ReadPrivate)
  email: string | null;

  @Field(() => Date, { nullable: true, description: 'Visible to the person and to admins.' })
  @Authorize(AccountAction.ReadPrivate)
  lastSignInAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an admin suspended the account. Admins only.' })
  @Authorize(AccountAction.ReadAdministrative)
  suspendedAt: Date | null;
}

export const AccountConnection = ConnectionType(AccountType, 'Account');

@ObjectType('AuthPayload', { description: 'The signed-in account; the session travels in an HTTP-only cookie.' })
@Authorize(AccountAction.Read)
export class AuthPayloadType {
  @Field(() => AccountType)
  account: AccountType;
}
