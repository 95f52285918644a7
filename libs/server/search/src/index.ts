export { SearchModule } from './search.module';
export { WordFrequencies } from './word-frequencies';
