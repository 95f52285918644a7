import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ConnectionArgs } from '@commons/server-graphql';
import { EmailDigest } from '../notification-kinds';

/** Notifications marked read at once, at most. */
export const MARK_READ_MAX = 100;

@ArgsType()
export class NotificationsArgs extends ConnectionArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Only the unread ones.' })
  @IsBoolean()
  unreadOnly = false;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { description: `Your notifications to mark read (1 to ${MARK_READ_MAX}).` })
  @ArrayMinSize(1, { message: 'Choose at least one notification.' })
  @ArrayMaxSize(MARK_READ_MAX, { message: `Mark at most ${MARK_READ_MAX} notifications at once.` })
  @IsUUID('all', { each: true, message: 'Not a valid notification id.' })
  ids: string[];
}

/** Only what is given changes. */
@InputType()
export class NotificationPreferencesInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  replies?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  mentions?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  reactions?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  followed?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  communities?: boolean | null;

  @Field(() => EmailDigest, { nullable: true })
  @IsOptional()
  @IsEnum(EmailDigest)
  emailDigest?: EmailDigest | null;
}
