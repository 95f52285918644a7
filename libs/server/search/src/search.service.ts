import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { readableCommunityIdsSql } from '@commons/server-communities';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { initialsOf, normalizeTag } from '@commons/shared-contracts';
import type { SearchArgs, SearchHitType, SearchKind } from './dto/search.types';
import { requiredWords, WordFrequencies, type SearchedTable } from './word-frequencies';

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
 * all takes a scan of every match. Walking creation time backwards (an index) finds the
 * latest few hundred at once, and a rare word is found through the full-text index instead:
 * PostgreSQL picks by the word's frequency, which it estimates well for one word. The rest of
 * the query (other words, their order, excluded words) is checked on those candidates. Results
 * are the best of the latest matches, and the work per query stays bounded.
 */
const CANDIDATES_PER_KIND = 200;

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
    // Written into each condition, not taken from the CTE: the planner then knows the words and
    // picks the full-text index for rare ones and the walk back in time for common ones.
    const full = `websearch_to_tsquery('english', ${query})`;
    // What narrows the candidates: the rarest word every match must contain (the rest of the
    // query, excluded words and word order, is checked on the candidates), or the whole query
    // when it has alternatives (OR) or only excludes.
    const rarest = new Map<SearchedTable, string>();
    if (required.length > 0) for (const table of ['forum_threads', 'forum_replies', 'blog_posts', 'knowledge_articles'] as const) rarest.set(table, await this.words.rarest(table, required));
    const matches = (vector: string, table: SearchedTable) => {
      const word = rarest.get(table);
      return word === undefined ? `${vector} @@ ${full}` : `${vector} @@ ${param(`'${word.replace(/'/gu, "''")}'`)}::tsquery`;
    };
    const candidates = (select: string) => `(SELECT * FROM (${select}) c WHERE c.vector @@ ${full})`;
    const readable = readableCommunityIdsSql(viewer, param);
    const f = args.filter ?? {};
    const threadFilters: string[] = [];
    if (f.communityId) threadFilters.push(`t.community_id = ${param(f.communityId)}`);
    if (f.tag) threadFilters.push(`t.tags @> ARRAY[${param(normalizeTag(f.tag))}]::text[]`);
    if (f.answered === true) threadFilters.push(`t.kind = 'QUESTION' AND t.accepted_reply_id IS NOT NULL`);
    if (f.answered === false) threadFilters.push(`t.kind = 'QUESTION' AND t.accepted_reply_id IS NULL`);
    const authorAndDates = (alias: string) => {
      const list: string[] = [];
      if (f.authorId) list.push(`${alias}.author_id = ${param(f.authorId)}`);
      if (f.from) list.push(`${alias}.created_at >= ${param(f.from)}`);
      if (f.to) list.push(`${alias}.created_at < ${param(f.to)}`);
      return list;
    };
    const and = (conditions: string[]) => conditions.map((c) => ` AND ${c}`).join('');
    const parts: string[] = [];
    const wants = (kind: SearchKind) => !f.kind || f.kind === kind;
    if (wants('THREAD')) {
      parts.push(candidates(`SELECT 'THREAD' AS kind, t.id, t.id AS thread_id, t.community_id, t.author_id, t.title, t.body, t.created_at, t.search_vector AS vector
                    FROM forum_threads t
                   WHERE ${matches('t.search_vector', 'forum_threads')} AND t.deleted_at IS NULL AND t.moderation_state = 'VISIBLE'
                     AND t.community_id IN (SELECT id FROM readable)${and(threadFilters)}${and(authorAndDates('t'))}
                   ORDER BY t.created_at DESC LIMIT ${CANDIDATES_PER_KIND}`));
    }
    // Answered or not is about questions: posts drop out when that filter is set.
    if (wants('BLOG_POST') && (f.answered === undefined || f.answered === null)) {
      // Blog posts are searchable once published and their time has come.
      const blogFilters = [...(f.communityId ? [`p.community_id = ${param(f.communityId)}`] : []), ...(f.tag ? [`p.tags @> ARRAY[${param(normalizeTag(f.tag))}]::text[]`] : [])];
      parts.push(candidates(`SELECT 'BLOG_POST' AS kind, p.id, NULL::uuid AS thread_id, p.community_id, p.author_id, p.title, p.excerpt || ' ' || p.body AS body, p.published_at AS created_at, p.search_vector AS vector
                    FROM blog_posts p
                   WHERE ${matches('p.search_vector', 'blog_posts')} AND p.state = 'PUBLISHED' AND p.published_at <= now() AND p.moderation_state = 'VISIBLE'
                     AND p.community_id IN (SELECT id FROM readable)${and(blogFilters)}${and(authorAndDates('p'))}
                   ORDER BY p.published_at DESC LIMIT ${CANDIDATES_PER_KIND}`));
    }
    // Knowledge articles: their published version, platform-wide ones for employees (and for
    // customers and partners when shared with them), community ones like the community's content.
    if (wants('ARTICLE') && (f.answered === undefined || f.answered === null)) {
      const platform = viewer.role === PlatformRole.Admin || viewer.audience === Audience.Employee ? 'a.community_id IS NULL' : '(a.community_id IS NULL AND a.shared_externally)';
      const articleFilters = [
        ...(f.communityId ? [`a.community_id = ${param(f.communityId)}`] : []),
        ...(f.tag ? [`a.tags @> ARRAY[${param(normalizeTag(f.tag))}]::text[]`] : []),
        ...(f.authorId ? [`a.created_by = ${param(f.authorId)}`] : []),
        ...(f.from ? [`a.published_at >= ${param(f.from)}`] : []),
        ...(f.to ? [`a.published_at < ${param(f.to)}`] : []),
      ];
      parts.push(candidates(`SELECT 'ARTICLE' AS kind, a.id, NULL::uuid AS thread_id, a.community_id, a.created_by AS author_id, a.title, a.body, a.published_at AS created_at, a.search_vector AS vector
                    FROM knowledge_articles a
                   WHERE ${matches('a.search_vector', 'knowledge_articles')} AND a.published_version > 0 AND a.state <> 'ARCHIVED'
                     AND (${platform} OR a.community_id IN (SELECT id FROM readable))${and(articleFilters)}
                   ORDER BY a.published_at DESC LIMIT ${CANDIDATES_PER_KIND}`));
    }
    if (wants('REPLY')) {
      parts.push(candidates(`SELECT 'REPLY' AS kind, r.id, r.thread_id, r.community_id, r.author_id, t.title, r.body, r.created_at, r.search_vector AS vector
                    FROM forum_replies r JOIN forum_threads t ON t.id = r.thread_id
                   WHERE ${matches('r.search_vector', 'forum_replies')} AND r.deleted_at IS NULL AND t.deleted_at IS NULL AND r.moderation_state = 'VISIBLE' AND t.moderation_state = 'VISIBLE'
                     AND r.community_id IN (SELECT id FROM readable)${and(threadFilters)}${and(authorAndDates('r'))}
                   ORDER BY r.created_at DESC LIMIT ${CANDIDATES_PER_KIND}`));
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
