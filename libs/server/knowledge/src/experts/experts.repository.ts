import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import { readableCommunityIdsSql } from '@commons/server-communities';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import { AccountVisibility, type AccountType } from '@commons/server-identity';
import { Audience, initialsOf, type PlatformRole } from '@commons/shared-contracts';
import type { ChampionType, CommunityActivitySummaryType } from './dto/champion.type';
import type { ExpertAnswerType, ExpertType } from './dto/expert.type';
import type { ExpertiseType } from './dto/expertise.type';
import { ExpertiseProfileEntity } from './entities/expertise-profile.entity';
import { ExpertiseTagEntity } from './entities/expertise-tag.entity';
import { SqlParams } from './sql-params';

/** The account columns every list here selects (alias `a`), mapped by accountOf. */
const ACCOUNT_COLUMNS = `a.id AS a_id, a.display_name AS a_display_name, a.department AS a_department, a.title AS a_title,
  a.role AS a_role, a.audience AS a_audience, a.created_at AS a_created_at, a.email AS a_email,
  a.last_sign_in_at AS a_last_sign_in_at, a.suspended_at AS a_suspended_at`;

type Row = Record<string, unknown>;

/** Private fields travel along; their own field rules (self or admin) decide whether they are shown. */
function accountOf(row: Row): AccountType {
  const displayName = row['a_display_name'] as string;
  return {
    id: row['a_id'] as string,
    displayName,
    initials: initialsOf(displayName),
    department: row['a_department'] as string | null,
    title: row['a_title'] as string | null,
    role: row['a_role'] as PlatformRole,
    audience: row['a_audience'] as Audience,
    createdAt: row['a_created_at'] as Date,
    email: row['a_email'] as string | null,
    lastSignInAt: row['a_last_sign_in_at'] as Date | null,
    suspendedAt: row['a_suspended_at'] as Date | null,
  };
}

export interface ChampionFilter {
  communityId?: string | null;
  department?: string | null;
  includePast: boolean;
  accountId?: string;
  championId?: string;
}

