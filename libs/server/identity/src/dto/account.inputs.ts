import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { ConnectionArgs, trim, trimToNull } from '@commons/server-graphql';
import { AudienceEnum, PlatformRoleEnum } from './account.type';
import {
  Audience,
  DEPARTMENT_MAX_LENGTH,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PlatformRole,
  TITLE_MAX_LENGTH,
} from '@commons/shared-contracts';


@InputType()
export class RegisterInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @Field()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Field()
  @Transform(trim)
  @Length(1, DISPLAY_NAME_MAX_LENGTH, { message: `Enter a name of 1 to ${DISPLAY_NAME_MAX_LENGTH} characters.` })
  displayName: string;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(DEPARTMENT_MAX_LENGTH)
  department?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Token from an invite link; required when open registration is off.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  inviteToken?: string | null;
}

@InputType()
export class SignInInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, EMAIL_MAX_LENGTH, { message: 'Enter your e-mail address.' })
  email: string;

  @Field()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'Enter your password.' })
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'Enter your current password.' })
  currentPassword: string;

  @Field()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

@InputType()
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @Transform(trim)
  @IsOptional()
  @Length(1, DISPLAY_NAME_MAX_LENGTH, { message: `Enter a name of 1 to ${DISPLAY_NAME_MAX_LENGTH} characters.` })
  displayName?: string;

  @Field(() => String, { nullable: true, description: 'Empty clears it.' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(DEPARTMENT_MAX_LENGTH)
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'Empty clears it.' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string | null;
}

@InputType()
export class SetAccountRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId: string;

  @Field(() => PlatformRoleEnum)
  @IsEnum(PlatformRole)
  role: PlatformRole;
}

@InputType()
export class CreateInviteInput {
  @Field(() => String, { nullable: true, description: 'Restrict the invite to this address.' })
  @Transform(trimToNull)
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid e-mail address.' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string | null;

  @Field(() => PlatformRoleEnum, { defaultValue: PlatformRole.Member })
  @IsEnum(PlatformRole)
  role: PlatformRole = PlatformRole.Member;

  @Field(() => AudienceEnum, { defaultValue: Audience.Employee, description: 'Invite customers and partners with their audience.' })
  @IsEnum(Audience)
  audience: Audience = Audience.Employee;
}

@InputType()
export class SetAccountAudienceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid account id.' })
  accountId: string;

  @Field(() => AudienceEnum)
  @IsEnum(Audience)
  audience: Audience;
}

@InputType()
export class UpdatePlatformSettingsInput {
  @Field({ description: 'Whether anyone may register without an invite.' })
  @IsBoolean()
  openRegistration: boolean;
}

@ArgsType()
export class AccountsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name, e-mail address or department.' })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
