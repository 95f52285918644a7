import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@commons/server-database';
import type { TestApp } from '@commons/server-testing';
import { renderMarkdown } from '@commons/server-core';
import { Random } from './seed/random';
import { SEED_PASSWORD, SeedRefused, seedOrganisation } from './seed/seed-organisation';
import { TextMaker } from './seed/text';
import { startTestApp } from './test/test-app';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const quiet = () => undefined;

/** A fingerprint of the generated content: equal fingerprints, equal organisations. */
async function fingerprint(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ f: string }>(`
    SELECT md5(
      (SELECT string_agg(id::text || email || display_name || audience, ',' ORDER BY id) FROM accounts) ||
      (SELECT string_agg(id::text || slug || lifecycle, ',' ORDER BY id) FROM communities) ||
      (SELECT string_agg(id::text || title || body || reply_count || coalesce(accepted_reply_id::text, '-'), ',' ORDER BY id) FROM forum_threads) ||
      (SELECT string_agg(id::text || thread_id::text || body || created_at::text, ',' ORDER BY id) FROM forum_replies) ||
      (SELECT string_agg(target_id::text || account_id::text || kind, ',' ORDER BY target_id, account_id, kind) FROM forum_reactions) ||
      (SELECT string_agg(id::text || slug || state, ',' ORDER BY id) FROM blog_posts)
    ) AS f`);
  return rows[0].f;
}

