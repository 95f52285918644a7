import type { Pool, PoolClient } from 'pg';
import { CommunityLifecycle, CommunityRole, METRIC_KEYS, UseCase } from '@commons/shared-contracts';
import { PasswordHasher } from '@commons/server-identity';
import { deferIndexes, restoreIndexes } from './bulk-load';
import { ContentGenerator, writeContent } from './content';
import { CopyWriter } from './copy-writer';
import { generateOrganisation, type Organisation } from './organisation';
import { SIZES, type SizeName } from './profiles';
import { Random } from './random';
import { TextMaker } from './text';
import { seedTermLists } from './term-lists';

export const SEED_PASSWORD = 'commons-demo';
const DAY = 86_400_000;

/** The tables a generated organisation fills, in an order their references allow. */
const TABLES = [
  'accounts', 'cohorts', 'cohort_members', 'communities', 'community_cohorts', 'community_memberships', 'community_membership_events',
  'community_objectives', 'forum_categories', 'blog_settings', 'forum_threads', 'forum_replies', 'forum_reactions', 'content_mentions',
  'forum_follows', 'blog_posts', 'blog_comments',
] as const;

export interface SeedOptions {
  size: SizeName;
  seed: number;
  /** The organisation's "today" (its history ends here); defaults to now. */
  now?: number;
  /** Empty the platform's tables first (otherwise a database with accounts is refused). */
  reset?: boolean;
  log: (line: string) => void;
  /** Called as posts are written: how many so far, of how many planned. */
  onPosts?: (written: number, planned: number) => void;
}

export interface SeedSummary {
  rows: Record<string, number>;
  seconds: number;
}

export class SeedRefused extends Error {}

/**
 * Generates an organisation into an empty, migrated database, deterministically from the
 * seed: people, communities and their memberships and cohorts through COPY, then a stream of
 * threads, replies, posts and comments; secondary indexes (the full-text ones included) and
 * foreign keys are dropped during the load and built once after it, then ANALYZE.
 */
export async function seedOrganisation(pool: Pool, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const size = SIZES[options.size];
  const now = options.now ?? Date.now();
  const random = new Random(options.seed);
  await prepare(pool, options);

  options.log(`Generating ${size.accounts.toLocaleString('en')} people and ${size.communities} communities (seed ${options.seed})…`);
  const organisation = generateOrganisation(random.fork('organisation'), size, now);
  const salt = Uint8Array.from({ length: 16 }, () => Math.floor(random.next() * 256));
  const passwordHash = await new PasswordHasher().hash(SEED_PASSWORD, salt);

  const deferred = await deferIndexes(pool, TABLES);
  const rows: Record<string, number> = {};
  try {
    await load(pool, organisation, passwordHash, random, options, rows);
  } finally {
    // Even after a failed load the schema gets its indexes and foreign keys back.
    options.log(`Building ${deferred.indexes.length} indexes and ${deferred.foreignKeys.length} foreign keys…`);
    const building = Date.now();
    await restoreIndexes(pool, deferred, 2, () => undefined);
    options.log(`  built in ${Math.round((Date.now() - building) / 1000)} s`);
  }
  await seedTermLists(pool);
  options.log('ANALYZE…');
  await pool.query('ANALYZE');
  return { rows, seconds: (Date.now() - started) / 1000 };
}

async function load(pool: Pool, organisation: Organisation, passwordHash: string, random: Random, options: SeedOptions, rows: Record<string, number>): Promise<void> {
  const size = SIZES[options.size];
  await withClient(pool, (client) => writeOrganisation(client, organisation, passwordHash, random.fork('objectives'), rows));
  options.log(`Wrote ${rows['accounts'].toLocaleString('en')} accounts, ${rows['community_memberships'].toLocaleString('en')} memberships.`);

  options.log(`Writing ${size.posts.toLocaleString('en')} posts over ${size.days} days…`);
  const text = new TextMaker(random.fork('text'), 4_000);
  const clients: PoolClient[] = [];
  try {
    const open = async (table: string, columns: readonly string[]) => {
      const client = await pool.connect();
      clients.push(client);
      return CopyWriter.open(client, table, columns);
    };
    Object.assign(rows, await writeContent(open, (writers) => new ContentGenerator(random.fork('content'), organisation, size, text, writers, (n) => options.onPosts?.(n, size.posts)).generate()));
  } finally {
    for (const client of clients) client.release();
  }

}

