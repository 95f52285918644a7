import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import { readableCommunityIdsSql } from '@commons/server-communities';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { Audience, initialsOf, PlatformRole } from '@commons/shared-contracts';
import { KnowledgeArticleEntity } from './entities/knowledge-article.entity';
import { KnowledgeArticleVersionEntity } from './entities/knowledge-article-version.entity';
import { KnowledgeCollectionEntity } from './entities/knowledge-collection.entity';

export interface ArticleListFilter {
  communityId?: string | null;
  /** Only platform-wide articles. */
  platformOnly?: boolean | null;
  collectionId?: string | null;
  tag?: string | null;
}

export interface PersonRow {
  id: string;
  displayName: string;
  initials: string;
  title: string | null;
}

/**
 * The SQL of readers' article lists: what the viewer may not read is filtered in the query
 * (published, not archived, and platform-wide for their audience or in a community whose
 * content they may read), so pages are full and counts never leak.
 */
export function readableArticlesSql(viewer: Viewer, alias: string, param: (value: unknown) => string): string {
  const platform = viewer.role === PlatformRole.Admin || viewer.audience === Audience.Employee ? `${alias}.community_id IS NULL` : `(${alias}.community_id IS NULL AND ${alias}.shared_externally)`;
  return `${alias}.published_version > 0 AND ${alias}.state <> 'ARCHIVED'
    AND (${platform} OR ${alias}.community_id IN (${readableCommunityIdsSql(viewer, param)}))`;
}

@Injectable()
export class ArticleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published articles the viewer may read, most recently published first. */
  async readable(viewer: Viewer, filter: ArticleListFilter, args: { first: number; after?: string | null }) {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [readableArticlesSql(viewer, 'a', param)];
    if (filter.communityId) where.push(`a.community_id = ${param(filter.communityId)}`);
    if (filter.platformOnly) where.push(`a.community_id IS NULL`);
    if (filter.collectionId) where.push(`a.collection_id = ${param(filter.collectionId)}`);
    if (filter.tag) where.push(`a.tags @> ARRAY[${param(filter.tag)}]::text[]`);
    const after = decodeCursor(args.after);
    if (after) where.push(`(a.published_at, a.id) < (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);
    const rows = await this.page(`SELECT ${this.columns()} FROM knowledge_articles a WHERE ${where.join(' AND ')} ORDER BY a.published_at DESC, a.id DESC LIMIT ${param(args.first + 1)}`, params);
    return toConnection(rows, args.first, (r) => [(r.publishedAt as Date).toISOString(), r.id], after !== undefined);
  }

  /** Articles the viewer owns or reviews whose working copy is unpublished (DRAFT or IN_REVIEW), latest change first. */
  async work(viewerId: string, args: { first: number; after?: string | null }) {
    const params: unknown[] = [viewerId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const after = decodeCursor(args.after);
    const keyset = after ? ` AND (a.updated_at, a.id) < (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)` : '';
    const rows = await this.page(
      `SELECT ${this.columns()} FROM knowledge_articles a
        WHERE ($1 = ANY(a.owner_ids) OR $1 = ANY(a.reviewer_ids)) AND a.state IN ('DRAFT', 'IN_REVIEW')${keyset}
        ORDER BY a.updated_at DESC, a.id DESC LIMIT ${param(args.first + 1)}`,
      params,
    );
    return toConnection(rows, args.first, (r) => [r.updatedAt.toISOString(), r.id], after !== undefined);
  }

  /** Articles the viewer owns whose review is due, the longest overdue first. */
  async reviewDue(viewerId: string, now: Date, args: { first: number; after?: string | null }) {
    const params: unknown[] = [viewerId, now];
    const param = (value: unknown) => `$${params.push(value)}`;
    const after = decodeCursor(args.after);
    const keyset = after ? ` AND (a.review_due_at, a.id) > (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)` : '';
    const rows = await this.page(
      `SELECT ${this.columns()} FROM knowledge_articles a
        WHERE $1 = ANY(a.owner_ids) AND a.state <> 'ARCHIVED' AND a.published_version > 0 AND a.review_due_at <= $2${keyset}
        ORDER BY a.review_due_at, a.id LIMIT ${param(args.first + 1)}`,
      params,
    );
    return toConnection(rows, args.first, (r) => [(r.reviewDueAt as Date).toISOString(), r.id], after !== undefined);
  }

  async versions(articleId: string, args: { first: number; after?: string | null }) {
    const after = decodeCursor(args.after);
    const qb = this.dataSource
      .getRepository(KnowledgeArticleVersionEntity)
      .createQueryBuilder('v')
      .where('v.articleId = :articleId', { articleId })
      .orderBy('v.number', 'DESC')
      .take(args.first + 1);
    if (after) qb.andWhere('v.number < :number', { number: Number(after[0]) });
    const rows = await qb.getMany();
    return toConnection(rows, args.first, (r) => [r.number, r.id], after !== undefined);
  }

  async collections(communityId: string | null, parentId: string | null, args: { first: number; after?: string | null }) {
    const after = decodeCursor(args.after);
    const qb = this.dataSource
      .getRepository(KnowledgeCollectionEntity)
      .createQueryBuilder('c')
      .where(communityId ? 'c.communityId = :communityId' : 'c.communityId IS NULL', { communityId })
      .andWhere(parentId ? 'c.parentId = :parentId' : 'c.parentId IS NULL', { parentId })
      .orderBy('c.position', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(args.first + 1);
    if (after) qb.andWhere('(c.position, c.id) > (:position, :id)', { position: Number(after[0]), id: after[1] });
    const rows = await qb.getMany();
    return toConnection(rows, args.first, (r) => [r.position, r.id], after !== undefined);
  }

  /** People by id, for owners, reviewers and version authors (one statement per page). */
  async people(ids: readonly string[]): Promise<PersonRow[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; display_name: string; title: string | null }> = await this.dataSource.query(
      `SELECT id, display_name, title FROM accounts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, initials: initialsOf(r.display_name), title: r.title }));
  }

  /** Every column but the search vector, which lists never need. */
  private columns(): string {
    return this.dataSource
      .getMetadata(KnowledgeArticleEntity)
      .columns.filter((c) => c.databaseName !== 'search_vector')
      .map((c) => `a.${c.databaseName}`)
      .join(', ');
  }

  private async page(sql: string, params: unknown[]): Promise<KnowledgeArticleEntity[]> {
    const raw: Array<Record<string, unknown>> = await this.dataSource.query(sql, params);
    const metadata = this.dataSource.getMetadata(KnowledgeArticleEntity);
    return raw.map((r) => {
      const entity = new KnowledgeArticleEntity();
      for (const column of metadata.columns) if (column.databaseName in r) column.setEntityValue(entity, r[column.databaseName]);
      return entity;
    });
  }
}
