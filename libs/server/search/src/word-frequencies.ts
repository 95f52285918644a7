import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@commons/server-core';

/** The tables search reads, by the name of their search vector's table. */
export type SearchedTable = 'forum_threads' | 'forum_replies' | 'blog_posts' | 'knowledge_articles';

const REFRESH_MS = 10 * 60_000;

/**
 * How search finds the latest posts containing a word (see `narrowingFor`):
 * - `index`: read every post with it from the full-text index, keep the latest;
 * - `weeks`: read the posts with it week by week from the full-text index (which also knows
 *   each post's week), newest first, until there are enough;
 * - `walk`: walk back in time, checking each post.
 */
export type Narrowing = 'index' | 'weeks' | 'walk';

/**
 * At most this many posts expected to contain the word: all of them are read from the index.
 * Measured at size l: about 7 µs per reply and 7–13 µs per blog post read so, their rows
 * scattered over the table (1,485 blog posts took 10 ms, against 3 ms week by week).
 */
export const INDEX_MATCHES = 600;

/**
 * In at least this share of posts the word turns up often enough that walking back in time
 * finds the candidates within a couple of thousand posts: cheap where the table's rows lie in
 * time order (threads and replies are written in it), so that the walk reads few pages.
 */
export const WALK_SHARE = 0.1;

/** How closely a table's rows follow its time (pg_stats.correlation) for a walk to read few pages. */
export const WALK_CORRELATION = 0.9;

/**
 * How to find `candidates` latest posts containing a word, from the share of the table's rows
 * that contain it, the table's row count and how closely its rows follow time. A word in
 * between is costly for both the index (many posts to read) and the walk (many posts to
 * pass), and so is a common word in a table whose rows are scattered in time: read by weeks.
 */
export function narrowingFor(share: number, rows: number, candidates: number, correlation: number): Narrowing {
  if (share * rows <= Math.max(INDEX_MATCHES, candidates)) return 'index';
  return share >= WALK_SHARE && Math.abs(correlation) >= WALK_CORRELATION ? 'walk' : 'weeks';
}

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
  private rowCounts = new Map<SearchedTable, number>();
  private timeCorrelations = new Map<SearchedTable, number>();
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

  /** The rarest of the words in the table and how search should find the latest posts with it. */
  async narrowing(table: SearchedTable, words: readonly string[], candidates: number): Promise<{ word: string; narrowing: Narrowing }> {
    const word = await this.rarest(table, words);
    return { word, narrowing: narrowingFor(await this.of(table, word), this.rowCounts.get(table) ?? 0, candidates, this.timeCorrelations.get(table) ?? 0) };
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
    // Rows as ANALYZE last estimated them (-1 before a table's first ANALYZE: taken as empty).
    const counts: Array<{ table: SearchedTable; rows: number }> = await this.dataSource.query(
      `SELECT relname AS table, greatest(reltuples, 0)::float8 AS rows FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relname IN ('forum_threads', 'forum_replies', 'blog_posts', 'knowledge_articles')`,
    );
    // How closely rows follow the time search orders them by.
    const correlations: Array<{ table: SearchedTable; correlation: number | null }> = await this.dataSource.query(
      `SELECT tablename AS table, correlation FROM pg_stats
        WHERE schemaname = current_schema()
          AND ((tablename IN ('forum_threads', 'forum_replies') AND attname = 'created_at') OR (tablename IN ('blog_posts', 'knowledge_articles') AND attname = 'published_at'))`,
    );
    const next = new Map<SearchedTable, Map<string, number>>();
    for (const row of rows) next.set(row.table, new Map((row.words ?? []).map((word, i) => [word, row.frequencies?.[i] ?? 0])));
    this.frequencies = next;
    this.rowCounts = new Map(counts.map((c) => [c.table, Number(c.rows)]));
    this.timeCorrelations = new Map(correlations.map((c) => [c.table, c.correlation ?? 0]));
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
