import { Args, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { SearchService } from './search.service';
import { SearchArgs, SearchHitConnection, SearchHitType } from './dto/search.types';

@Resolver(() => SearchHitType)
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchHitConnection, { description: 'Full-text search over what you may read, best matches first.' })
  @Authorize(PlatformAction.SignedIn)
  search(@CurrentViewer() viewer: Viewer, @Args() args: SearchArgs) {
    return this.searchService.search(viewer, args);
  }
}