async function prepare(pool: Pool, options: SeedOptions): Promise<void> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM accounts');
  if (Number(rows[0].n) === 0) return;
  if (!options.reset) throw new SeedRefused(`The database already has ${rows[0].n} accounts: pass --reset to replace everything in it with a generated organisation.`);
  options.log('Emptying the platform tables (--reset)…');
  await emptyPlatformTables(pool);
}

/**
 * Empties every table of the platform, keeping the migrations' own bookkeeping. Replacing a
 * whole platform is an operator's act, not the application's: the append-only triggers (audit
 * log, decisions, policy versions) are bypassed for this one session as the database owner.
 * The API writes its default moderation policies again when it starts.
 */
export async function emptyPlatformTables(pool: Pool): Promise<void> {
  const { rows: tables } = await pool.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'typeorm_metadata')`,
  );
  await withClient(pool, async (client) => {
    await client.query(`SET session_replication_role = replica`);
    try {
      await client.query(`TRUNCATE ${tables.map((t) => t.name).join(', ')} CASCADE`);
    } finally {
      await client.query(`RESET session_replication_role`);
    }
  });
}

async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

async function copy(client: PoolClient, table: string, columns: readonly string[], rows: Iterable<ReadonlyArray<Parameters<CopyWriter['write']>[0][number]>>): Promise<number> {
  const writer = await CopyWriter.open(client, table, columns);
  for (const row of rows) await writer.write(row);
  return writer.close();
}

async function writeOrganisation(client: PoolClient, org: Organisation, passwordHash: string, random: Random, counts: Record<string, number>): Promise<void> {
  const { people, communities, cohorts, now } = org;
  const admin = people[0].id;
  counts['accounts'] = await copy(
    client,
    'accounts',
    ['id', 'email', 'password_hash', 'display_name', 'sort_name', 'department', 'title', 'role', 'last_sign_in_at', 'password_changed_at', 'created_at', 'updated_at', 'audience'],
    people.map((p) => [p.id, p.email, passwordHash, p.displayName, p.displayName.toLowerCase(), p.department, p.title, p.role, p.lastSignInAt, p.createdAt, p.createdAt, p.createdAt, p.audience]),
  );
  counts['cohorts'] = await copy(
    client,
    'cohorts',
    ['id', 'name', 'sort_name', 'description', 'created_by_id', 'created_at', 'updated_at'],
    cohorts.map((c) => [c.id, c.name, c.name.toLowerCase(), 'People who try a community first, before it opens to everyone.', admin, new Date(c.createdAt), new Date(c.createdAt)]),
  );
  counts['cohort_members'] = await copy(client, 'cohort_members', ['cohort_id', 'account_id', 'added_at'], cohorts.flatMap((c) => c.members.map((m) => [c.id, people[m].id, new Date(c.createdAt)])));
  counts['communities'] = await copy(
    client,
    'communities',
    ['id', 'slug', 'name', 'sort_name', 'description', 'charter', 'audiences', 'visibility', 'intent', 'intent_statement', 'use_cases', 'lifecycle', 'lifecycle_before_archive', 'owner_id', 'created_at', 'updated_at', 'archived_at'],
    communities.map((c) => [
      c.id, c.slug, c.name, c.name.toLowerCase(), `Where people talk about ${c.topics.slice(0, 3).join(', ')}.`,
      `## How we work here\n\n- Be kind and specific\n- Search before you ask\n- Mark the answer that solved it`,
      c.audiences, c.visibility, c.intent, `We want ${c.topics[0]} to be easier for everyone.`, c.useCases, c.lifecycle,
      c.lifecycle === CommunityLifecycle.Archived ? CommunityLifecycle.Active : null, c.ownerId, new Date(c.createdAt), new Date(c.archivedAt ?? c.createdAt), c.archivedAt === null ? null : new Date(c.archivedAt),
    ]),
  );
  counts['community_cohorts'] = await copy(client, 'community_cohorts', ['community_id', 'cohort_id', 'attached_at'], communities.filter((c) => c.cohortId).map((c) => [c.id, c.cohortId, new Date(c.createdAt)]));
  counts['community_memberships'] = await copy(
    client,
    'community_memberships',
    ['community_id', 'account_id', 'role', 'joined_at'],
    communities.flatMap((c) => c.members.map((m) => [c.id, people[m.person].id, m.role, new Date(m.joinedAt)])),
  );
  // History as the platform keeps it: everyone joined as a member (the owner as manager),
  // moderators were promoted later, and some people came and left again.
  const events = function* () {
    for (const c of communities) {
      const members = new Set(c.members.map((m) => m.person));
      for (const [i, m] of c.members.entries()) {
        const id = people[m.person].id;
        yield [random.uuidv7(m.joinedAt), c.id, id, 'JOINED', i === 0 ? CommunityRole.Manager : CommunityRole.Member, null, id, null, new Date(m.joinedAt)];
        if (i > 0 && m.role !== CommunityRole.Member) {
          const at = m.joinedAt + (now - m.joinedAt) * random.next() * 0.5;
          yield [random.uuidv7(at), c.id, id, 'ROLE_CHANGED', m.role, CommunityRole.Member, c.ownerId, null, new Date(at)];
        }
      }
      for (let n = 0; n < Math.floor(c.members.length * 0.05); n++) {
        const person = random.int(0, people.length - 1);
        if (members.has(person) || people[person].audience !== 'EMPLOYEE') continue;
        const joined = c.createdAt + (now - c.createdAt) * random.next() * 0.7;
        const left = joined + (now - joined) * random.next();
        const id = people[person].id;
        yield [random.uuidv7(joined), c.id, id, 'JOINED', CommunityRole.Member, null, id, null, new Date(joined)];
        yield [random.uuidv7(left), c.id, id, 'LEFT', null, CommunityRole.Member, id, null, new Date(left)];
      }
    }
  };
  counts['community_membership_events'] = await copy(client, 'community_membership_events', ['id', 'community_id', 'account_id', 'kind', 'role', 'previous_role', 'actor_id', 'reason', 'occurred_at'], events());
  const objectives = communities
    .filter((c) => c.lifecycle === CommunityLifecycle.Active || c.lifecycle === CommunityLifecycle.Pilot)
    .flatMap((c) =>
      random.sample(METRIC_KEYS, random.int(1, 3)).map((key) => {
        const lowerIsBetter = key === 'MEDIAN_FIRST_RESPONSE_MINUTES';
        const baseline = lowerIsBetter ? random.int(60, 600) : key.endsWith('RATIO') || key === 'RESOLUTION_RATE' || key === 'SHARE_OF_VOICE' ? random.int(10, 50) / 100 : random.int(1, 5);
        const target = lowerIsBetter ? Math.round(baseline * 0.5) : Math.round(baseline * 1.5 * 100) / 100;
        const due = new Date(now + random.int(30, 240) * DAY).toISOString().slice(0, 10);
        return [random.uuidv7(c.createdAt), c.id, key, '', baseline, target, lowerIsBetter ? 'DOWN' : 'UP', due, c.ownerId, new Date(c.createdAt), new Date(c.createdAt)];
      }),
    );
  counts['community_objectives'] = await copy(client, 'community_objectives', ['id', 'community_id', 'metric_key', 'title', 'baseline', 'target', 'direction', 'due_date', 'owner_id', 'created_at', 'updated_at'], objectives);
  counts['forum_categories'] = await copy(
    client,
    'forum_categories',
    ['id', 'community_id', 'name', 'slug', 'description', 'position', 'created_at', 'updated_at'],
    communities.flatMap((c) => c.categories.map((cat, i) => [cat.id, c.id, cat.name, cat.slug, cat.name === 'General' ? 'Everything that has no better place.' : `Questions and write-ups about ${cat.name.toLowerCase()}.`, i + 1, new Date(c.createdAt), new Date(c.createdAt)])),
  );
  counts['blog_settings'] = await copy(client, 'blog_settings', ['community_id', 'authors', 'updated_at'], communities.filter((c) => c.useCases.includes(UseCase.Blogs)).map((c) => [c.id, c.blogAuthors, new Date(c.createdAt)]));
}
