import { Module } from '@nestjs/common';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { WordFrequencies } from './word-frequencies';

/**
 * Full-text search, a read model over the content tables (forum threads and replies, blog
 * posts, knowledge articles): their vectors are maintained by PostgreSQL, visibility is decided inside the query.
 */
@Module({ providers: [SearchService, SearchResolver, WordFrequencies] })
export class SearchModule {}
