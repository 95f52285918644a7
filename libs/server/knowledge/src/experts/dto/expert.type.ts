import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, ReadableWithParent } from '@commons/server-graphql';
import { AccountType } from '@commons/server-identity';

@ObjectType('ExpertAnswer', { description: "An accepted answer by the expert in a thread on the topic, as evidence (only from communities you may read)." })
@ReadableWithParent()
export class ExpertAnswerType {
  @Field(() => ID)
  threadId: string;

  @Field()
  threadTitle: string;

  @Field(() => ID)
  replyId: string;

  @Field(() => ID)
  communityId: string;

  @Field({ description: "The community's slug, for the link to the thread." })
  communitySlug: string;

  @Field()
  answeredAt: Date;
}

@ObjectType('Expert', {
  description:
    'A person found for a topic, ranked by declared expertise plus evidence: accepted answers and "helpful" reactions in forum threads with the topic\'s tags. Evidence counts only content you may read.',
})
@ReadableWithParent()
export class ExpertType {
  @Field(() => AccountType)
  account: AccountType;

  @Field(() => Int, { description: 'The ranking: 10 for declaring the topic, 5 per accepted answer, 1 per helpful reaction from someone else.' })
  score: number;

  @Field(() => [String], { description: 'All the tags the person declared.' })
  declaredTags: string[];

  @Field(() => [String], { description: 'Their declared tags that match the topic.' })
  matchedTags: string[];

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Int, { description: 'Their accepted answers in threads on the topic.' })
  acceptedAnswers: number;

  @Field(() => Int, { description: '"Helpful" reactions from others on their posts in threads on the topic.' })
  helpfulReactions: number;

  @Field(() => [ExpertAnswerType], { description: 'Up to three of those accepted answers, newest first.' })
  answers: ExpertAnswerType[];
}

export const ExpertConnection = ConnectionType(ExpertType, 'Expert');
