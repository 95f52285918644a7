import { Field, ObjectType } from '@nestjs/graphql';
import { ReadableWithParent } from '@commons/server-graphql';

@ObjectType('Expertise', { description: 'What a person says they know about: normalized tags, in their order, and a short note.' })
@ReadableWithParent()
export class ExpertiseType {
  @Field(() => [String])
  tags: string[];

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Date, { nullable: true, description: 'Null until the person first declares expertise.' })
  updatedAt: Date | null;
}
