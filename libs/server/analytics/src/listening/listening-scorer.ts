import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@commons/server-core';
import type { BackgroundTask } from '../rollups/analytics-jobs';
import { CONTENT_SOURCES, type ContentSource, type ListenedKind } from './content-sources';
import { PostAnalyzer, type TermListTerms } from './post-analyzer';

/** Where SQL goes: the data source, or the day's rollup transaction. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

/** Posts read and scores written per statement. */
export const SCORING_BATCH = 2_000;
/**
 * How old a post must be before the cursor passes it: a write committed a little after a later
 * one would otherwise fall behind the cursor. (The day's rollup scores whatever is still missing.)
 */
export const SETTLE_MS = 60_000;

interface PostRow {
  id: string;
  community_id: string;
  author_id: string;
  /** The post's time as PostgreSQL prints it: exact to the microsecond, unlike a Date. */
  at: string;
  title: string | null;
  body: string;
  tags: string[];
}

const START = { at: '-infinity', id: '00000000-0000-0000-0000-000000000000' };

/**
 * Scores posts for listening (sentiment, term-list mentions, tags and key phrases) into
 * listening_scores, which the listening rollup reads; content tables are only read.
 *
 * - In the background (hourly): every kind from its cursor, (time, id) keyset, 2,000 posts per
 *   statement, so history is scored once and each run only reads what is new.
 * - Before a day is rolled up: that day's posts that are still unscored (written late, imported,
 *   approved after a hold), and scores of the day's posts that are no longer visible (deleted,
 *   held, removed, unpublished) are dropped, so a rolled-up day counts what people can read.
 *
 * Only visible posts are scored. An edited post keeps the score of the text first scored (edits
 * are not rescored); term lists apply to posts scored after they change.
 */
@Injectable()
export class ListeningScorer implements BackgroundTask {
  readonly name = 'listening-scores';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  run(): Promise<number> {
    return this.scoreNew();
  }

  /** Scores every post the cursors have not passed yet; returns how many it scored. */
  async scoreNew(): Promise<number> {
    const db: Sql = { query: (text, params) => this.dataSource.query(text, params) };
    const analyzer = await this.analyzer(db);
    const cutoff = new Date(this.clock.now().getTime() - SETTLE_MS);
    let scored = 0;
    for (const source of CONTENT_SOURCES) {
      const [saved] = await db.query<{ at: string; id: string }>(`SELECT after_at::text AS at, after_id::text AS id FROM listening_cursors WHERE content_kind = $1`, [source.kind]);
      let cursor = saved ?? START;
      for (;;) {
        const rows = await db.query<PostRow>(
          `${selectPosts(source)}
            WHERE ${source.time} <= $1 AND ${source.time} >= $2::timestamptz AND (${source.time}, id) > ($2::timestamptz, $3::uuid) AND ${source.visible}
            ORDER BY ${source.time}, id LIMIT ${SCORING_BATCH}`,
          [cutoff, cursor.at, cursor.id],
        );
        if (rows.length === 0) break;
        scored += await this.insert(db, source.kind, rows, analyzer);
        const last = rows[rows.length - 1];
        cursor = { at: last.at, id: last.id };
        await db.query(
          `INSERT INTO listening_cursors (content_kind, after_at, after_id, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (content_kind) DO UPDATE SET after_at = $2, after_id = $3, updated_at = $4
            WHERE (listening_cursors.after_at, listening_cursors.after_id) < ($2::timestamptz, $3::uuid)`,
          [source.kind, cursor.at, cursor.id, this.clock.now()],
        );
        if (rows.length < SCORING_BATCH) break;
      }
    }
    return scored;
  }

  /**
   * Brings a day's scores up to date before it is rolled up: drops scores of posts no longer
   * visible in it, and scores its visible posts not scored yet. Returns how many it scored.
   */
  async scoreDay(db: Sql, start: Date, end: Date): Promise<number> {
    const now = this.clock.now();
    for (const source of CONTENT_SOURCES) {
      await db.query(
        `DELETE FROM listening_scores s
          WHERE s.content_kind = $1 AND s.created_at >= $2 AND s.created_at < $3
            AND NOT EXISTS (SELECT 1 FROM ${source.table} c WHERE c.id = s.content_id AND c.${source.time} = s.created_at AND ${source.visible})`,
        [source.kind, start, end],
      );
    }
    let analyzer: PostAnalyzer | null = null;
    let scored = 0;
    for (const source of CONTENT_SOURCES) {
      let cursor = START;
      for (;;) {
        const rows = await db.query<PostRow>(
          `${selectPosts(source)}
            WHERE ${source.time} >= $1 AND ${source.time} < $2 AND ${source.time} <= $3
              AND (${source.time}, id) > ($4::timestamptz, $5::uuid) AND ${source.visible}
              AND NOT EXISTS (SELECT 1 FROM listening_scores s WHERE s.content_kind = $6 AND s.content_id = c.id)
            ORDER BY ${source.time}, id LIMIT ${SCORING_BATCH}`,
          [start, end, now, cursor.at, cursor.id, source.kind],
        );
        if (rows.length === 0) break;
        analyzer ??= await this.analyzer(db);
        scored += await this.insert(db, source.kind, rows, analyzer);
        const last = rows[rows.length - 1];
        cursor = { at: last.at, id: last.id };
        if (rows.length < SCORING_BATCH) break;
      }
    }
    return scored;
  }

  /** An analyzer with the term lists as they are now. */
  async analyzer(db: Sql): Promise<PostAnalyzer> {
    return new PostAnalyzer(await db.query<TermListTerms>(`SELECT kind, terms FROM listening_term_lists`), this.config.publicUrl);
  }

  /** Scores a batch of posts and writes them in one statement; a post scored meanwhile is left as it is. */
  private async insert(db: Sql, kind: ListenedKind, rows: readonly PostRow[], analyzer: PostAnalyzer): Promise<number> {
    const scores = rows.map((row) => {
      const analysis = analyzer.analyze(row.title, row.body);
      return {
        content_id: row.id,
        community_id: row.community_id,
        author_id: row.author_id,
        created_at: row.at,
        score: analysis.score,
        comparative: analysis.comparative,
        words: analysis.words,
        own: analysis.ownMentions,
        competitor: analysis.competitorMentions,
        cross_links: analysis.crossLinks,
        tags: [...new Set(row.tags)],
        phrases: analysis.phrases,
      };
    });
    const inserted = await db.query<{ n: number }>(
      `WITH inserted AS (
         INSERT INTO listening_scores (content_kind, content_id, community_id, author_id, created_at, score, comparative, words, own_mentions, competitor_mentions, cross_links, tags, phrases, scored_at)
         SELECT $1, x.content_id, x.community_id, x.author_id, x.created_at, x.score, x.comparative, x.words, x.own, x.competitor, x.cross_links, x.tags, x.phrases, $3
           FROM jsonb_to_recordset($2::jsonb) AS x(content_id uuid, community_id uuid, author_id uuid, created_at timestamptz, score integer,
                comparative double precision, words integer, own integer, competitor integer, cross_links integer, tags text[], phrases text[])
         ON CONFLICT (content_kind, content_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS n FROM inserted`,
      [kind, JSON.stringify(scores), this.clock.now()],
    );
    return inserted[0].n;
  }
}

function selectPosts(source: ContentSource): string {
  return `SELECT c.id::text AS id, c.community_id::text AS community_id, c.author_id::text AS author_id, c.${source.time}::text AS at,
                 ${source.title} AS title, c.body, ${source.tags} AS tags
            FROM ${source.table} c`;
}
