import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionArgs, PostBody, trim } from '@commons/server-graphql';
import { AudienceEnum } from '@commons/server-identity';
import { AUDIENCES, type Audience } from '@commons/shared-contracts';

@InputType()
export class CreateGuidelineInput {
  @Field({ description: 'Stable slug, e.g. social-media: lower-case letters, digits and single hyphens.' })
  @Transform(trim)
  @Length(2, 60)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, { message: 'Use lower-case letters, digits and single hyphens (e.g. social-media).' })
  key: string;

  @Field()
  @Transform(trim)
  @Length(1, 200)
  title: string;

  @Field(() => [AudienceEnum])
  @ArrayMinSize(1, { message: 'Choose at least one audience.' })
  @ArrayMaxSize(AUDIENCES.length)
  @IsEnum(AudienceEnum, { each: true })
  audiences: Audience[];

  @Field(() => ID, { nullable: true, description: "A community's own guidelines; omit for a platform-wide guideline." })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;
}

@InputType()
export class SaveGuidelineDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid guideline id.' })
  guidelineId: string;

  @Field({ description: 'Markdown.' })
  @PostBody()
  body: string;

  @Field(() => String, { defaultValue: '' })
  @Transform(trim)
  @MaxLength(500)
  changeNote = '';
}

@InputType()
export class PublishGuidelineVersionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid guideline id.' })
  guidelineId: string;

  @Field(() => ID, { description: 'The draft to publish.' })
  @IsUUID('all', { message: 'Not a valid version id.' })
  versionId: string;

  @Field({ description: 'Material: everyone in the audience must acknowledge again. Editorial: nobody is asked again.' })
  @IsBoolean()
  material: boolean;
}

@InputType()
export class AcknowledgeGuidelineInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid guideline id.' })
  guidelineId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid version id.' })
  versionId: string;
}

/** Which acknowledgements a compliance figure counts. */
@InputType()
export class GuidelineComplianceFilter {
  @Field(() => ID)
  @IsUUID('all', { message: 'Not a valid guideline id.' })
  guidelineId: string;

  @Field(() => ID, { nullable: true, description: 'A published version; default: the version to acknowledge now.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid version id.' })
  versionId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this community's members (community managers must give their community)." })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid community id.' })
  communityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this department (empty string: people without one).' })
  @IsOptional()
  @Transform(trim)
  @MaxLength(200)
  department?: string | null;
}

@ArgsType()
export class GuidelinePeopleArgs extends ConnectionArgs {
  @Field(() => GuidelineComplianceFilter)
  @ValidateNested()
  @Type(() => GuidelineComplianceFilter)
  filter: GuidelineComplianceFilter;
}
