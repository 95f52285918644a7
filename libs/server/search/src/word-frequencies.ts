import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@commons/server-core';

/** The tables search reads, by the name of their search vector's table. */
export type SearchedTable = 'forum_threads' | 'forum_replies' | 'blog_posts' | 'knowledge_articles';

const REFRESH_MS = 10 * 60_000;

/**
 * How common each frequent word is in each searched table, from PostgreSQL's own statistics
 * (`pg_stats.most_common_elems` of the search vectors, kept by ANALYZE), refreshed every ten
 * minutes. A word absent from the list is rare. Search uses it to narrow candidates by the
 * rarest word of a query: the planner estimates one word well, but underestimates words that
 * usually come together ("password managers") and then ranks every match.
 */
@Injectable()
export class WordFrequencies {
  private frequencies = new Map<SearchedTable, Map<string, number>>();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The share of the table's rows containing the word (0 for words too rare to be listed). */
  async of(table: SearchedTable, word: string): Promise<number> {
    if (this.clock.now().getTime() - this.loadedAt > REFRESH_MS) await (this.loading ??= this.load().finally(() => (this.loading = null)));
    return this.frequencies.get(table)?.get(word) ?? 0;
  }

  /** Of the words, the rarest in the table (the first on a tie). */
  async rarest(table: SearchedTable, words: readonly string[]): Promise<string> {
    let best = words[0];
    let lowest = Infinity;
    for (const word of words) {
      const frequency = await this.of(table, word);
      if (frequency < lowest) {
        lowest = frequency;
        best = word;
      }
    }
    return best;
  }

  private async load(): Promise<void> {
    const rows: Array<{ table: SearchedTable; words: string[] | null; frequencies: number[] | null }> = await this.dataSource.query(
      `SELECT tablename AS table, most_common_elems::text::text[] AS words, most_common_elem_freqs AS frequencies
         FROM pg_stats
        WHERE schemaname = current_schema() AND attname = 'search_vector' AND tablename IN ('forum_threads', 'forum_replies', 'blog_posts', 'knowledge_articles')`,
    );
    const next = new Map<SearchedTable, Map<string, number>>();
    for (const row of rows) next.set(row.table, new Map((row.words ?? []).map((word, i) => [word, row.frequencies?.[i] ?? 0])));
    this.frequencies = next;
    this.loadedAt = this.clock.now().getTime();
  }
}

/**
 * The words every match must contain, from a query's `querytree` (what an index can use:
 * excluded words dropped): `'password' <-> 'manag'` gives both words; a query with OR, or with
 * nothing required, gives none (the whole query then narrows the candidates).
 */
export function requiredWords(querytree: string): string[] {
  if (querytree === 'T' || querytree.includes('|')) return [];
  return [...querytree.matchAll(/'((?:[^']|'')+)'/gu)].map((m) => m[1].replace(/''/gu, "'"));
}
