#!/usr/bin/env node
// The benchmark's baseline: raw Fastify + pg handlers that send the same SQL as the API for
// the same page, with none of the framework around it (no Nest, no GraphQL, no TypeORM).
//
// "The same SQL" is taken literally: the handlers call the API's own compiled repository
// code (dist/apps/api/libs/...) through a two-line stand-in for TypeORM's DataSource that
// passes the text and parameters straight to a pg pool. When a repository's SQL changes, the
// baseline changes with it. Only the session lookup (copied from SessionsService.resolve)
// and the posting INSERTs (a raw INSERT is the point of that baseline) are written here.
//
// Environment: DATABASE_URL, PORT, HOST, SECRET_KEY (the API's, to hash session tokens the
// same way), SESSION_COOKIE (the cookie's name), DATABASE_POOL_MAX (the API's pool size).
import 'reflect-metadata';
import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { repoRoot } from '../lib/embedded-postgres.mjs';
import { dashboardRoutes } from './lib/dashboard-routes.mjs';

const env = process.env;
const require = createRequire(import.meta.url);
const built = (path) => require(join(repoRoot, 'dist/apps/api/libs/server', path));
const { ForumRepository } = built('forums/src/forum.repository.js');
const { CommunityRepository } = built('communities/src/community.repository.js');
const { SearchService } = built('search/src/search.service.js');
const { WordFrequencies } = built('search/src/word-frequencies.js');
const { renderMarkdown } = built('core/src/index.js');

const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_MAX ?? 10), application_name: 'commons-bench-baseline' });
let statements = 0;

/** What the repositories need of TypeORM's DataSource: query(text, params) → rows. */
const dataSource = {
  async query(text, params) {
    statements++;
    return (await pool.query(text, params)).rows;
  },
};

/**
 * Time each page spent at the database: the sum of its statements' round trips, for the
 * targets set "at the database" (scenario 2). Read pages use a `dataSource` of their own
 * that adds up its statements; `/db-times` hands the times over and forgets them.
 */
let databaseTimes = [];
function timedDataSource() {
  const timed = {
    ms: 0,
    async query(text, params) {
      const started = performance.now();
      try {
        return await dataSource.query(text, params);
      } finally {
        timed.ms += performance.now() - started;
      }
    },
  };
  return timed;
}

/** Like `database` (a `dataSource`), but turns the replies page's keyset query into the OFFSET query it replaces. */
const offsetDataSource = (database, offset) => ({
  async query(text, params) {
    const rewritten = text.replace(/ORDER BY r\.created_at, r\.id\s+LIMIT \$3\s*$/u, `ORDER BY r.created_at, r.id LIMIT $3 OFFSET ${Number(offset)}`);
    if (rewritten === text) throw new Error('The replies query changed shape: update the OFFSET rewrite in baseline-server.mjs');
    return database.query(rewritten, params);
  },
});

const clock = { now: () => new Date() };
const words = new WordFrequencies(dataSource, clock);

/** A read page's handler, given repositories over a timed `dataSource` of its own (the API's classes, built per request: their constructors only keep it). */
const reading = (handler) => async (request, reply) => {
  const database = timedDataSource();
  const repositories = {
    database,
    forums: new ForumRepository(database),
    communities: new CommunityRepository(database, clock),
    search: new SearchService(database, words, clock),
  };
  try {
    return await handler(request, reply, repositories);
  } finally {
    databaseTimes.push(database.ms);
  }
};

const cookieName = env.SESSION_COOKIE ?? 'commons_session';
const secretKey = env.SECRET_KEY ?? '';

/** The viewer behind the session cookie: SessionsService.resolve's statement, hashed the same way. */
async function viewerOf(request, database = dataSource) {
  const header = request.headers.cookie ?? '';
  let token;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === cookieName) token = decodeURIComponent(part.slice(eq + 1).trim());
  }
  if (!token || !/^[A-Za-z0-9_-]{43}$/u.test(token)) return null;
  const rows = await database.query(
    `SELECT s.id, s.account_id, a.role, a.audience, s.last_seen_at
       FROM sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND a.suspended_at IS NULL`,
    [createHmac('sha256', secretKey).update(token).digest(), new Date()],
  );
  const row = rows[0];
  return row ? { sessionId: row.id, accountId: row.account_id, role: row.role, audience: row.audience } : null;
}

/** The access facts the API loads for the community (one statement); the rule check itself is trivial here. */
async function readable(viewer, communityId, repository) {
  const access = (await repository.accessFacts(viewer, [communityId])).get(communityId);
  return access && !access.banned ? access : null;
}

/** Whether the viewer moderates the community (the rule the API applies; the benchmark signs in as a plain member). */
const moderates = (access) => access.role === 'MANAGER' || access.role === 'MODERATOR';

