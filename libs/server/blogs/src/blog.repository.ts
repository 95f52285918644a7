import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import { readableCommunityIdsSql } from '@commons/server-communities';
import { reactionSummarySql } from '@commons/server-forums';
import { decodeCursor, toConnection, type ConnectionArgs } from '@commons/server-graphql';
import { BlogAuthors, initialsOf, type BlogPostState, type ModerationState } from '@commons/shared-contracts';
import type { BlogCommentType } from './dto/blog.types';

export interface BlogPostRow {
  id: string;
  communityId: string;
  communityName: string;
  communitySlug: string;
  authorId: string;
  coAuthorIds: string[];
  slug: string;
  title: string;
  body: string;
  bodyHtml: string;
  excerpt: string;
  coverImageUrl: string | null;
  tags: string[];
  state: BlogPostState;
  publishedAt: Date | null;
  commentCount: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  moderationState: ModerationState;
  authors: BlogAuthors;
  author: { id: string; displayName: string; initials: string; title: string | null };
  reactions: Array<{ kind: string; count: number; mine: boolean }>;
}

type Raw = Record<string, unknown>;

const POST_COLUMNS = (viewer: string) => `p.id, p.community_id, c.name AS community_name, c.slug AS community_slug, p.author_id, p.co_author_ids,
  p.slug, p.title, p.body, p.body_html, p.excerpt, p.cover_image_url, p.tags, p.state, p.published_at, p.comment_count,
  p.created_at, p.updated_at, p.version, p.moderation_state, coalesce(s.authors, 'MANAGERS') AS blog_authors,
  a.display_name AS author_name, a.title AS author_title, ${reactionSummarySql('p', viewer)} AS reactions`;

const POST_FROM = `blog_posts p JOIN communities c ON c.id = p.community_id JOIN accounts a ON a.id = p.author_id
  LEFT JOIN blog_settings s ON s.community_id = p.community_id`;

function toRow(r: Raw): BlogPostRow {
  const name = r['author_name'] as string;
  return {
    id: r['id'] as string,
    communityId: r['community_id'] as string,
    communityName: r['community_name'] as string,
    communitySlug: r['community_slug'] as string,
    authorId: r['author_id'] as string,
    coAuthorIds: r['co_author_ids'] as string[],
    slug: r['slug'] as string,
    title: r['title'] as string,
    body: r['body'] as string,
    bodyHtml: r['body_html'] as string,
    excerpt: r['excerpt'] as string,
    coverImageUrl: r['cover_image_url'] as string | null,
    tags: r['tags'] as string[],
    state: r['state'] as BlogPostState,
    publishedAt: r['published_at'] as Date | null,
    commentCount: r['comment_count'] as number,
    createdAt: r['created_at'] as Date,
    updatedAt: r['updated_at'] as Date,
    version: r['version'] as number,
    moderationState: r['moderation_state'] as ModerationState,
    authors: r['blog_authors'] as BlogAuthors,
    author: { id: r['author_id'] as string, displayName: name, initials: initialsOf(name), title: (r['author_title'] as string | null) ?? null },
    reactions: r['reactions'] as BlogPostRow['reactions'],
  };
}

/** A page of published posts, optionally only those with a tag. */
export interface PostListArgs extends ConnectionArgs {
  tag?: string | null;
}

/** The condition for posts with the tag (served by the GIN index on tags); none without one. */
function tagged(tag: string | null | undefined, param: (value: unknown) => string): string {
  return tag ? `AND p.tags @> ARRAY[${param(tag)}]::text[]` : '';
}

function page<T extends { id: string }>(rows: Raw[], first: number, hadCursor: boolean, map: (r: Raw) => T, sortOf: (t: T) => number) {
  return toConnection(rows.map(map), first, (node) => [sortOf(node), node.id], hadCursor);
}

