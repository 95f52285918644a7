import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ReadableWithParent } from '@commons/server-graphql';
import { AudienceEnum } from '@commons/server-identity';
import type { Audience } from '@commons/shared-contracts';

@ObjectType('GuidelineVersion', { description: 'One version of a guideline: a draft (managers only) or published.' })
@ReadableWithParent()
export class GuidelineVersionType {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field({ description: 'Markdown as written.' }) body: string;
  @Field({ description: 'Sanitized HTML.' }) bodyHtml: string;
  @Field() changeNote: string;
  @Field({ description: 'Material versions ask everyone in the audience to acknowledge again; editorial ones do not.' }) material: boolean;
  @Field(() => Date, { nullable: true, description: 'Null for a draft.' }) publishedAt: Date | null;
  @Field(() => String, { nullable: true }) publishedByName: string | null;
  @Field() updatedAt: Date;
}

@ObjectType('Guideline', { description: 'A guideline people read and acknowledge (social-media policy, community guidelines, confidentiality).' })
@ReadableWithParent()
export class GuidelineType {
  @Field(() => ID) id: string;
  @Field({ description: 'Stable slug moderation policies name (GUIDELINE_ACKNOWLEDGEMENT rules).' }) key: string;
  @Field() title: string;
  @Field(() => [AudienceEnum]) audiences: Audience[];
  @Field(() => ID, { nullable: true, description: "A community's own guidelines; null: platform-wide." }) communityId: string | null;
  @Field(() => GuidelineVersionType, { nullable: true, description: 'The latest published version.' }) currentVersion: GuidelineVersionType | null;
  @Field(() => ID, { nullable: true, description: 'The latest material version: the one to acknowledge (or a later one).' }) requiredVersionId: string | null;
  @Field(() => Int, { nullable: true }) requiredVersionNumber: number | null;
  @Field(() => ID, { nullable: true }) viewerAcknowledgedVersionId: string | null;
  @Field(() => Int, { nullable: true }) viewerAcknowledgedVersionNumber: number | null;
  @Field(() => Date, { nullable: true }) viewerAcknowledgedAt: Date | null;
  @Field({ description: 'The viewer must (re-)acknowledge the current version.' }) viewerMustAcknowledge: boolean;
  @Field({ description: 'The viewer may draft and publish versions.' }) viewerCanManage: boolean;
  @Field({ description: 'The viewer may see acknowledgement rates and remind people.' }) viewerCanSeeCompliance: boolean;
}

export const GuidelineConnection = ConnectionType(GuidelineType, 'Guideline', { totalCount: true });

export const GuidelineVersionConnection = ConnectionType(GuidelineVersionType, 'GuidelineVersion');

@ObjectType('GuidelineComplianceGroup', { description: 'Acknowledgements in one department, community or audience.' })
@ReadableWithParent()
export class GuidelineComplianceGroupType {
  @Field({ description: 'Department name (empty: none), community id or audience.' }) key: string;
  @Field() label: string;
  @Field(() => Int) expected: number;
  @Field(() => Int) acknowledged: number;
  @Field(() => Float, { description: 'acknowledged / expected, 0 to 1 (0 when nobody is expected).' }) rate: number;
}

@ObjectType('GuidelineCompliance', { description: 'How many in the audience acknowledged a version (or a later one).' })
@ReadableWithParent()
export class GuidelineComplianceType {
  @Field(() => ID) guidelineId: string;
  @Field(() => ID) versionId: string;
  @Field(() => Int) versionNumber: number;
  @Field(() => ID, { nullable: true }) communityId: string | null;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => Int) expected: number;
  @Field(() => Int) acknowledged: number;
  @Field(() => Float) rate: number;
  @Field(() => [GuidelineComplianceGroupType]) byDepartment: GuidelineComplianceGroupType[];
  @Field(() => [GuidelineComplianceGroupType]) byCommunity: GuidelineComplianceGroupType[];
  @Field(() => [GuidelineComplianceGroupType]) byAudience: GuidelineComplianceGroupType[];
}

@ObjectType('GuidelinePerson', { description: 'Someone a guideline is addressed to, with their acknowledgement.' })
@ReadableWithParent()
export class GuidelinePersonType {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) department: string | null;
  @Field(() => AudienceEnum) audience: Audience;
  @Field(() => Int, { nullable: true }) acknowledgedVersionNumber: number | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
}

export const GuidelinePersonConnection = ConnectionType(GuidelinePersonType, 'GuidelinePerson', { totalCount: true });
