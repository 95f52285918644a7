import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, toConnection, type ConnectionArgs } from '@commons/server-graphql';
import { initialsOf, type ModerationState, type ReactionKind, type ThreadKind } from '@commons/shared-contracts';
import type { PostAuthorType, ReactionCountType, ReplyQuoteType, TagCountType } from './dto/forum.types';
import type { ThreadFilter } from './dto/forum.inputs';
import { reactionSummarySql } from './reaction-targets';

/** A thread as pages show it: the row, its author and its reactions with the viewer's own. */
export interface ThreadRow {
  id: string;
  communityId: string;
  categoryId: string;
  authorId: string;
  kind: ThreadKind;
  title: string;
  body: string;
  bodyHtml: string;
  tags: string[];
  lockedAt: Date | null;
  pinnedAt: Date | null;
  duplicateOfId: string | null;
  replyCount: number;
  viewCount: number;
  firstResponseAt: Date | null;
  acceptedReplyId: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  lastActivityAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  version: number;
  moderationState: ModerationState;
  author: PostAuthorType | null;
  reactions: ReactionCountType[];
}

export interface ReplyRow {
  id: string;
  threadId: string;
  communityId: string;
  authorId: string;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  version: number;
  moderationState: ModerationState;
  author: PostAuthorType | null;
  replyTo: ReplyQuoteType | null;
  reactions: ReactionCountType[];
}

/** Reactions of a post (alias `target`) with whether the viewer ($1) is among them. */
const REACTIONS = (target: string) => `${reactionSummarySql(target, '$1')} AS reactions`;

const THREAD_COLUMNS = `t.id, t.community_id, t.category_id, t.author_id, t.kind, t.title, t.body, t.body_html, t.tags,
  t.locked_at, t.pinned_at, t.duplicate_of_id, t.reply_count, t.view_count, t.first_response_at, t.accepted_reply_id, t.resolved_at,
  t.created_at, t.last_activity_at, t.edited_at, t.deleted_at, t.version, t.moderation_state,
  a.display_name AS author_name, a.title AS author_title`;

type Raw = Record<string, unknown>;

/**
 * How many of a community's threads (in the forum's order: pinned, then latest activity) tag
 * suggestions count over. Measured at size l in the largest community (~12,000 threads):
 * 2,000 rows read backwards through the index take ~12 ms warm, 5,000 ~25 ms.
 */
export const TAG_SUGGESTION_WINDOW = 2000;

function author(id: string, name: unknown, title: unknown): PostAuthorType {
  return { id, displayName: String(name), initials: initialsOf(String(name)), title: (title as string | null) ?? null };
}

function toThreadRow(r: Raw): ThreadRow {
  return {
    id: r['id'] as string,
    communityId: r['community_id'] as string,
    categoryId: r['category_id'] as string,
    authorId: r['author_id'] as string,
    kind: r['kind'] as ThreadKind,
    title: r['title'] as string,
    body: r['body'] as string,
    bodyHtml: r['body_html'] as string,
    tags: r['tags'] as string[],
    lockedAt: r['locked_at'] as Date | null,
    pinnedAt: r['pinned_at'] as Date | null,
    duplicateOfId: r['duplicate_of_id'] as string | null,
    replyCount: r['reply_count'] as number,
    viewCount: r['view_count'] as number,
    firstResponseAt: r['first_response_at'] as Date | null,
    acceptedReplyId: r['accepted_reply_id'] as string | null,
    resolvedAt: r['resolved_at'] as Date | null,
    createdAt: r['created_at'] as Date,
    lastActivityAt: r['last_activity_at'] as Date,
    editedAt: r['edited_at'] as Date | null,
    deletedAt: r['deleted_at'] as Date | null,
    version: r['version'] as number,
    moderationState: r['moderation_state'] as ModerationState,
    author: author(r['author_id'] as string, r['author_name'], r['author_title']),
    reactions: (r['reactions'] as ReactionCountType[] | undefined) ?? [],
  };
}

/** Replies with authors, quotes and the reactions summary; $1 is the viewer (for "mine"). */
const REPLY_SELECT = `SELECT r.id, r.thread_id, r.community_id, r.author_id, r.body, r.body_html, r.created_at, r.edited_at, r.deleted_at, r.version, r.moderation_state,
        a.display_name AS author_name, a.title AS author_title,
        q.id AS quote_id, (q.deleted_at IS NOT NULL OR q.moderation_state <> 'VISIBLE') AS quote_hidden, left(q.body, 280) AS quote_body, qa.display_name AS quote_author,
        ${REACTIONS('r')}
   FROM forum_replies r
   JOIN accounts a ON a.id = r.author_id
   LEFT JOIN forum_replies q ON q.id = r.reply_to_id
   LEFT JOIN accounts qa ON qa.id = q.author_id`;

