import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDate, IsEmail, IsEnum, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { ConnectionArgs, trim, trimToNull } from '@commons/server-graphql';
import { CommunityRole, EMAIL_MAX_LENGTH, REASON_MAX_LENGTH } from '@commons/shared-contracts';
import { CommunityRoleEnum } from './community-enums';


@InputType()
export class RequestToJoinInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => String, { nullable: true, description: 'Why you want to join, for the managers.' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(REASON_MAX_LENGTH)
  message?: string | null;
}

@InputType()
export class DecideJoinRequestInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid request id.' })
  requestId: string;

  @Field()
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Shown to the requester; required when denying.' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string | null;
}

@InputType()
export class InviteToCommunityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ID, { nullable: true, description: 'Invite an account…' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: '…or an e-mail address (it may not have an account yet).' })
  @Transform(trimToNull)
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string | null;

  @Field(() => CommunityRoleEnum, { defaultValue: CommunityRole.Member })
  @IsEnum(CommunityRole)
  role: CommunityRole = CommunityRole.Member;
}

@InputType()
export class CommunityMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId: string;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string | null;
}

@InputType()
export class SetMemberRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId: string;

  @Field(() => CommunityRoleEnum)
  @IsEnum(CommunityRole)
  role: CommunityRole;
}

@InputType()
export class BanMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId: string;

  @Field()
  @Transform(trim)
  @Length(1, REASON_MAX_LENGTH, { message: 'Give a reason for the ban.' })
  reason: string;

  @Field(() => Date, { nullable: true, description: 'When the ban ends; permanent when left out.' })
  @IsOptional()
  @IsDate({ message: 'Enter a date and time.' })
  endsAt?: Date | null;
}

@ArgsType()
export class MembersArgs extends ConnectionArgs {
  @Field(() => CommunityRoleEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CommunityRole)
  role?: CommunityRole | null;
}