const indexesOf = async (pool: Pool) =>
  (await pool.query<{ d: string }>(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexdef`)).rows.map((r) => r.d);
const foreignKeysOf = async (pool: Pool) =>
  (await pool.query<{ n: string }>(`SELECT conname AS n FROM pg_constraint WHERE contype = 'f' ORDER BY conname`)).rows.map((r) => r.n);

describe('the organisation generator (npm run seed)', () => {
  let api: TestApp;
  let pool: Pool;
  let indexesBefore: string[];
  let foreignKeysBefore: string[];

  beforeAll(async () => {
    api = await startTestApp();
    pool = new Pool({ connectionString: api.database.url, max: 10 });
    pool.on('error', () => undefined);
    indexesBefore = await indexesOf(pool);
    foreignKeysBefore = await foreignKeysOf(pool);
    await seedOrganisation(pool, { size: 's', seed: 7, now: NOW, log: quiet });
  });
  afterAll(async () => {
    await pool.end();
    await api.close();
  });

  it('fills the platform at the size asked for, and gives the indexes and foreign keys back', async () => {
    const count = async (table: string) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    expect(await count('accounts')).toBe(1_000);
    expect(await count('communities')).toBe(24);
    const posts = (await count('forum_threads')) + (await count('forum_replies')) + (await count('blog_posts')) + (await count('blog_comments'));
    // About 50,000: the history stops at "now", which cuts the latest conversations short.
    expect(posts).toBeGreaterThan(45_000);
    expect(posts).toBeLessThanOrEqual(50_000);
    expect(await indexesOf(pool)).toEqual(indexesBefore);
    expect(await foreignKeysOf(pool)).toEqual(foreignKeysBefore);
  });

  it('keeps the counters and references the platform itself would keep', async () => {
    const { rows } = await pool.query<Record<string, string>>(`
      SELECT
        (SELECT count(*) FROM forum_threads t WHERE t.reply_count <> (SELECT count(*) FROM forum_replies r WHERE r.thread_id = t.id)) AS wrong_reply_counts,
        (SELECT count(*) FROM forum_threads t JOIN forum_replies r ON r.id = t.accepted_reply_id WHERE r.thread_id <> t.id OR t.kind <> 'QUESTION') AS stray_answers,
        (SELECT count(*) FROM forum_threads WHERE first_response_at < created_at OR resolved_at < first_response_at OR last_activity_at < created_at) AS time_travel,
        (SELECT count(*) FROM forum_threads t WHERE NOT EXISTS (SELECT 1 FROM community_memberships m WHERE m.community_id = t.community_id AND m.account_id = t.author_id)) AS outsiders,
        (SELECT count(*) FROM blog_posts p WHERE p.comment_count <> (SELECT count(*) FROM blog_comments c WHERE c.post_id = p.id)) AS wrong_comment_counts,
        (SELECT count(*) FROM blog_comments c JOIN blog_comments parent ON parent.id = c.parent_id WHERE parent.parent_id IS NOT NULL) AS deep_comments,
        (SELECT count(*) FROM blog_posts WHERE state = 'PUBLISHED' AND published_at <= now() AND announced_at IS NULL) AS unannounced,
        (SELECT max(reply_count) FROM forum_threads) AS longest_thread,
        (SELECT count(*) FROM forum_threads WHERE kind = 'QUESTION' AND reply_count = 0) AS unanswered,
        (SELECT count(*) FROM forum_threads WHERE accepted_reply_id IS NOT NULL) AS resolved`);
    // Published history counts as announced: the API's first start does not tell followers of old posts.
    expect(rows[0]).toMatchObject({ wrong_reply_counts: '0', stray_answers: '0', time_travel: '0', outsiders: '0', wrong_comment_counts: '0', deep_comments: '0', unannounced: '0' });
    expect(Number(rows[0]['longest_thread'])).toBeGreaterThanOrEqual(1_900);
    expect(Number(rows[0]['unanswered'])).toBeGreaterThan(0);
    expect(Number(rows[0]['resolved'])).toBeGreaterThan(0);
  });

  it('gives an organisation people can sign in to and read through the API', async () => {
    const admin = api.client();
    await admin.signIn('admin@commons.example', SEED_PASSWORD);
    const { rows } = await pool.query<{ id: string; slug: string }>(`SELECT t.id, c.slug FROM forum_threads t JOIN communities c ON c.id = t.community_id ORDER BY t.reply_count DESC LIMIT 1`);
    const page = await admin.data<{ thread: { title: string; replyCount: number; replies: { edges: Array<{ node: { author: { displayName: string } } }> } } }>(
      `query($id: ID!) { thread(id: $id) { title replyCount replies(first: 20) { edges { node { author { displayName } } } } } }`,
      { id: rows[0].id },
    );
    expect(page.thread.replyCount).toBeGreaterThanOrEqual(1_900);
    expect(page.thread.replies.edges).toHaveLength(20);
    const found = await admin.data<{ search: { edges: unknown[] } }>(`query { search(query: "kubernetes", first: 5) { edges { cursor } } }`);
    expect(found.search.edges).toHaveLength(5);
  });

  it('generates the same organisation from the same seed, and another from another', async () => {
    const again: TestDatabase = await createTestDatabase();
    const other: TestDatabase = await createTestDatabase();
    const againPool = new Pool({ connectionString: again.url, max: 10 });
    const otherPool = new Pool({ connectionString: other.url, max: 10 });
    // An idle connection ended by a database being dropped (WITH FORCE) is not this test's failure: the pool drops it.
    for (const p of [againPool, otherPool]) p.on('error', () => undefined);
    try {
      await seedOrganisation(againPool, { size: 's', seed: 7, now: NOW, log: quiet });
      await seedOrganisation(otherPool, { size: 's', seed: 8, now: NOW, log: quiet });
      const reference = await fingerprint(pool);
      expect(await fingerprint(againPool)).toBe(reference);
      expect(await fingerprint(otherPool)).not.toBe(reference);
    } finally {
      await againPool.end();
      await otherPool.end();
      await again.drop();
      await other.drop();
    }
  });

  it('stores with each generated body exactly the HTML the platform renders from its Markdown', () => {
    const text = new TextMaker(new Random(3), 200);
    const random = new Random(4);
    for (let n = 0; n < 300; n++) {
      const body = n % 3 === 0 ? text.reply() : text.body(1 + (n % 5), 'on-call', n % 7 === 0 ? text.mention('Ada Lovelace', random.uuidv7(NOW)) : undefined);
      expect(body.html).toBe(renderMarkdown(body.markdown.replace(/@\[([^\]]+)\]\(mention:([0-9a-f-]{36})\)/gu, '[@$1](/people/$2)')));
    }
  });

  it('refuses a database that has accounts unless asked to replace them', async () => {
    await expect(seedOrganisation(pool, { size: 's', seed: 7, now: NOW, log: quiet })).rejects.toBeInstanceOf(SeedRefused);
    expect(Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM accounts')).rows[0].n)).toBe(1_000);
  });
});

describe('the demo organisation (npm start on an empty database)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => api.close());

  it('has a few hundred posts over 90 days by its members, its hand-written threads the latest', async () => {
    const [row] = await api.dataSource.query<Array<Record<string, string>>>(`
      SELECT (SELECT count(*) FROM forum_threads) + (SELECT count(*) FROM forum_replies) + (SELECT count(*) FROM blog_posts) + (SELECT count(*) FROM blog_comments) AS posts,
             (SELECT count(*) FROM forum_threads t WHERE NOT EXISTS (SELECT 1 FROM community_memberships m WHERE m.community_id = t.community_id AND m.account_id = t.author_id)) AS outsiders,
             (SELECT extract(day FROM max(created_at) - min(created_at)) FROM forum_threads) AS days`);
    expect(Number(row['posts'])).toBeGreaterThanOrEqual(200);
    expect(Number(row['outsiders'])).toBe(0);
    expect(Number(row['days'])).toBeGreaterThanOrEqual(60);
    const reader = api.client();
    await reader.signIn('ada.lovelace@commons.example', SEED_PASSWORD);
    const { community } = await reader.data<{ community: { id: string } }>(`{ community(slug: "engineering-guild") { id } }`);
    const { threads } = await reader.data<{ threads: { edges: Array<{ node: { title: string } }> } }>(
      `query($c: ID!) { threads(communityId: $c, first: 3) { edges { node { title } } } }`,
      { c: community.id },
    );
    expect(threads.edges.map((e) => e.node.title)).toContain('Is there a shared staging environment for the mobile team?');
  });

  it('has a Center of Excellence run by a programme team member: published articles, a course and people’s expertise', async () => {
    const reader = api.client();
    await reader.signIn('ada.lovelace@commons.example', SEED_PASSWORD);
    const { knowledgeArticles } = await reader.data<{ knowledgeArticles: { edges: Array<{ node: { title: string } }> } }>(`{ knowledgeArticles(first: 10) { edges { node { title } } } }`);
    expect(knowledgeArticles.edges.map((e) => e.node.title)).toContain('How to start a community');
    const { courses } = await reader.data<{ courses: { edges: Array<{ node: { title: string } }> } }>(`{ courses(first: 10) { edges { node { title } } } }`);
    expect(courses.edges.map((e) => e.node.title)).toEqual(['Speaking for the company on social media']);
    const { findExperts } = await reader.data<{ findExperts: { edges: Array<{ node: { account: { displayName: string } } }> } }>(`{ findExperts(topic: "postgresql", first: 5) { edges { node { account { displayName } } } } }`);
    expect(findExperts.edges.map((e) => e.node.account.displayName)).toContain('Ada Lovelace');
    const coe = api.client();
    await coe.signIn('margaret.bartik@commons.example', SEED_PASSWORD);
    await expect(coe.data(`{ viewer { role } }`)).resolves.toEqual({ viewer: { role: 'COE' } });
  });
});
