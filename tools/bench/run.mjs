#!/usr/bin/env node
// npm run bench -- [--scenario name] [--size s|m|l] [--duration s] [--connections n]
//
// Starts the built API in production mode against a seeded database (DATABASE_URL, or the
// embedded PostgreSQL of npm start) and a raw Fastify + pg baseline beside it, runs each
// scenario against its baseline in the same run, and writes bench-results/<date>.json and a
// Markdown table to stdout. Progress goes to stderr.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../lib/embedded-postgres.mjs';
import { builtApiMain, database, run } from '../lib/platform.mjs';
import { chooseTargets, describeData } from './lib/data.mjs';
import { graphql, signIn } from './lib/graphql.mjs';
import { parseOptions, USAGE } from './lib/options.mjs';
import { processStats } from './lib/proc.mjs';
import { runSecrets, startApi, startBaseline, startWsBaseline } from './lib/processes.mjs';
import { createSessions, removeBenchSessions } from './lib/sessions.mjs';
import { markdown, writeResults } from './report.mjs';
import { removeBenchPosts } from './scenarios/posting.mjs';
import { SCENARIOS } from './scenarios/index.mjs';

/** Every generated and demo account shares this password (see the seed and the demo organisation). */
const PASSWORD = process.env.BENCH_PASSWORD ?? 'commons-demo';
const METRICS_MODULE = join(repoRoot, 'dist/apps/api/apps/api/src/metrics/metrics.module.js');

const log = (message) => process.stderr.write(`[bench] ${message}\n`);

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const unknown = options.scenarios.filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length > 0) {
  process.stderr.write(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => `${s.id} ${s.name}`).join(', ')}\n`);
  process.exit(2);
}
const selected = options.scenarios.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => options.scenarios.includes(s.name));

if (options.build || !existsSync(builtApiMain) || !existsSync(METRICS_MODULE)) {
  log(existsSync(builtApiMain) && !options.build ? 'the built API has no /metrics yet: rebuilding it…' : 'building the API…');
  run(['nx', 'run', 'api:build', '--output-style=static']);
}

const startedAt = new Date().toISOString();
const runId = startedAt.replace(/\D/gu, '').slice(2, 14);
const pgServer = await database();
const pool = new pg.Pool({ connectionString: pgServer.url, max: 2, application_name: 'commons-bench' });
const children = [];
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const child of children.reverse()) await child.stop().catch(() => undefined);
  await pool.end().catch(() => undefined);
  await pgServer.stop();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping…`);
    shutdown().finally(() => process.exit(130));
  });
}

const results = {
  startedAt,
  commit: gitCommit(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
  options,
  data: undefined,
  targets: undefined,
  api: {},
  scenarios: [],
};
let exitCode = 0;
try {
  log('looking at the data…');
  const removed = await removeBenchPosts(pool);
  if (removed > 0) log(`removed ${removed} threads left by an interrupted run`);
  const staleSessions = await removeBenchSessions(pool);
  if (staleSessions > 0) log(`removed ${staleSessions} sessions left by an interrupted run`);
  // Plans follow the planner's statistics; a server without autovacuum (or one that has not
  // caught up with the last run's writes and deletions) would make results drift from run to run.
  log('vacuuming and analysing the database…');
  await pool.query('VACUUM (ANALYZE)');
  results.data = await describeData(pool);
  const c = results.data.counts;
  log(`${c.database}: ${c.accounts} accounts, ${c.communities} communities, ${c.threads} threads, ${c.replies} replies, longest thread ${c.longestThread} — size ${results.data.size}`);
  if (options.size && options.size !== results.data.size) {
    log(`WARNING: --size ${options.size} was given, but the data looks like size ${results.data.size}; the report says so.`);
  }
  results.targets = await chooseTargets(pool);

  const secrets = runSecrets();
  log('starting the API (production mode)…');
  const api = await startApi({ databaseUrl: pgServer.url, secrets, logLevel: options.logLevel });
  children.push(api);
  results.api.startRssBytes = processStats(api.pid).rssBytes;
  const { cookie, cookieName } = await signIn(api, results.targets.viewer.email, PASSWORD);
  log('starting the baseline server…');
  const baseline = await startBaseline({ databaseUrl: pgServer.url, secrets, cookieName });
  children.push(baseline);

  const ctx = {
    options,
    runId,
    api,
    baseline,
    cookie,
    pool,
    data: results.data,
    targets: results.targets,
    progress: () => undefined,
    gql: async (query, variables) => (await graphql(api, query, variables, cookie)).data,
    /** Signs an account in (every seeded account shares PASSWORD); returns its Cookie header. */
    signIn: async (email) => (await signIn(api, email, PASSWORD)).cookie,
    /** Opens a session per account id directly in the database (lib/sessions.mjs); returns Cookie headers. */
    createSessions: (accountIds) => createSessions(pool, { secretKey: secrets.secretKey, cookieName }, accountIds),
    /** Starts the raw `ws` broadcast server of the fan-out scenario; stopped with the run. */
    startWsBaseline: async (wsOptions) => {
      const server = await startWsBaseline(wsOptions);
      children.push(server);
      return server;
    },
    /** Starts another API for a scenario (see startApi's options); stopped with the run. */
    startApi: async (variantOptions) => {
      const extra = await startApi({ databaseUrl: pgServer.url, secrets, logLevel: options.logLevel, ...variantOptions });
      children.push(extra);
      return extra;
    },
  };
  for (const scenario of selected) {
    const record = { id: scenario.id, name: scenario.name, title: scenario.title };
    results.scenarios.push(record);
    if (scenario.pending) {
      record.pending = scenario.pending;
      record.checks = [{ target: scenario.title, pending: scenario.pending }];
      log(`${scenario.id} ${scenario.title}: pending — ${scenario.pending}`);
      continue;
    }
    log(`${scenario.id} ${scenario.title}…`);
    ctx.progress = (message) => log(`  ${scenario.name}: ${message}`);
    const started = Date.now();
    try {
      Object.assign(record, await scenario.run(ctx));
    } catch (error) {
      exitCode = 1;
      record.error = error instanceof Error ? error.message : String(error);
      log(`${scenario.id} ${scenario.title} failed: ${error instanceof Error ? error.stack : error}`);
    }
    record.seconds = Math.round((Date.now() - started) / 1000);
  }
  const sessionsLeft = await removeBenchSessions(pool);
  if (sessionsLeft > 0) log(`removed ${sessionsLeft} benchmark sessions`);
  results.api.endRssBytes = processStats(api.pid).rssBytes;
  results.api.cpuSeconds = processStats(api.pid).cpuSeconds;
} catch (error) {
  exitCode = 1;
  log(`the benchmark stopped: ${error instanceof Error ? error.stack : error}`);
  for (const child of children) {
    const output = child.output().trim();
    if (output) log(`${child.name} said:\n${output.slice(-4000)}`);
  }
} finally {
  await shutdown();
}

if (results.data) {
  const file = writeResults(join(repoRoot, 'bench-results'), results);
  process.stdout.write(`\n${markdown(results)}\nResults: ${file.slice(repoRoot.length + 1)}\n`);
}
process.exit(exitCode);

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}