function toReplyRow(r: Raw): ReplyRow {
  return {
    id: r['id'] as string,
    threadId: r['thread_id'] as string,
    communityId: r['community_id'] as string,
    authorId: r['author_id'] as string,
    body: r['body'] as string,
    bodyHtml: r['body_html'] as string,
    createdAt: r['created_at'] as Date,
    editedAt: r['edited_at'] as Date | null,
    deletedAt: r['deleted_at'] as Date | null,
    version: r['version'] as number,
    moderationState: r['moderation_state'] as ModerationState,
    author: author(r['author_id'] as string, r['author_name'], r['author_title']),
    replyTo: r['quote_id']
      ? {
          id: r['quote_id'] as string,
          authorName: r['quote_hidden'] ? null : (r['quote_author'] as string),
          excerpt: r['quote_hidden'] ? '' : (r['quote_body'] as string),
        }
      : null,
    reactions: r['reactions'] as ReactionCountType[],
  };
}

/** Forum queries: every page in a fixed number of statements, keyset-paged. */
@Injectable()
export class ForumRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One thread with its author and reactions, in one statement. */
  async thread(viewerId: string, id: string): Promise<ThreadRow | null> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${THREAD_COLUMNS}, ${REACTIONS('t')}
         FROM forum_threads t JOIN accounts a ON a.id = t.author_id WHERE t.id = $2`,
      [viewerId, id],
    );
    return rows[0] ? toThreadRow(rows[0]) : null;
  }

  /**
   * A page of a community's threads: pinned first, then by latest activity, with authors,
   * in one statement. Cursor: [pinned flag and activity time, id]. Threads awaiting review
   * are listed only to their authors and, with `moderator`, to the community's moderators.
   */
  async threads(viewerId: string, moderator: boolean, communityId: string, filter: ThreadFilter | null | undefined, args: ConnectionArgs) {
    const after = decodeCursor(args.after);
    const params: unknown[] = [communityId];
    const where = ['t.community_id = $1'];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (!moderator) where.push(`(t.moderation_state = 'VISIBLE' OR t.author_id = ${param(viewerId)})`);
    if (filter?.categoryId) where.push(`t.category_id = ${param(filter.categoryId)}`);
    if (filter?.kind) where.push(`t.kind = ${param(filter.kind)}`);
    if (filter?.unanswered) where.push('t.first_response_at IS NULL');
    if (filter?.unresolved) where.push(`t.kind = 'QUESTION' AND t.accepted_reply_id IS NULL`);
    if (filter?.tag) where.push(`t.tags @> ARRAY[${param(filter.tag)}]::text[]`);
    if (after) {
      const [flag, time] = String(after[0]).split('|');
      where.push(`((t.pinned_at IS NOT NULL)::int, t.last_activity_at, t.id) < (${param(Number(flag))}, ${param(new Date(Number(time)))}, ${param(after[1])}::uuid)`);
    }
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${THREAD_COLUMNS}, '[]'::json AS reactions
         FROM forum_threads t JOIN accounts a ON a.id = t.author_id
        WHERE ${where.join(' AND ')}
        ORDER BY (t.pinned_at IS NOT NULL)::int DESC, t.last_activity_at DESC, t.id DESC
        LIMIT ${param(args.first + 1)}`,
      params,
    );
    return toConnection(rows.map(toThreadRow), args.first, (t) => [`${t.pinnedAt ? 1 : 0}|${t.lastActivityAt.getTime()}`, t.id], after !== undefined);
  }

  /** A page of replies in time order with authors, quotes and reactions, in one statement; replies awaiting review as for threads. */
  async replies(viewerId: string, moderator: boolean, threadId: string, args: ConnectionArgs) {
    const after = decodeCursor(args.after);
    const params: unknown[] = [viewerId, threadId, args.first + 1];
    let keyset = '';
    if (after) {
      params.push(new Date(Number(after[0])), after[1]);
      keyset = 'AND (r.created_at, r.id) > ($4, $5::uuid)';
    }
    const visible = moderator ? '' : `AND (r.moderation_state = 'VISIBLE' OR r.author_id = $1)`;
    const rows: Raw[] = await this.dataSource.query(`${REPLY_SELECT} WHERE r.thread_id = $2 ${visible} ${keyset} ORDER BY r.created_at, r.id LIMIT $3`, params);
    return toConnection(rows.map(toReplyRow), args.first, (r) => [r.createdAt.getTime(), r.id], after !== undefined);
  }

  /** One reply as a page of replies shows it, whoever may read it (the caller checks). */
  async reply(viewerId: string, id: string): Promise<ReplyRow | null> {
    const rows: Raw[] = await this.dataSource.query(`${REPLY_SELECT} WHERE r.id = $2`, [viewerId, id]);
    return rows[0] ? toReplyRow(rows[0]) : null;
  }

  /** What deciding who may read a thread needs, without anyone's reactions (realtime delivery). */
  async threadFacts(id: string): Promise<{ communityId: string; authorId: string; moderationState: ModerationState } | null> {
    const rows: Array<{ community_id: string; author_id: string; moderation_state: ModerationState }> = await this.dataSource.query(
      'SELECT community_id, author_id, moderation_state FROM forum_threads WHERE id = $1',
      [id],
    );
    return rows[0] ? { communityId: rows[0].community_id, authorId: rows[0].author_id, moderationState: rows[0].moderation_state } : null;
  }

  /** Which of `accountIds` reacted to a post, and how: one statement for every subscriber of an event. */
  async reactionsBy(targetId: string, accountIds: readonly string[]): Promise<Map<string, ReactionKind[]>> {
    const rows: Array<{ account_id: string; kinds: ReactionKind[] }> = await this.dataSource.query(
      'SELECT account_id, array_agg(kind::text ORDER BY kind) AS kinds FROM forum_reactions WHERE target_id = $1 AND account_id = ANY($2::uuid[]) GROUP BY account_id',
      [targetId, accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, r.kinds]));
  }

  /**
   * The tags of a community's threads, most used first, for suggestions: tags starting with
   * `prefix` (already normalised), then tags with a word starting with it ("flags" finds
   * "feature-flags"). Counted over the first `TAG_SUGGESTION_WINDOW` threads of the forum's list
   * (pinned, then most recently active), read backwards through its (community, pinned, activity,
   * id) index, so the cost stays bounded however big the forum grows; deleted threads do not
   * count. One statement.
   */
  async communityTags(communityId: string, prefix: string, first: number): Promise<TagCountType[]> {
    const rows: Array<{ tag: string; count: number }> = await this.dataSource.query(
      `SELECT tag, count(*)::int AS count
         FROM (SELECT t.tags FROM forum_threads t
                WHERE t.community_id = $1 AND t.deleted_at IS NULL AND t.moderation_state = 'VISIBLE'
                ORDER BY (t.pinned_at IS NOT NULL)::int DESC, t.last_activity_at DESC, t.id DESC
                LIMIT $4) recent
        CROSS JOIN LATERAL unnest(recent.tags) AS tag
        WHERE $2 = '' OR starts_with(tag, $2) OR strpos(tag, '-' || $2) > 0
        GROUP BY tag
        ORDER BY ($2 = '' OR starts_with(tag, $2)) DESC, count(*) DESC, tag
        LIMIT $3`,
      [communityId, prefix, first, TAG_SUGGESTION_WINDOW],
    );
    return rows;
  }

  /** A post's author as posts show them. */
  async author(accountId: string): Promise<PostAuthorType | null> {
    return (await this.authors([accountId]))[0] ?? null;
  }

  /** People as posts show them, in the order asked (those not found left out). */
  async authors(accountIds: readonly string[]): Promise<PostAuthorType[]> {
    if (accountIds.length === 0) return [];
    const rows: Array<{ id: string; display_name: string; title: string | null }> = await this.dataSource.query(
      'SELECT id, display_name, title FROM accounts WHERE id = ANY($1::uuid[])',
      [accountIds],
    );
    const byId = new Map(rows.map((r) => [r.id, author(r.id, r.display_name, r.title)]));
    return accountIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** Reactions for any posts, e.g. after a reaction changed. */
  async reactions(viewerId: string, targetId: string): Promise<ReactionCountType[]> {
    const rows: Array<{ kind: ReactionKind; count: number; mine: boolean }> = await this.dataSource.query(
      `SELECT kind, count(*)::int AS count, bool_or(account_id = $1) AS mine FROM forum_reactions WHERE target_id = $2 GROUP BY kind ORDER BY kind`,
      [viewerId, targetId],
    );
    return rows;
  }
}
