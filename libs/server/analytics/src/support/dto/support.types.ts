import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, graphqlEnum, ReadableWithParent } from '@commons/server-graphql';
import { AGE_BANDS, type AgeBand } from '../age-bands';

export const AgeBandEnum = graphqlEnum(AGE_BANDS.map((b) => b.band));
registerEnumType(AgeBandEnum, { name: 'UnansweredAgeBand', description: 'How long an open question has waited: under 1 hour, 1–4 hours, 4–24 hours, 1–3 days, over 3 days.' });

@ObjectType('SupportSla', { description: "A community's support target: every question should get a first answer from someone else within this many minutes." })
@ReadableWithParent()
export class SupportSlaType {
  @Field(() => ID) communityId: string;
  @Field(() => Int) firstResponseMinutes: number;
  @Field() updatedAt: Date;
}

@ObjectType('UnansweredQuestion', { description: 'A question still waiting for its first answer (no reply from anyone else, no accepted answer).' })
@ReadableWithParent()
export class UnansweredQuestionType {
  @Field(() => ID, { description: 'The thread.' }) id: string;
  @Field(() => String, { nullable: true, description: 'The thread’s title; null when you may not read the community’s content.' }) title: string | null;
  @Field() askedAt: Date;
  @Field(() => Int, { description: 'Minutes since it was asked.' }) ageMinutes: number;
  @Field({ description: 'Waiting longer than the community’s SLA (false when it has none).' }) breached: boolean;
  @Field(() => Date, { nullable: true, description: 'When its managers were alerted that it breached the SLA.' }) alertedAt: Date | null;
}

export const UnansweredQuestionConnection = ConnectionType(UnansweredQuestionType, 'UnansweredQuestion', { totalCount: true });

@ObjectType('UnansweredAgeCount')
@ReadableWithParent()
export class UnansweredAgeCountType {
  @Field(() => AgeBandEnum) band: AgeBand;
  @Field({ description: '"< 1 h", "1–4 h", "4–24 h", "1–3 d", "> 3 d".' }) label: string;
  @Field(() => Int) count: number;
}

@ObjectType('UnansweredQuestionAges', { description: 'The open unanswered questions of a community by how long they have waited.' })
@ReadableWithParent()
export class UnansweredAgesType {
  @Field(() => ID) communityId: string;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'How many wait longer than the SLA (0 when there is none).' }) breached: number;
  @Field(() => Int, { nullable: true, description: 'The SLA’s first-response minutes, if one is set.' }) firstResponseMinutes: number | null;
  @Field(() => [UnansweredAgeCountType], { description: 'Every band, youngest first, zeros included.' }) bands: UnansweredAgeCountType[];
}
