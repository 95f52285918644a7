import { Field, ObjectType } from '@nestjs/graphql';
import { Public, ReadableWithParent } from '@commons/server-graphql';
import { AudienceEnum, PlatformRoleEnum } from './account.type';
import type { Audience, PlatformRole } from '@commons/shared-contracts';

@ObjectType('PlatformSettings')
@Public()
export class PlatformSettingsType {
  @Field({ description: 'Anyone may register; when false, registration needs an invite.' })
  openRegistration: boolean;
}

@ObjectType('Invitation', { description: 'What an invite link grants, shown on the registration page.' })
@Public()
export class InvitationType {
  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => PlatformRoleEnum)
  role: PlatformRole;

  @Field(() => AudienceEnum)
  audience: Audience;

  @Field()
  expiresAt: Date;

  @Field({ description: 'False once used or expired.' })
  usable: boolean;
}

@ObjectType('CreatedInvite', { description: 'The token is shown once; only its hash is kept.' })
@ReadableWithParent()
export class CreatedInviteType {
  @Field()
  token: string;

  @Field()
  url: string;

  @Field(() => InvitationType)
  invitation: InvitationType;
}
