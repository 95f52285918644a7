import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, type Viewer } from '@commons/server-core';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { readableCommunityIdsSql } from '@commons/server-communities';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { initialsOf, normalizeTag } from '@commons/shared-contracts';
import type { SearchArgs, SearchHitType, SearchKind } from './dto/search.types';
import { requiredWords, WordFrequencies, type Narrowing, type SearchedTable } from './word-frequencies';

// Highlight markers PostgreSQL puts around matches; never present in escaped text.
const START = '\u0002';
const STOP = '\u0003';

/** Escapes text for HTML, then turns the match markers into <mark>. */
export function highlight(text: string): string {
  const escaped = text.replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
  return escaped.replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

/** Markdown punctuation that would only clutter a snippet. */
const plain = (markdown: string) => markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1').replace(/[*_`#>~|]+/gu, '');

/**
 * How many of the most recent posts of each kind that contain the query's rarest required
 * word are considered. A common word matches a large share of a million posts; ranking them
 * all takes a scan of every match. How the latest few hundred are found depends on how common
 * the word is (`narrowingFor`: the full-text index for a rare word, week by week for a middling
 * one, a walk back in time for a common one). The rest of the query (other words, their order,
 * excluded words) is checked on those candidates. Results are the best of the latest matches,
 * and the work per query stays bounded.
 */
const CANDIDATES_PER_KIND = 200;

/**
 * Each searched table's vector, its time (what "latest" means), whether it has a full-text
 * index that also knows each post's week (`<table>_search_weeks`: threads, replies, blog
 * posts; articles are few).
 */
const SEARCHED: Record<SearchedTable, { vector: string; time: string; weekly: boolean }> = {
  forum_threads: { vector: 't.search_vector', time: 't.created_at', weekly: true },
  blog_posts: { vector: 'p.search_vector', time: 'p.published_at', weekly: true },
  knowledge_articles: { vector: 'a.search_vector', time: 'a.published_at', weekly: false },
  forum_replies: { vector: 'r.search_vector', time: 'r.created_at', weekly: true },
};

/** A week as `search_week_vector` counts it: weeks since 1970-01-01 in UTC. */
const WEEK_MS = 7 * 24 * 3_600_000;
const weekOf = (at: Date): number => Math.floor(at.getTime() / WEEK_MS);
/**
 * Weeks read one by one before the rest is left to the planner. A middling word (in at least
 * 600 of a million posts: 6 a week over two years) fills 200 candidates within a few weeks for
 * someone who reads most communities; each week costs 0.1–1.5 ms.
 */
const WEEKS_READ = 16;

/**
 * Full-text search over forum threads and replies, blog posts and knowledge articles, ranked by relevance with a lean towards recent
 * posts, paged by keyset on that score. What the viewer may not read never leaves the
 * database: the readable-communities condition is part of the query.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly words: WordFrequencies,
    private readonly clock: Clock,
  ) {}

  async search(viewer: Viewer, args: SearchArgs) {
    // The query as the index sees it (stemmed, excluded words dropped), to narrow by its rarest word.
    const [{ tree }]: Array<{ tree: string }> = await this.dataSource.query(`SELECT querytree(websearch_to_tsquery('english', $1)) AS tree`, [args.query]);
    const required = requiredWords(tree);
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const query = param(args.query);
    // Written into each condition, not taken from the CTE: the planner then knows the words.
    const full = `websearch_to_tsquery('english', ${query})`;
    const f = args.filter ?? {};
    const now = this.clock.now();
    // What narrows the candidates: the rarest word every match must contain (the rest of the
    // query, excluded words and word order, is checked on the candidates), or the whole query
    // when it has alternatives (OR) or only excludes.
    const narrowings = new Map<SearchedTable, { word: string; narrowing: Narrowing }>();
    if (required.length > 0) {
      for (const table of Object.keys(SEARCHED) as SearchedTable[]) narrowings.set(table, await this.words.narrowing(table, required, CANDIDATES_PER_KIND));
    }
    // A community, tag or author filter leaves few matches per week: reading week by week would
    // run the filter's plan once per week. The planner weighs the index against the walk then.
    const narrowFilter = Boolean(f.communityId || f.tag || f.authorId);
    /** The latest candidates of one kind: `select` columns `FROM from WHERE conditions`, found as its table's word asks. */
    const latest = (table: SearchedTable, select: string, from: string, conditions: string[]) => {
      const { vector, time, weekly } = SEARCHED[table];
      const rows = (match: string) => `SELECT ${select}, ${time} AS at, ${vector} AS vector FROM ${from} WHERE ${match} AND ${conditions.join(' AND ')}`;
      const page = (match: string) => `${rows(match)} ORDER BY ${time} DESC LIMIT ${CANDIDATES_PER_KIND}`;
      // Every match from a full-text index, then the latest: OFFSET 0 keeps the planner from
      // walking back in time instead, which it may think cheaper (it cannot estimate a week).
      const fromIndex = (match: string) => `SELECT * FROM (${rows(match)} OFFSET 0) m ORDER BY m.at DESC LIMIT ${CANDIDATES_PER_KIND}`;
      const narrowing = narrowings.get(table);
      // Alternatives: the planner weighs the index against the walk.
      if (!narrowing) return page(`${vector} @@ ${full}`);
      const word = `${param(`'${narrowing.word.replace(/'/gu, "''")}'`)}::tsquery`;
      if (narrowing.narrowing === 'index') return fromIndex(`${vector} @@ ${word}`);
      if (narrowing.narrowing === 'walk' || !weekly || narrowFilter) return page(`${vector} @@ ${word}`);
      // Week by week, newest first, for at most WEEKS_READ weeks: the nested loop runs the weeks
      // in order and stops at the limit, so its rows are the latest candidates (an ORDER BY would
      // read every week). Bounds are constants, so the planner knows how many weeks there are.
      // Fewer matches than that (a viewer who reads few communities) leave the rest to the
      // planner, on older posts only; Append runs that part only when the weeks did not fill.
      const newest = weekOf(f.to && f.to < now ? f.to : now);
      const oldest = Math.max(newest - WEEKS_READ + 1, f.from ? weekOf(f.from) : -Infinity);
      if (oldest > newest) return page(`${vector} @@ ${word}`);
      const byWeek = `SELECT c.* FROM generate_series(${newest}, ${oldest}, -1) AS w(week)
                CROSS JOIN LATERAL (${fromIndex(`(${vector} || search_week_vector(${time})) @@ (${word} && ('''week ' || w.week || '''')::tsquery)`)}) c
               LIMIT ${CANDIDATES_PER_KIND}`;
      const older = page(`${vector} @@ ${word} AND ${time} < ${param(new Date(oldest * WEEK_MS))}::timestamptz`);
      return `SELECT * FROM ((${byWeek}) UNION ALL (${older})) latest LIMIT ${CANDIDATES_PER_KIND}`;
    };
    const candidates = (select: string) => `(SELECT * FROM (${select}) c WHERE c.vector @@ ${full})`;
    const readable = readableCommunityIdsSql(viewer, param);
    // Built for each part that uses them: a parameter no part uses has no type, which PostgreSQL refuses.
    const threadFilters = () => {
      const list: string[] = [];
      if (f.communityId) list.push(`t.community_id = ${param(f.communityId)}`);
      if (f.tag) list.push(`t.tags @> ARRAY[${param(normalizeTag(f.tag))}]::text[]`);
      if (f.answered === true) list.push(`t.kind = 'QUESTION' AND t.accepted_reply_id IS NOT NULL`);
      if (f.answered === false) list.push(`t.kind = 'QUESTION' AND t.accepted_reply_id IS NULL`);
      return list;
    };
    // Dates are the ones results show: creation, publication for blog posts.
    const authorAndDates = (table: SearchedTable, alias: string) => {
      const list: string[] = [];
      if (f.authorId) list.push(`${alias}.author_id = ${param(f.authorId)}`);
      if (f.from) list.push(`${SEARCHED[table].time} >= ${param(f.from)}`);
      if (f.to) list.push(`${SEARCHED[table].time} < ${param(f.to)}`);
      return list;
    };
    const parts: string[] = [];
    const wants = (kind: SearchKind) => !f.kind || f.kind === kind;
    if (wants('THREAD')) {
      parts.push(
        candidates(
          latest('forum_threads', `'THREAD' AS kind, t.id, t.id AS thread_id, t.community_id, t.author_id, t.title, t.body, t.created_at`, 'forum_threads t', [
            `t.deleted_at IS NULL`,
            `t.moderation_state = 'VISIBLE'`,
            `t.community_id IN (SELECT id FROM readable)`,
            ...threadFilters(),
            ...authorAndDates('forum_threads', 't'),
          ]),
        ),
      );
    }
    // Answered or not is about questions: posts drop out when that filter is set.
    if (wants('BLOG_POST') && (f.answered === undefined || f.answered === null)) {
      // Blog posts are searchable once published and their time has come.
      parts.push(
        candidates(
          latest(
            'blog_posts',
            `'BLOG_POST' AS kind, p.id, NULL::uuid AS thread_id, p.community_id, p.author_id, p.title, p.excerpt || ' ' || p.body AS body, p.published_at AS created_at`,
            'blog_posts p',
            [
              `p.state = 'PUBLISHED'`,
              `p.published_at <= now()`,
              `p.moderation_state = 'VISIBLE'`,
              `p.community_id IN (SELECT id FROM readable)`,
              ...(f.communityId ? [`p.community_id = ${param(f.communityId)}`] : []),
              ...(f.tag ? [`p.tags @> ARRAY[${param(normalizeTag(f.tag))}]::text[]`] : []),
              ...authorAndDates('blog_posts', 'p'),
            ],
          ),
        ),
      );
    }
    // Knowledge articles: their published version, platform-wide ones for employees (and for
    // customers and partners when shared with them), community ones like the community's content.
    if (wants('ARTICLE') && (f.answered === undefined || f.answered === null)) {
      const platform = viewer.role === PlatformRole.Admin || viewer.audience === Audience.Employee ? 'a.community_id IS NULL' : '(a.community_id IS NULL AND a.shared_externally)';
      parts.push(
        candidates(
          latest(
            'knowledge_articles',
            `'ARTICLE' AS kind, a.id, NULL::uuid AS thread_id, a.community_id, a.created_by AS author_id, a.title, a.body, a.published_at AS created_at`,
            'knowledge_articles a',
            [
              `a.published_version > 0`,
              `a.state <> 'ARCHIVED'`,
              `(${platform} OR a.community_id IN (SELECT id FROM readable))`,
              ...(f.communityId ? [`a.community_id = ${param(f.communityId)}`] : []),
              ...(f.tag ? [`a.tags @> ARRAY[${param(normalizeTag(f.tag))}]::text[]`] : []),
              ...(f.authorId ? [`a.created_by = ${param(f.authorId)}`] : []),
              ...(f.from ? [`a.published_at >= ${param(f.from)}`] : []),
              ...(f.to ? [`a.published_at < ${param(f.to)}`] : []),
            ],
          ),
        ),
      );
    }
    if (wants('REPLY')) {
      parts.push(
        candidates(
          latest(
            'forum_replies',
            `'REPLY' AS kind, r.id, r.thread_id, r.community_id, r.author_id, t.title, r.body, r.created_at`,
            'forum_replies r JOIN forum_threads t ON t.id = r.thread_id',
            [
              `r.deleted_at IS NULL`,
              `t.deleted_at IS NULL`,
              `r.moderation_state = 'VISIBLE'`,
              `t.moderation_state = 'VISIBLE'`,
              `r.community_id IN (SELECT id FROM readable)`,
              ...threadFilters(),
              ...authorAndDates('forum_replies', 'r'),
            ],
          ),
        ),
      );
    }
    const after = decodeCursor(args.after);
    const keyset = after ? `WHERE (h.score, h.id) < (${param(Number(after[0]))}::float8, ${param(after[1])}::uuid)` : '';
    const limit = param(args.first + 1);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
            readable AS (${readable}),
            hits AS (${parts.join(' UNION ALL ')}),
            page AS (
              SELECT * FROM (
                -- Relevance, leaning towards recent posts: a year of age weighs 0.1.
                SELECT hits.*, ts_rank_cd(hits.vector, q.query) + extract(epoch FROM hits.created_at) / 315360000.0 AS score FROM hits, q
              ) h ${keyset}
              ORDER BY h.score DESC, h.id DESC
              LIMIT ${limit}
            )
       SELECT page.kind, page.id, page.thread_id, (SELECT slug FROM blog_posts WHERE id = page.id) AS post_slug, page.community_id, page.author_id, page.created_at, page.score,
              c.name AS community_name, c.slug AS community_slug, a.display_name AS author_name, a.title AS author_title,
              ts_headline('english', page.title, q.query, 'HighlightAll=true, StartSel=${START}, StopSel=${STOP}') AS title_marked,
              ts_headline('english', page.body, q.query,
                'StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "') AS body_marked
         FROM page LEFT JOIN communities c ON c.id = page.community_id JOIN accounts a ON a.id = page.author_id, q
        ORDER BY page.score DESC, page.id DESC`,
      params,
    );
    // The keyset is the score, which the hit itself does not show.
    const scores = new Map(rows.map((r) => [r['id'] as string, Number(r['score'])]));
    const hits = rows.map((r): SearchHitType => ({
      kind: r['kind'] as SearchKind,
      id: r['id'] as string,
      threadId: (r['thread_id'] as string | null) ?? null,
      postSlug: (r['post_slug'] as string | null) ?? null,
      communityId: (r['community_id'] as string | null) ?? null,
      communityName: (r['community_name'] as string | null) ?? null,
      communitySlug: (r['community_slug'] as string | null) ?? null,
      titleHtml: highlight(r['title_marked'] as string),
      snippetHtml: highlight(plain(r['body_marked'] as string)),
      author: {
        id: r['author_id'] as string,
        displayName: r['author_name'] as string,
        initials: initialsOf(r['author_name'] as string),
        title: (r['author_title'] as string | null) ?? null,
      },
      createdAt: r['created_at'] as Date,
    }));
    return toConnection(hits, args.first, (hit) => [scores.get(hit.id) ?? 0, hit.id], after !== undefined);
  }
}