const app = Fastify({ logger: false });

app.get('/stats', async () => ({ statements }));
app.get('/db-times', async () => {
  const times = databaseTimes;
  databaseTimes = [];
  return { times };
});

// Scenario 1: a thread with its author and reactions, then its first 20 replies (the API's 4 statements).
app.get('/thread/:id', reading(async (request, reply, { database, forums, communities }) => {
  const viewer = await viewerOf(request, database);
  if (!viewer) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  const thread = await forums.thread(viewer.accountId, request.params.id);
  const access = thread && (await readable(viewer, thread.communityId, communities));
  if (!access) return reply.code(404).send({ error: 'NOT_FOUND' });
  const replies = await forums.replies(viewer.accountId, moderates(access), thread.id, { first: 20 });
  return { thread, replies };
}));

// Scenario 2: latest threads, a category page and a tag page of a community.
app.get('/threads/:communityId', reading(async (request, reply, { database, forums, communities }) => {
  const viewer = await viewerOf(request, database);
  if (!viewer) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  const { communityId } = request.params;
  const access = await readable(viewer, communityId, communities);
  if (!access) return reply.code(404).send({ error: 'NOT_FOUND' });
  const { tag, categoryId } = request.query;
  return forums.threads(viewer.accountId, moderates(access), communityId, tag ? { tag } : categoryId ? { categoryId } : null, { first: 20 });
}));

// Scenario 2: a page deep in a thread, by the API's keyset cursor or by OFFSET.
async function repliesPage(request, reply, { database, forums, communities }, repository, after) {
  const viewer = await viewerOf(request, database);
  if (!viewer) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  const thread = await forums.thread(viewer.accountId, request.params.threadId);
  const access = thread && (await readable(viewer, thread.communityId, communities));
  if (!access) return reply.code(404).send({ error: 'NOT_FOUND' });
  return { id: thread.id, replies: await repository.replies(viewer.accountId, moderates(access), thread.id, { first: 20, after }) };
}
app.get('/replies/:threadId', reading((request, reply, repositories) => repliesPage(request, reply, repositories, repositories.forums, request.query.after ?? null)));
app.get(
  '/replies-offset/:threadId',
  reading((request, reply, repositories) => repliesPage(request, reply, repositories, new ForumRepository(offsetDataSource(repositories.database, request.query.offset ?? 0)), null)),
);

// Scenario 3: full-text search, the API's one statement.
app.get('/search', reading(async (request, reply, { database, search }) => {
  const viewer = await viewerOf(request, database);
  if (!viewer) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  return search.search(viewer, { query: String(request.query.q ?? ''), first: 20 });
}));

// Scenario 4: posting as one raw INSERT (the thread goes to the community's first category).
app.post('/threads', async (request, reply) => {
  const viewer = await viewerOf(request);
  if (!viewer) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  const { communityId, title, body } = request.body;
  const rows = await dataSource.query(
    `INSERT INTO forum_threads (id, community_id, category_id, author_id, kind, title, body, body_html, tags, created_at, last_activity_at)
     SELECT $1, $2, (SELECT id FROM forum_categories WHERE community_id = $2 ORDER BY position LIMIT 1), $3, 'DISCUSSION', $4, $5, $6, '{}', now(), now()
     RETURNING id, title, created_at`,
    [randomUUID(), communityId, viewer.accountId, title, body, renderMarkdown(body)],
  );
  return rows[0];
});

app.post('/replies', async (request, reply) => {
  const viewer = await viewerOf(request);
  if (!viewer) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  const { threadId, body } = request.body;
  const rows = await dataSource.query(
    `WITH r AS (
       INSERT INTO forum_replies (id, thread_id, community_id, author_id, body, body_html, created_at)
       SELECT $1, t.id, t.community_id, $3, $4, $5, now() FROM forum_threads t WHERE t.id = $2
       RETURNING id, thread_id, created_at)
     UPDATE forum_threads t SET reply_count = t.reply_count + 1, last_activity_at = r.created_at
       FROM r WHERE t.id = r.thread_id
     RETURNING r.id, r.created_at`,
    [randomUUID(), threadId, viewer.accountId, body, renderMarkdown(body)],
  );
  return rows[0] ?? reply.code(404).send({ error: 'NOT_FOUND' });
});

// Scenario 6: the steering dashboard's metric questions (lib/dashboard-routes.mjs).
dashboardRoutes(app, { dataSource, viewerOf, clock });

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    app.close().then(() => pool.end()).then(() => process.exit(0), () => process.exit(1));
  });
}

await app.listen({ port: Number(env.PORT ?? 0), host: env.HOST ?? '127.0.0.1' });
