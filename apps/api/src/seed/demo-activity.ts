import type { EntityManager } from 'typeorm';
import { Audience, CommunityLifecycle, type CommunityRole, type CommunityVisibility, type SocialIntent, type UseCase } from '@commons/shared-contracts';
import { ContentGenerator, writeContent } from './content';
import type { Cell, RowSink } from './copy-writer';
import type { Community, Organisation, Person } from './organisation';
import type { SizeProfile } from './profiles';
import { Random, WeightedPicker } from './random';
import { TextMaker } from './text';
import { TOPICS } from './vocabulary';
import { seedTermLists } from './term-lists';

const DAY = 86_400_000;

/** The demo's background: a few hundred posts over 90 days, ending before its hand-written content. */
const DEMO_ACTIVITY: SizeProfile = { accounts: 0, departments: 0, communities: 0, posts: 400, longThreads: [], days: 90, pilotCohorts: 0 };
/** The hand-written threads and posts are from the last two days: the generated history stops before them. */
const QUIET_DAYS = 3;

/**
 * Rows INSERTed inside the caller's transaction, for a few hundred posts. All are kept until
 * `close`, which comes table by table in reference order (threads before their replies).
 */
class InsertWriter implements RowSink {
  private rows: Cell[][] = [];

  constructor(private readonly manager: EntityManager, private readonly table: string, private readonly columns: readonly string[]) {}

  async write(values: readonly Cell[]): Promise<void> {
    this.rows.push([...values]);
  }

  async close(): Promise<number> {
    const width = this.columns.length;
    for (let from = 0; from < this.rows.length; from += 200) {
      const batch = this.rows.slice(from, from + 200);
      const tuples = batch.map((_, r) => `(${this.columns.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
      await this.manager.query(`INSERT INTO ${this.table} (${this.columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, batch.flat());
    }
    return this.rows.length;
  }
}

/**
 * Gives the demo organisation a history: threads, replies, blog posts, comments and reactions
 * by its own members over the 90 days before its hand-written content, so every page and
 * dashboard looks alive. Deterministic, and written in the caller's transaction.
 */
export async function seedDemoActivity(manager: EntityManager, now: number, seed = 1): Promise<Record<string, number>> {
  const random = new Random(seed);
  const end = now - QUIET_DAYS * DAY;
  // People were on the platform before the communities they joined (accounts are created "now"):
  // otherwise the history's days would count no population, and the dashboards would hide them.
  await manager.query(`UPDATE accounts SET created_at = (SELECT min(created_at) FROM communities) - interval '1 day' WHERE created_at > (SELECT min(created_at) FROM communities)`);
  const accounts: Array<{ id: string; display_name: string; audience: Audience }> = await manager.query('SELECT id, display_name, audience FROM accounts ORDER BY email');
  const index = new Map(accounts.map((a, i) => [a.id, i]));
  const activity = random.sample(
    accounts.map((_, i) => i),
    accounts.length,
  );
  const people: Person[] = accounts.map((a) => ({
    id: a.id, email: '', displayName: a.display_name, department: null, title: '', role: 'MEMBER', audience: a.audience, createdAt: new Date(end), lastSignInAt: new Date(end), activity: 0,
  }));
  activity.forEach((person, rank) => (people[person].activity = 1 / Math.pow(rank + 1, 0.9)));

  const rows: Array<{ id: string; slug: string; name: string; created_at: Date; archived_at: Date | null; lifecycle: CommunityLifecycle; use_cases: string; intent: SocialIntent; visibility: CommunityVisibility; authors: 'MANAGERS' | 'MEMBERS' | null }> = await manager.query(
    `SELECT c.id, c.slug, c.name, c.created_at, c.archived_at, c.lifecycle, c.use_cases::text, c.intent, c.visibility, b.authors
       FROM communities c LEFT JOIN blog_settings b ON b.community_id = c.id ORDER BY c.slug`,
  );
  const memberships: Array<{ community_id: string; account_id: string; role: CommunityRole; joined_at: Date }> = await manager.query(
    'SELECT community_id, account_id, role, joined_at FROM community_memberships ORDER BY joined_at, account_id',
  );
  const categories: Array<{ id: string; community_id: string; name: string; slug: string }> = await manager.query('SELECT id, community_id, name, slug FROM forum_categories ORDER BY position, id');

  const communities: Community[] = [];
  for (const row of rows) {
    const members = memberships.filter((m) => m.community_id === row.id).map((m) => ({ person: index.get(m.account_id) as number, role: m.role, joinedAt: m.joined_at.getTime() }));
    const useCases = row.use_cases.replace(/[{}]/gu, '').split(',').filter(Boolean) as UseCase[];
    let own = categories.filter((c) => c.community_id === row.id).map(({ id, name, slug }) => ({ id, name, slug }));
    if (own.length === 0 && useCases.includes('FORUMS')) {
      const id = random.uuidv7(row.created_at.getTime());
      await manager.query(`INSERT INTO forum_categories (id, community_id, name, slug, description, position, created_at, updated_at) VALUES ($1, $2, 'General', 'general', 'Everything that has no better place.', 1, $3, $3)`, [id, row.id, row.created_at]);
      own = [{ id, name: 'General', slug: 'general' }];
    }
    communities.push({
      id: row.id,
      slug: row.slug,
      name: row.name,
      audiences: [Audience.Employee],
      visibility: row.visibility,
      intent: row.intent,
      useCases,
      // Pilots are for their cohort; their history is what the cohort wrote, which the demo writes by hand.
      lifecycle: row.lifecycle === CommunityLifecycle.Pilot ? CommunityLifecycle.Draft : row.lifecycle,
      ownerId: members[0] ? people[members[0].person].id : '',
      createdAt: Math.max(row.created_at.getTime(), end - DEMO_ACTIVITY.days * DAY),
      archivedAt: row.archived_at?.getTime() ?? null,
      topics: random.sample(TOPICS, 8),
      members,
      authors: new WeightedPicker(members.map((m) => people[m.person].activity)),
      categories: own,
      blogAuthors: row.authors ?? 'MANAGERS',
      cohortId: null,
    });
  }
  const organisation: Organisation = { people, communities, cohorts: [], start: end - DEMO_ACTIVITY.days * DAY, now: end };
  const text = new TextMaker(random.fork('text'), 300);
  await seedTermLists(manager);
  return writeContent(
    async (table, columns) => new InsertWriter(manager, table, columns),
    (writers) => new ContentGenerator(random.fork('content'), organisation, DEMO_ACTIVITY, text, writers, () => undefined).generate(),
  );
}
