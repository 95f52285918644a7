import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { graphqlEnum, ReadableWithParent } from '@commons/server-graphql';
import { IDEA_STATUSES, type IdeaStatus } from '../idea-funnel';
import { TERM_LIST_KINDS, type TermListKind } from '../post-analyzer';
import { TopicKind } from '../trending';

export const TermListKindEnum = graphqlEnum(TERM_LIST_KINDS);
registerEnumType(TermListKindEnum, { name: 'ListeningTermListKind', description: 'OWN: our brands and products; COMPETITOR: competitors and theirs.' });
const TopicKindEnum = graphqlEnum(Object.values(TopicKind));
registerEnumType(TopicKindEnum, { name: 'TopicKind', description: 'TAG: a post tag; PHRASE: a key phrase, 2–3 words in a row without stop words.' });
const IdeaStatusEnum = graphqlEnum(IDEA_STATUSES);
registerEnumType(IdeaStatusEnum, { name: 'IdeaStatus', description: 'NEW → UNDER_REVIEW → PLANNED → DONE, from the idea’s tags.' });

@ObjectType('ListeningTermList', { description: 'Terms whose mentions share of voice counts.' })
@ReadableWithParent()
export class ListeningTermListType {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => TermListKindEnum) kind: TermListKind;
  @Field(() => [String]) terms: string[];
  @Field() updatedAt: Date;
}

@ObjectType('TrendingTopic')
@ReadableWithParent()
export class TrendingTopicType {
  @Field() topic: string;
  @Field(() => TopicKindEnum) kind: TopicKind;
  @Field(() => Int, { description: 'Posts that mentioned it in the 7 days ending on asOf.' }) count: number;
  @Field(() => Int, { description: 'Distinct people who mentioned it in those 7 days (never fewer than the minimum group size).' }) people: number;
  @Field(() => Float, { description: 'Mean mentions per week in the 8 weeks before.' }) baseline: number;
  @Field(() => Float, { nullable: true, description: 'count ÷ baseline; null for a topic with no history.' }) ratio: number | null;
  @Field(() => Float, { description: 'Poisson z-score: (count − baseline) ÷ √(baseline + 1). Topics are ranked by it.' }) score: number;
  @Field(() => [Int], { description: 'Mentions per 7-day window, oldest first (see weekStarts); the last one is this week.' }) spark: number[];
}

@ObjectType('TrendingTopics')
@ReadableWithParent()
export class TrendingTopicsType {
  @Field({ description: 'The last day of the week looked at.' }) asOf: string;
  @Field(() => [String], { description: 'The first day of each 7-day window of the sparklines, oldest first.' }) weekStarts: string[];
  @Field(() => [TrendingTopicType]) topics: TrendingTopicType[];
}

@ObjectType('IdeaFunnelStage')
@ReadableWithParent()
export class IdeaFunnelStageType {
  @Field(() => IdeaStatusEnum) status: IdeaStatus;
  @Field(() => Int, { nullable: true, description: 'Ideas now in this stage; null when suppressed.' }) count: number | null;
  @Field(() => Int, { nullable: true, description: 'Ideas that got at least this far (this stage or a later one).' }) reached: number | null;
  @Field(() => Float, { nullable: true, description: 'reached ÷ all ideas.' }) shareOfIdeas: number | null;
  @Field(() => Float, { nullable: true, description: 'reached ÷ the ideas that reached the stage before: the conversion from it; null for NEW.' }) conversion: number | null;
}

@ObjectType('IdeaFunnel')
@ReadableWithParent()
export class IdeaFunnelType {
  @Field() from: string;
  @Field() to: string;
  @Field(() => Int, { nullable: true, description: 'Ideas posted in the range; null when suppressed.' }) ideas: number | null;
  @Field({ description: 'Hidden because fewer people than the minimum group size posted the ideas.' }) suppressed: boolean;
  @Field(() => [IdeaFunnelStageType], { description: 'NEW, UNDER_REVIEW, PLANNED, DONE.' }) stages: IdeaFunnelStageType[];
}
