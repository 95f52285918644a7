/**
 * How many posts a second the listening scorer keeps up with, end to end (read from the content
 * table, analyze, write the scores, move the cursor) on a real PostgreSQL, and the analysis alone.
 * Not a test (no assertions on time): run it by hand and read the numbers.
 *
 *   flock /tmp/commons-heavy.lock npx jest -c libs/server/analytics/jest.config.cjs \
 *     --testMatch '**\/scoring-throughput.bench.ts'
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, type AppConfig } from '@commons/server-core';
import { createTestDatabase, type TestDatabase } from '@commons/server-database';
import { ListeningScorer } from './listening-scorer';
import { PostAnalyzer } from './post-analyzer';

const POSTS = 20_000;
const SENTENCES = [
  'The new Acme Cloud dashboard is great and the rollout went smoothly.',
  'We compared it with Globex and the migration was painful, honestly terrible at times.',
  'Does anyone know how to rotate the API keys for the expense tool?',
  'Thanks for the quick answer, that solved my problem.',
  'Our quarterly planning meeting moves to Thursday afternoon in the main office.',
  'I am not happy with the latency of the VPN client since the last update.',
  'Here is the checklist for onboarding new colleagues in the support team.',
  'The Initech suite has a better export feature but the licence costs more.',
  'Please review the draft of the customer newsletter before Friday.',
  'Love the idea of a shared calendar for the whole department!',
];

class FixedClock extends Clock {
  now(): Date {
    return new Date('2030-01-01T00:00:00Z');
  }
}

function body(i: number): string {
  const parts: string[] = [];
  for (let k = 0; k < 6; k++) parts.push(SENTENCES[(i * 7 + k * 3) % SENTENCES.length] as string);
  return parts.join(' ');
}

describe('listening scorer throughput', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    const community = randomUUID();
    const category = randomUUID();
    const author = randomUUID();
    await dataSource.query(`INSERT INTO forum_categories (id, community_id, name, slug, position, created_at, updated_at) VALUES ($1, $2, 'General', 'general', 1, now(), now())`, [category, community]);
    await dataSource.query(
      `INSERT INTO listening_term_lists (id, key, name, kind, terms, created_at, updated_at) VALUES
         ($1, 'acme', 'Acme', 'OWN', '{Acme,Acme Cloud}', now(), now()), ($2, 'rivals', 'Rivals', 'COMPETITOR', '{Globex,Initech suite}', now(), now())`,
      [randomUUID(), randomUUID()],
    );
    for (let start = 0; start < POSTS; start += 5_000) {
      const rows = Array.from({ length: 5_000 }, (_, k) => ({ id: randomUUID(), title: `Post ${start + k} about the expense tool`, body: body(start + k), at: new Date(Date.UTC(2026, 0, 1) + (start + k) * 1_000).toISOString() }));
      await dataSource.query(
        `INSERT INTO forum_threads (id, community_id, category_id, author_id, kind, title, body, body_html, tags, created_at, last_activity_at)
         SELECT x.id, $2, $3, $4, 'DISCUSSION', x.title, x.body, '', '{expenses,tools}', x.at, x.at
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, title text, body text, at timestamptz)`,
        [JSON.stringify(rows), community, category, author],
      );
    }
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('measures', async () => {
    const analyzer = new PostAnalyzer([
      { kind: 'OWN', terms: ['Acme', 'Acme Cloud'] },
      { kind: 'COMPETITOR', terms: ['Globex', 'Initech suite'] },
    ]);
    const texts = Array.from({ length: POSTS }, (_, i) => body(i));
    let started = process.hrtime.bigint();
    for (const text of texts) analyzer.analyze('A title about the expense tool', text);
    const analysisMs = Number(process.hrtime.bigint() - started) / 1e6;

    const scorer = new ListeningScorer(dataSource, new FixedClock(), { publicUrl: 'https://commons.example' } as AppConfig);
    started = process.hrtime.bigint();
    const scored = await scorer.scoreNew();
    const endToEndMs = Number(process.hrtime.bigint() - started) / 1e6;

    const words = texts[0]?.split(/\s+/u).length;
    process.stdout.write(
      `\nListening scorer, ${POSTS} posts of ~${words} words:\n` +
        `  analysis only (sentiment, mentions, phrases): ${Math.round(POSTS / (analysisMs / 1000))} posts/s\n` +
        `  end to end (read, analyze, write ${scored} scores, cursor): ${Math.round(scored / (endToEndMs / 1000))} posts/s\n`,
    );
    expect(scored).toBe(POSTS);
  }, 300_000);
});
