import { Injectable } from '@nestjs/common';
import { LoaderKey, type GraphqlContext } from '@commons/server-graphql';
import type { ExpertiseType } from './dto/expertise.type';
import { ExpertsRepository } from './experts.repository';

const EXPERTISE = new LoaderKey<string, ExpertiseType>('account-expertise');
const NONE: ExpertiseType = { tags: [], note: null, updatedAt: null };

/** Declared expertise of every account on a page, in one statement per request. */
@Injectable()
export class ExpertiseLoader {
  constructor(private readonly repository: ExpertsRepository) {}

  expertise(ctx: GraphqlContext) {
    return ctx.loaders.get(EXPERTISE, async (ids) => {
      const found = await this.repository.expertiseOf(ids);
      return ids.map((id) => found.get(id) ?? NONE);
    });
  }
}