/** Blog queries, each page in one statement; "published" means PUBLISHED with its time come. */
@Injectable()
export class BlogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async post(viewerId: string, id: string): Promise<BlogPostRow | null> {
    const rows: Raw[] = await this.dataSource.query(`SELECT ${POST_COLUMNS('$1')} FROM ${POST_FROM} WHERE p.id = $2`, [viewerId, id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async idBySlug(communityId: string, slug: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM blog_posts WHERE community_id = $1 AND slug = $2', [communityId, slug]);
    return rows[0]?.id ?? null;
  }

  /** A community's published posts, newest first; with `includeOwn`, also the viewer's own drafts and scheduled posts. */
  async communityPosts(viewerId: string, communityId: string, args: PostListArgs) {
    const after = decodeCursor(args.after);
    const params: unknown[] = [viewerId, communityId, args.first + 1];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const keyset = after ? `AND (p.published_at, p.id) < (${param(new Date(Number(after[0])))}, ${param(after[1])}::uuid)` : '';
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${POST_COLUMNS('$1')} FROM ${POST_FROM}
        WHERE p.community_id = $2 AND p.state = 'PUBLISHED' AND p.published_at <= now() AND p.moderation_state = 'VISIBLE' ${tagged(args.tag, param)} ${keyset}
        ORDER BY p.published_at DESC, p.id DESC LIMIT $3`,
      params,
    );
    return page(rows, args.first, after !== undefined, toRow, (p) => (p.publishedAt as Date).getTime());
  }

  /** Latest published posts from every community the viewer may read: the filter is in the query. */
  async feed(viewer: Viewer, args: PostListArgs) {
    const after = decodeCursor(args.after);
    const params: unknown[] = [viewer.accountId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const readable = readableCommunityIdsSql(viewer, param);
    const keyset = after ? `AND (p.published_at, p.id) < (${param(new Date(Number(after[0])))}, ${param(after[1])}::uuid)` : '';
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${POST_COLUMNS('$1')} FROM ${POST_FROM}
        WHERE p.state = 'PUBLISHED' AND p.published_at <= now() AND p.moderation_state = 'VISIBLE' AND p.community_id IN (${readable}) ${tagged(args.tag, param)} ${keyset}
        ORDER BY p.published_at DESC, p.id DESC LIMIT ${param(args.first + 1)}`,
      params,
    );
    return page(rows, args.first, after !== undefined, toRow, (p) => (p.publishedAt as Date).getTime());
  }

  /** The viewer's drafts, scheduled, unpublished and awaiting-review posts (as author or co-author), latest first. */
  async mine(viewerId: string, args: ConnectionArgs) {
    const after = decodeCursor(args.after);
    const params: unknown[] = [viewerId, args.first + 1];
    const keyset = after ? `AND (p.updated_at, p.id) < ($3, $4::uuid)` : '';
    if (after) params.push(new Date(Number(after[0])), after[1]);
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${POST_COLUMNS('$1')} FROM ${POST_FROM}
        WHERE (p.author_id = $1 OR $1 = ANY(p.co_author_ids)) AND (p.state <> 'PUBLISHED' OR p.published_at > now() OR p.moderation_state <> 'VISIBLE') ${keyset}
        ORDER BY p.updated_at DESC, p.id DESC LIMIT $2`,
      params,
    );
    return page(rows, args.first, after !== undefined, toRow, (p) => p.updatedAt.getTime());
  }

  /** Comments of a post in time order (clients nest replies under their parent), in one statement; comments awaiting review only for their authors and moderators. */
  async comments(viewerId: string, moderator: boolean, postId: string, args: ConnectionArgs) {
    const after = decodeCursor(args.after);
    const params: unknown[] = [viewerId, postId, args.first + 1];
    const keyset = after ? `AND (r.created_at, r.id) > ($4, $5::uuid)` : '';
    if (after) params.push(new Date(Number(after[0])), after[1]);
    const rows: Raw[] = await this.dataSource.query(
      `SELECT r.id, r.parent_id, r.author_id, r.body_html, r.created_at, r.edited_at, r.deleted_at, r.moderation_state,
              a.display_name AS author_name, a.title AS author_title, ${reactionSummarySql('r', '$1')} AS reactions
         FROM blog_comments r JOIN accounts a ON a.id = r.author_id
        WHERE r.post_id = $2 ${moderator ? '' : `AND (r.moderation_state = 'VISIBLE' OR r.author_id = $1)`} ${keyset}
        ORDER BY r.created_at, r.id LIMIT $3`,
      params,
    );
    return page(
      rows,
      args.first,
      after !== undefined,
      (r): BlogCommentType & { createdAtMs: number } => {
        const deleted = r['deleted_at'] !== null;
        const name = r['author_name'] as string;
        return {
          id: r['id'] as string,
          parentId: r['parent_id'] as string | null,
          author: deleted ? null : { id: r['author_id'] as string, displayName: name, initials: initialsOf(name), title: (r['author_title'] as string | null) ?? null },
          bodyHtml: deleted ? '<p><em>Removed.</em></p>' : (r['body_html'] as string),
          createdAt: r['created_at'] as Date,
          editedAt: r['edited_at'] as Date | null,
          deleted,
          moderationState: r['moderation_state'] as ModerationState,
          reactions: r['reactions'] as BlogCommentType['reactions'],
          createdAtMs: (r['created_at'] as Date).getTime(),
        };
      },
      (c) => c.createdAtMs,
    );
  }
}