/** Expertise, expert search and champions: the only place with SQL in this part. */
@Injectable()
export class ExpertsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: AccountVisibility,
  ) {}

  /** Declared expertise of many people in one statement (people with none get an empty list). */
  async expertiseOf(accountIds: readonly string[]): Promise<Map<string, ExpertiseType>> {
    const rows: Array<{ account_id: string; tags: string[]; note: string | null; updated_at: Date | null }> = await this.dataSource.query(
      `SELECT ids.id AS account_id,
              COALESCE((SELECT array_agg(t.tag ORDER BY t.position) FROM expertise_tags t WHERE t.account_id = ids.id), '{}') AS tags,
              p.note, p.updated_at
         FROM unnest($1::uuid[]) AS ids(id)
         LEFT JOIN expertise_profiles p ON p.account_id = ids.id`,
      [accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, { tags: r.tags, note: r.note, updatedAt: r.updated_at }]));
  }

  /** Replaces a person's tags and note in the caller's transaction. */
  async replaceExpertise(manager: EntityManager, accountId: string, tags: string[], note: string | null, now: Date): Promise<void> {
    // The upsert locks the profile row first, so two saves by the same person replace the tags one after the other.
    await manager.upsert(ExpertiseProfileEntity, { accountId, note, updatedAt: now }, ['accountId']);
    await manager.delete(ExpertiseTagEntity, { accountId });
    if (tags.length > 0) await manager.insert(ExpertiseTagEntity, tags.map((tag, position) => ({ accountId, tag, position })));
  }

  /** The account condition for `viewer` (customers and partners see only people of communities opened to them). */
  private accountScope(viewer: Viewer, params: SqlParams): string {
    const scope = this.visibility.conditionFor(viewer, 'a');
    return scope ? params.named(scope.sql, scope.params) : 'TRUE';
  }

  /**
   * People ranked for a topic in one statement. Evidence comes only from visible, undeleted
   * posts in threads carrying one of `tags`, in communities the viewer may read; declared
   * expertise matches `tags` exactly or `prefix` from the start.
   */
  async findExperts(viewer: Viewer, tags: string[], prefix: string | null, first: number, after: string | null | undefined) {
    const position = decodeCursor(after);
    const p = new SqlParams();
    const tagsParam = p.add(tags);
    const sql = `
      WITH topic_threads AS MATERIALIZED (
        SELECT t.id, t.title, t.community_id, t.author_id, t.accepted_reply_id
          FROM forum_threads t
         WHERE t.tags && ${tagsParam}::text[] AND t.deleted_at IS NULL AND t.moderation_state = 'VISIBLE'
           AND t.community_id IN (${readableCommunityIdsSql(viewer, p.add)})
      ),
      accepted AS (
        SELECT r.author_id AS account_id, count(*)::int AS n
          FROM topic_threads t JOIN forum_replies r ON r.id = t.accepted_reply_id
         WHERE r.deleted_at IS NULL AND r.moderation_state = 'VISIBLE' AND r.author_id <> t.author_id
         GROUP BY r.author_id
      ),
      topic_posts AS (
        SELECT t.id AS post_id, t.author_id FROM topic_threads t
        UNION ALL
        SELECT r.id, r.author_id FROM topic_threads t JOIN forum_replies r ON r.thread_id = t.id
         WHERE r.deleted_at IS NULL AND r.moderation_state = 'VISIBLE'
      ),
      helpful AS (
        SELECT tp.author_id AS account_id, count(*)::int AS n
          FROM topic_posts tp JOIN forum_reactions x ON x.target_id = tp.post_id AND x.kind = 'HELPFUL' AND x.account_id <> tp.author_id
         GROUP BY tp.author_id
      ),
      declared AS (
        SELECT e.account_id, array_agg(e.tag ORDER BY e.position) AS matched
          FROM expertise_tags e
         WHERE e.tag = ANY(${tagsParam}::text[]) ${prefix ? `OR e.tag LIKE ${p.add(`${prefix}%`)}` : ''}
         GROUP BY e.account_id
      ),
      ranked AS (
        SELECT c.account_id, COALESCE(d.matched, '{}') AS matched, COALESCE(ac.n, 0) AS accepted, COALESCE(h.n, 0) AS helpful,
               (CASE WHEN d.account_id IS NULL THEN 0 ELSE 10 END) + 5 * COALESCE(ac.n, 0) + COALESCE(h.n, 0) AS score
          FROM (SELECT account_id FROM declared UNION SELECT account_id FROM accepted UNION SELECT account_id FROM helpful) c
          LEFT JOIN declared d ON d.account_id = c.account_id
          LEFT JOIN accepted ac ON ac.account_id = c.account_id
          LEFT JOIN helpful h ON h.account_id = c.account_id
      )
      SELECT ${ACCOUNT_COLUMNS}, r.score, r.matched, r.accepted, r.helpful, ep.note,
             COALESCE((SELECT array_agg(e.tag ORDER BY e.position) FROM expertise_tags e WHERE e.account_id = a.id), '{}') AS declared_tags,
             COALESCE((
               SELECT json_agg(json_build_object('threadId', x.id, 'threadTitle', x.title, 'replyId', x.reply_id,
                                                 'communityId', x.community_id, 'communitySlug', x.slug, 'answeredAt', x.created_at))
                 FROM (SELECT t.id, t.title, r2.id AS reply_id, t.community_id, co.slug, r2.created_at
                         FROM topic_threads t
                         JOIN forum_replies r2 ON r2.id = t.accepted_reply_id
                         JOIN communities co ON co.id = t.community_id
                        WHERE r2.author_id = a.id AND r2.author_id <> t.author_id AND r2.deleted_at IS NULL AND r2.moderation_state = 'VISIBLE'
                        ORDER BY r2.created_at DESC, r2.id DESC LIMIT 3) x
             ), '[]') AS answers
        FROM ranked r
        JOIN accounts a ON a.id = r.account_id
        LEFT JOIN expertise_profiles ep ON ep.account_id = a.id
       WHERE a.suspended_at IS NULL AND ${this.accountScope(viewer, p)}
         ${position ? `AND (r.score < ${p.add(Number(position[0]))} OR (r.score = ${p.add(Number(position[0]))} AND a.id > ${p.add(position[1])}))` : ''}
       ORDER BY r.score DESC, a.id ASC
       LIMIT ${p.add(first + 1)}`;
    const rows: Row[] = await this.dataSource.query(sql, p.values);
    const experts: ExpertType[] = rows.map((row) => ({
      account: accountOf(row),
      score: row['score'] as number,
      matchedTags: row['matched'] as string[],
      declaredTags: row['declared_tags'] as string[],
      note: row['note'] as string | null,
      acceptedAnswers: row['accepted'] as number,
      helpfulReactions: row['helpful'] as number,
      answers: (row['answers'] as Array<Omit<ExpertAnswerType, 'answeredAt'> & { answeredAt: string }>).map((a) => ({ ...a, answeredAt: new Date(a.answeredAt) })),
    }));
    return toConnection(experts, first, (e) => [e.score, e.account.id], position !== undefined);
  }

  /**
   * Champions as `viewer` may see them, by name: community champions of communities they may
   * read, department champions for employees only, and only people they may see.
   */
  async champions(viewer: Viewer, filter: ChampionFilter, now: Date, first: number, after: string | null | undefined) {
    const position = decodeCursor(after);
    const p = new SqlParams();
    const conditions = [
      `(ch.community_id IS NULL OR ch.community_id IN (${readableCommunityIdsSql(viewer, p.add)}))`,
      `(ch.community_id IS NOT NULL OR ${p.add(viewer.audience === Audience.Employee)})`,
      this.accountScope(viewer, p),
    ];
    if (!filter.includePast) conditions.push(`ch.starts_at <= ${p.add(now)} AND (ch.ends_at IS NULL OR ch.ends_at > ${p.add(now)})`);
    if (filter.communityId) conditions.push(`ch.community_id = ${p.add(filter.communityId)}`);
    if (filter.department) conditions.push(`lower(ch.department) = lower(${p.add(filter.department)})`);
    if (filter.accountId) conditions.push(`ch.account_id = ${p.add(filter.accountId)}`);
    if (filter.championId) conditions.push(`ch.id = ${p.add(filter.championId)}`);
    if (position) conditions.push(`(a.sort_name, ch.id) > (${p.add(String(position[0]))}, ${p.add(position[1])})`);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS}, a.sort_name, ch.id, ch.department, ch.community_id, ch.starts_at, ch.ends_at, c.name AS community_name, c.slug AS community_slug,
              (ch.starts_at <= ${p.add(now)} AND (ch.ends_at IS NULL OR ch.ends_at > ${p.add(now)})) AS current
         FROM champions ch
         JOIN accounts a ON a.id = ch.account_id
         LEFT JOIN communities c ON c.id = ch.community_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY a.sort_name, ch.id
        LIMIT ${p.add(first + 1)}`,
      p.values,
    );
    const champions = rows.map((row) => ({ sortName: row['sort_name'] as string, champion: championOf(row) }));
    const page = toConnection(champions, first, (c) => [c.sortName, c.champion.id], position !== undefined);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.champion })) };
  }

  /** Whether the account holds a current champion role, and the communities of its department roles' holder. */
  async currentRoles(accountId: string, now: Date): Promise<Array<{ communityId: string | null; department: string | null }>> {
    const rows: Array<{ community_id: string | null; department: string | null }> = await this.dataSource.query(
      `SELECT community_id, department FROM champions
        WHERE account_id = $1 AND starts_at <= $2 AND (ends_at IS NULL OR ends_at > $2)`,
      [accountId, now],
    );
    return rows.map((r) => ({ communityId: r.community_id, department: r.department }));
  }

  /** The communities a champion works in: those they champion, plus (for a department champion) those they belong to. */
  async dashboardCommunityIds(accountId: string | null, now: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = accountId
      ? await this.dataSource.query(
          `SELECT ch.community_id AS id FROM champions ch
            WHERE ch.account_id = $1 AND ch.community_id IS NOT NULL AND ch.starts_at <= $2 AND (ch.ends_at IS NULL OR ch.ends_at > $2)
           UNION
           SELECT m.community_id FROM community_memberships m
            WHERE m.account_id = $1 AND EXISTS (SELECT 1 FROM champions d WHERE d.account_id = $1 AND d.department IS NOT NULL
                                                  AND d.starts_at <= $2 AND (d.ends_at IS NULL OR d.ends_at > $2))
           LIMIT 100`,
          [accountId, now],
        )
      : await this.dataSource.query(
          `SELECT DISTINCT community_id AS id FROM champions
            WHERE community_id IS NOT NULL AND starts_at <= $1 AND (ends_at IS NULL OR ends_at > $1) LIMIT 100`,
          [now],
        );
    return rows.map((r) => r.id);
  }

  /** Simple activity counts per community since `since`, in one statement; held or hidden posts are not activity yet. */
  async activity(communityIds: readonly string[], since: Date): Promise<CommunityActivitySummaryType[]> {
    if (communityIds.length === 0) return [];
    const rows: Row[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.slug,
              (SELECT count(*)::int FROM community_memberships m WHERE m.community_id = c.id) AS members,
              (SELECT count(*)::int FROM community_memberships m WHERE m.community_id = c.id AND m.joined_at >= $2) AS new_members,
              (SELECT count(*)::int FROM forum_threads t WHERE t.community_id = c.id AND t.created_at >= $2 AND t.deleted_at IS NULL AND t.moderation_state = 'VISIBLE') AS threads,
              (SELECT count(*)::int FROM forum_replies r WHERE r.community_id = c.id AND r.created_at >= $2 AND r.deleted_at IS NULL AND r.moderation_state = 'VISIBLE') AS replies
         FROM communities c WHERE c.id = ANY($1::uuid[])
        ORDER BY c.sort_name, c.id`,
      [communityIds, since],
    );
    return rows.map((r) => ({
      communityId: r['id'] as string,
      name: r['name'] as string,
      slug: r['slug'] as string,
      members: r['members'] as number,
      newMembers: r['new_members'] as number,
      threads: r['threads'] as number,
      replies: r['replies'] as number,
    }));
  }

  async findAccount(id: string): Promise<AccountType | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1`, [id]);
    return rows[0] ? accountOf(rows[0]) : null;
  }
}

function championOf(row: Row): ChampionType {
  const communityId = row['community_id'] as string | null;
  return {
    id: row['id'] as string,
    account: accountOf(row),
    department: row['department'] as string | null,
    community: communityId ? { id: communityId, name: row['community_name'] as string, slug: row['community_slug'] as string } : null,
    startsAt: row['starts_at'] as Date,
    endsAt: row['ends_at'] as Date | null,
    current: row['current'] as boolean,
  };
}
