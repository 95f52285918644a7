import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { KnowledgeCollectionsService } from './knowledge-collections.service';
import { CreateKnowledgeCollectionInput, KnowledgeCollectionsArgs, UpdateKnowledgeCollectionInput } from './dto/article.inputs';
import { KnowledgeCollectionConnection, KnowledgeCollectionType } from './dto/article.types';

@Resolver(() => KnowledgeCollectionType)
export class KnowledgeCollectionsResolver {
  constructor(private readonly collections: KnowledgeCollectionsService) {}

  @Query(() => KnowledgeCollectionConnection, { description: 'Collections of a knowledge base (platform-wide, or a community you may read) under a parent, in order.' })
  @Authorize(PlatformAction.SignedIn)
  knowledgeCollections(@CurrentViewer() viewer: Viewer, @Args() args: KnowledgeCollectionsArgs) {
    return this.collections.list(viewer, args);
  }

  @Query(() => Boolean, { description: 'Whether you may add articles and collections to this knowledge base (platform-wide when no community is given).' })
  @Authorize(PlatformAction.SignedIn)
  canManageKnowledge(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) communityId?: string | null) {
    return this.collections.canManage(viewer, communityId ?? null);
  }

  @Query(() => KnowledgeCollectionType)
  @Authorize(PlatformAction.SignedIn)
  knowledgeCollection(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.collections.get(viewer, id);
  }

  @Mutation(() => KnowledgeCollectionType, { description: 'The programme team (platform-wide) or the community managers add collections.' })
  @Authorize(PlatformAction.SignedIn)
  createKnowledgeCollection(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateKnowledgeCollectionInput) {
    return this.collections.create(viewer, input);
  }

  @Mutation(() => KnowledgeCollectionType)
  @Authorize(PlatformAction.SignedIn)
  updateKnowledgeCollection(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateKnowledgeCollectionInput) {
    return this.collections.update(viewer, input);
  }
}
