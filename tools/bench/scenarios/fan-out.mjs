// 5. Fan-out: N (default 5,000) graphql-ws subscribers on one thread, each with a session of its
// own account, subscribed with the web client's own ThreadActivity operation. Targets: delivery
// p99 ≤ 1.5× a raw `ws` broadcast of the same message to the same number of the same clients;
// ≤ 20 µs of API CPU per delivery; ≤ 30 KB of API RSS per idle connection; the connection
// setup rate reported; and posting with the subscribers attached ≥ 80% of posting without them.
//
// How it runs, on an API of its own (started fresh, like the posting scenario's):
//   1. sessions for N readers of the largest community (one INSERT, lib/sessions.mjs) and for
//      the posters (its members who have posted there), two scratch threads in it;
//   2. posting alone: replyToThread at full speed into thread A, nobody subscribed;
//   3. N clients connect and subscribe to thread A, in two steps (10%, then the rest, timed),
//      so RSS per connection is the second step's slope, without the first use's warm-up, read
//      after a full GC (both servers run with --inspect; lib/inspector.mjs); "subscribed" is
//      when a probe reply reaches every client;
//   4. the same N clients (same worker threads, same code) subscribe to the raw `ws` baseline;
//   5. delivery: a reply every --post-interval ms for --fanout-seconds per server, in rounds
//      alternated API/raw, each window waiting until every subscriber has every message; each
//      receipt's delay from the moment the poster's mutation (or the baseline's trigger)
//      returned, and from when it was sent; the API's CPU (/proc, user and kernel) per delivery
//      and its executions per delivery (/metrics); this process's own CPU beside them;
//   6. posting with the subscribers attached: into thread B while A is quiet, into B while A
//      gets its steady replies, and into A itself (the literal reading: the posting scenario
//      into the thread everyone follows, the judged one; it may end subscriptions that fall
//      behind, so it runs last); then they disconnect and posting alone runs again.
// BENCH_CPU_PROF=<dir> and BENCH_FANOUT_NODE_ARGS='…' profile or tune the fan-out API.
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { BENCH_TITLE_PREFIX, posters } from '../lib/data.mjs';
import { graphqlRequest } from '../lib/graphql.mjs';
import { aggregate, graphqlOk, percentile, runLoad } from '../lib/load.mjs';
import { machineBusy, machineCpu, postgresCpu, postgresCpuBetween, processStats } from '../lib/proc.mjs';
import { openFilesLimit } from '../lib/processes.mjs';
import { collectGarbage } from '../lib/inspector.mjs';
import { nowMs, Subscribers } from '../lib/subscribers.mjs';
import { pct } from './common.mjs';
import { BODY, removeBenchPosts, REPLY, uniqueTexts } from './posting.mjs';

/** The web client's subscription (libs/web/data-access/src/operations/forums.graphql), fragments inlined. */
const ACTIVITY = `subscription ThreadActivity($threadId: ID!, $since: Float) {
  threadActivity(threadId: $threadId, since: $since) { seq kind threadId reply { ...ReplyFields } }
}
fragment ForumAuthorFields on PostAuthor { id displayName initials title }
fragment ReactionFields on ReactionCount { kind count mine }
fragment ReplyFields on Reply {
  id threadId body bodyHtml deleted moderationState createdAt editedAt version
  author { ...ForumAuthorFields }
  replyTo { id authorName excerpt }
  reactions { ...ReactionFields }
  viewerCan { edit delete }
}`;
const CREATE_THREAD = `mutation BenchFanOutThread($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const TARGETS = { p99Ratio: 1.5, cpuMicrosPerDelivery: 20, kbPerConnection: 30, postingRatio: 0.8 };
/** Handshakes in flight while connecting (a reconnect storm after a deploy is like this). */
const CONCURRENCY = 100;
/** Worker threads holding the subscribers (the machine has two cores). */
const CLIENT_THREADS = 2;
const POSTERS = 1000;
/** How long a window waits, after its last post, for every subscriber to have every message. */
const DRAIN_MS = 90_000;
const MB = 1024 * 1024;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const round = (n, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');

/** Accounts that may read the community's forum: members first, then (when it is open) its audience. */
async function readers(pool, communityId, limit) {
  const { rows } = await pool.query(
    `SELECT a.id
       FROM accounts a
      CROSS JOIN (SELECT audiences, visibility, lifecycle FROM communities WHERE id = $1) c
       LEFT JOIN community_memberships m ON m.community_id = $1 AND m.account_id = a.id
      WHERE a.suspended_at IS NULL AND (a.suspended_until IS NULL OR a.suspended_until < now())
        AND (a.audience = 'EMPLOYEE' OR a.audience = ANY(c.audiences))
        AND (m.account_id IS NOT NULL OR (c.visibility = 'OPEN' AND c.lifecycle <> 'DRAFT'))
        AND NOT EXISTS (SELECT 1 FROM community_bans b WHERE b.community_id = $1 AND b.account_id = a.id
                          AND b.lifted_at IS NULL AND (b.ends_at IS NULL OR b.ends_at > now()))
      ORDER BY (m.account_id IS NOT NULL) DESC, a.id
      LIMIT $2`,
    [communityId, limit],
  );
  return rows.map((r) => r.id);
}

/** Calls fire(k) every intervalMs for `seconds`, on schedule (not waiting for the previous); resolves with every result. */
async function steady(seconds, intervalMs, fire) {
  const count = Math.max(1, Math.floor((seconds * 1000) / intervalMs));
  const start = nowMs();
  const results = [];
  for (let k = 0; k < count; k++) {
    await sleep(start + k * intervalMs - nowMs());
    results.push(fire(k));
  }
  return Promise.all(results);
}

/** Delays of every receipt of every post, from the post's return and from its send (ms, sorted). */
function delays(posts, receipts) {
  const fromReturn = [];
  const fromSend = [];
  const whole = [];
  for (const post of posts) {
    const times = receipts.get(post.id);
    if (!times) continue;
    let last = -Infinity;
    for (const t of times) {
      fromReturn.push(t - post.returnedAt);
      fromSend.push(t - post.sentAt);
      if (t > last) last = t;
    }
    whole.push(last - post.returnedAt);
  }
  const sorted = (a) => Float64Array.from(a).sort();
  return { fromReturn: sorted(fromReturn), fromSend: sorted(fromSend), whole: sorted(whole) };
}

const quantiles = (sorted) => ({ p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN });

export default {
  id: 5,
  name: 'fan-out',
  title: 'Fan-out',
  async run(ctx) {
    const { subscribers: n, fanoutSeconds, postIntervalMs, rounds, duration, connections } = ctx.options;
    const community = ctx.targets.community;
    const database = new URL(ctx.pool.options.connectionString).pathname.slice(1);

    // Sockets: the API and the raw server each hold N, this process 2N (both sets stay open while the rounds alternate).
    const ownLimit = openFilesLimit();
    if (Number.isFinite(ownLimit) && 2 * n + 1000 > ownLimit) {
      throw new Error(`${2 * n} client sockets need more than this process's open-files limit of ${ownLimit}: run the benchmark after \`ulimit -n ${2 * n + 2000}\`.`);
    }
    const fdLimit = Number.isFinite(ownLimit) && n + 2000 > ownLimit ? n + 4000 : undefined;

    ctx.progress(`choosing ${int(n)} readers of ${community.name} and opening their sessions…`);
    const accountIds = await readers(ctx.pool, community.id, n);
    if (accountIds.length === 0) throw new Error(`Nobody may read ${community.name}.`);
    const readerCookies = await ctx.createSessions(accountIds);
    const authors = await posters(ctx.pool, community.id, POSTERS);
    if (authors.length === 0) throw new Error(`No member of ${community.name} has posted there: nobody to post as.`);
    const posterCookies = await ctx.createSessions(authors.map((a) => a.id));

    let api;
    let raw;
    let subs;
    const notes = [];
    const rows = [];
    try {
      const { createThread: followed } = await ctx.gql(CREATE_THREAD, { input: { communityId: community.id, title: `${BENCH_TITLE_PREFIX}${ctx.runId}] fan-out (followed)`, body: BODY, tags: [] } });
      const { createThread: other } = await ctx.gql(CREATE_THREAD, { input: { communityId: community.id, title: `${BENCH_TITLE_PREFIX}${ctx.runId}] fan-out (not followed)`, body: BODY, tags: [] } });

      ctx.progress(`starting an API for the fan-out${fdLimit ? ` (open files raised to ${fdLimit})` : ''}…`);
      // BENCH_CPU_PROF=<dir> profiles this API (node --cpu-prof), written when it stops.
      // BENCH_FANOUT_NODE_ARGS adds node options to it (e.g. --max-semi-space-size=64), for experiments.
      const profile = [
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
        ...(process.env.BENCH_FANOUT_NODE_ARGS ?? '').split(' ').filter(Boolean),
      ];
      if (profile.length > 0) notes.push(`the fan-out API ran with ${profile.join(' ')}`);
      // --inspect: the scenario collects garbage through the inspector before reading memory.
      const inspect = ['--inspect=127.0.0.1:0'];
      api = await ctx.startApi({ fdLimit, nodeArgs: [...inspect, ...profile] });
      raw = await ctx.startWsBaseline({ fdLimit, nodeArgs: inspect });
      subs = new Subscribers(CLIENT_THREADS);
      const text = uniqueTexts();
      const details = { subscribers: n, accounts: accountIds.length, posters: authors.length, postIntervalMs, concurrency: CONCURRENCY, clientThreads: CLIENT_THREADS, openFilesLimit: { bench: ownLimit, servers: fdLimit ?? ownLimit } };

      // Every post, whichever part of the scenario sends it, is by the next of the posters in turn,
      // so each posts about once per POSTERS posts: well inside the platform's flood rule (60 a
      // minute), which autocannon's per-connection request lists (every connection starting with
      // the first poster, run after run) would otherwise trip.
      let posted = 0;
      const nextPoster = () => posterCookies[posted++ % posterCookies.length];
      /** The posting scenario's replyToThread load, each post by the next poster with text of its own. */
      const postingAs = (key, label, threadId) => {
        const template = graphqlRequest(REPLY, { input: { threadId, body: BODY } }, posterCookies[0]);
        const setupRequest = (request) => ({
          ...request,
          headers: { ...request.headers, cookie: nextPoster() },
          body: JSON.stringify({ query: REPLY, variables: { input: { threadId, body: text() } } }),
        });
        return { key, label, server: api, requests: [{ ...template, setupRequest }], verifyBody: graphqlOk };
      };
      /** One reply by the next poster into `threadId`, stamped when sent and when its answer came. */
      const reply = async (threadId) => {
        const cookie = nextPoster();
        const sentAt = nowMs();
        const response = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
          body: JSON.stringify({ query: REPLY, variables: { input: { threadId, body: text() } } }),
        });
        const returnedAt = nowMs();
        const body = await response.json();
        const created = body.data?.replyToThread;
        if (!created) return { id: null, sentAt, returnedAt, error: JSON.stringify(body.errors ?? body).slice(0, 300) };
        return { id: created.id, visible: created.moderationState === 'VISIBLE', sentAt, returnedAt };
      };
      const broadcast = async () => {
        const id = randomUUID();
        const sentAt = nowMs();
        await raw.broadcast(id);
        return { id, visible: true, sentAt, returnedAt: nowMs() };
      };
      const sides = {
        api: { label: 'API (graphql-ws)', server: api, fire: () => reply(followed.id), cpu: () => processStats(api.pid) },
        raw: { label: 'raw `ws` broadcast', server: raw, fire: broadcast, cpu: () => processStats(raw.pid) },
      };

      /** Probes until one reaches `target` clients; resolves with that probe (its send time bounds "all subscribed"). */
      async function subscribedAll(key, target) {
        const probes = [];
        const deadline = nowMs() + 60_000;
        while (nowMs() < deadline) {
          const probe = await sides[key].fire();
          if (!probe.id) throw new Error(`A probe reply failed: ${probe.error}`);
          probes.push(probe);
          await sleep(250);
          const counts = await subs.count(key, probes.map((p) => p.id));
          const i = counts.findIndex((c) => c >= target);
          if (i >= 0) {
            await sleep(500);
            await subs.collect(key);
            return { probe: probes[i], probes: probes.length };
          }
        }
        const status = await subs.status(key);
        throw new Error(`${sides[key].label}: after 60 s no probe reached all ${target} subscribers (${JSON.stringify(status)})`);
      }

      /** Connects N clients to one side in two steps; setup rate and memory per connection from the second. */
      async function connect(key) {
        const side = sides[key];
        const url = side.server.url;
        // Memory after a full collection (through the server's inspector), so garbage left by
        // what ran before (the posting run, the first step) does not blur the slope.
        const memory = async () => {
          const heap = await collectGarbage(side.server);
          await sleep(500);
          return { rss: processStats(side.server.pid).rssBytes, heap };
        };
        const spec = (count, cookies) => ({ cookies, count, concurrency: CONCURRENCY, query: ACTIVITY, variables: { threadId: followed.id } });
        const first = Math.max(1, Math.round(n / 10));
        const start = await memory();
        ctx.progress(`${side.label}: connecting ${int(first)} subscribers (warm-up step)…`);
        await subs.connect(key, url, spec(first, readerCookies.slice(0, first)));
        await subscribedAll(key, first);
        const before = await memory();
        const statements = async () => (side.server.metrics ? (await side.server.metrics()).commons_sql_statements_total : NaN);
        const statementsBefore = await statements();
        ctx.progress(`${side.label}: connecting ${int(n - first)} more…`);
        const startedAt = nowMs();
        const rest = readerCookies.length > first ? readerCookies.slice(first) : readerCookies;
        const connected = await subs.connect(key, url, spec(n - first, rest));
        const status = await subs.status(key);
        if (status.errors > 0 || status.failedToConnect > 0) throw new Error(`${side.label}: ${status.failedToConnect} connections failed, ${status.errors} subscriptions refused (${status.errorSample})`);
        const { probe, probes } = await subscribedAll(key, status.live);
        // The probes' own statements (a reply each, and its fan-out) are in this count too: a few dozen.
        const statementsAfter = await statements();
        const after = await memory();
        const added = n - first;
        const setup = {
          connections: status.live,
          rssStartMb: round(start.rss / MB),
          heapStartMb: round(start.heap / MB),
          heapBeforeMb: round(before.heap / MB),
          heapAfterMb: round(after.heap / MB),
          rssBeforeMb: round(before.rss / MB),
          rssAfterMb: round(after.rss / MB),
          kbPerConnection: round((after.rss - before.rss) / 1024 / added),
          heapKbPerConnection: round((after.heap - before.heap) / 1024 / added),
          ackedPerSecond: round((added / (connected.endedAt - startedAt)) * 1000, 0),
          subscribedPerSecond: round((added / (probe.sentAt - startedAt)) * 1000, 0),
          subscribedWithinSeconds: round((probe.sentAt - startedAt) / 1000, 2),
          probes,
          sqlPerConnection: round((statementsAfter - statementsBefore) / added, 2),
          handshakeMs: { p50: round(percentile(connected.ackMs, 0.5), 2), p99: round(percentile(connected.ackMs, 0.99), 2), max: round(connected.ackMs[connected.ackMs.length - 1], 2) },
        };
        ctx.progress(`${side.label}: ${int(status.live)} subscribed; ${setup.subscribedPerSecond}/s, ${setup.kbPerConnection} KB RSS (${setup.heapKbPerConnection} KB heap) per connection`);
        return setup;
      }

      /** Waits until every one of `expected` subscribers has the message of every id (at most DRAIN_MS); resolves with the ms it took. */
      async function drain(key, ids, expected) {
        const started = nowMs();
        while (nowMs() - started < DRAIN_MS && (await subs.count(key, ids)).some((c) => c < expected)) await sleep(100);
        return nowMs() - started;
      }

      /** One delivery window on one side: steady posts, then until every live subscriber has every visible post (or DRAIN_MS). */
      async function window(key, seconds) {
        const side = sides[key];
        const expected = (await subs.status(key)).live;
        await subs.collect(key);
        const metricsBefore = side.server.metrics ? await side.server.metrics() : null;
        const before = { cpu: side.cpu(), bench: process.cpuUsage(), machine: machineCpu(), pg: postgresCpu(database), at: nowMs() };
        const posts = await steady(seconds, postIntervalMs, side.fire);
        const ids = posts.filter((p) => p.id && p.visible).map((p) => p.id);
        const drainMs = await drain(key, ids, expected);
        const after = { cpu: side.cpu(), bench: process.cpuUsage(), machine: machineCpu(), pg: postgresCpu(database), at: nowMs() };
        const metricsAfter = side.server.metrics ? await side.server.metrics() : null;
        const receipts = await subs.collect(key);
        const delta = (name) => (metricsBefore && metricsAfter ? metricsAfter[name] - metricsBefore[name] : NaN);
        return {
          posts,
          receipts,
          drainMs,
          expected: expected * ids.length,
          delivered: ids.reduce((s, id) => s + (receipts.get(id)?.length ?? 0), 0),
          failedPosts: posts.filter((p) => !p.id).length,
          heldPosts: posts.filter((p) => p.id && !p.visible).length,
          postingSeconds: seconds,
          elapsedSeconds: (after.at - before.at) / 1000,
          cpuSeconds: after.cpu.cpuSeconds - before.cpu.cpuSeconds,
          systemSeconds: after.cpu.systemSeconds - before.cpu.systemSeconds,
          benchCpuSeconds: (after.bench.user + after.bench.system - before.bench.user - before.bench.system) / 1e6,
          pgCpuSeconds: postgresCpuBetween(before.pg, after.pg),
          machineBusy: machineBusy(before.machine, after.machine),
          serverDelivered: delta('commons_subscription_events_total{outcome="delivered"}'),
          serverExecuted: delta('commons_subscription_events_total{outcome="executed"}'),
          statements: delta('commons_sql_statements_total'),
        };
      }

      /** Posting at full speed (the posting scenario's replies, --connections clients) into a thread, after a short warm-up. */
      async function posting(key, label, threadId, { during, warmup = true } = {}) {
        const variant = postingAs(key, label, threadId);
        // What a failed post answered, for the notes.
        let failure = null;
        const verifyBody = (body) => {
          const ok = variant.verifyBody(body);
          if (!ok) failure ??= body.slice(0, 300);
          return ok;
        };
        if (warmup) await runLoad({ ...variant, verifyBody, connections, seconds: 2 });
        const [run, extra] = await Promise.all([runLoad({ ...variant, verifyBody, connections, seconds: duration }), during?.()]);
        const row = aggregate(variant, [run], connections);
        rows.push(row);
        if (failure) notes.push(`${label}: ${row.failures} posts failed, e.g. ${failure}`);
        ctx.progress(`${label}: ${int(row.rps)} replies/s${failure ? ` (${row.failures} failed: ${failure})` : ''}`);
        return { row, extra };
      }

      // 2. Posting alone.
      const alone1 = await posting('posting-alone', 'replyToThread, no subscribers (before)', followed.id);

      // 3–4. Connecting.
      details.setup = { api: await connect('api') };
      const sample = await subs.sample('api');
      if (!sample) throw new Error('The API delivered no message to copy for the baseline.');
      const sampleId = sample.data.threadActivity.reply.id;
      const payload = JSON.stringify(sample);
      details.messageBytes = JSON.stringify({ id: randomUUID(), type: 'next', payload: sample }).length;
      await raw.setTemplate(payload.replaceAll(sampleId, '{{REPLY_ID}}'));
      details.setup.raw = await connect('raw');

      // 5. Delivery, rounds alternated API/raw after a short warm-up of each.
      const perRound = fanoutSeconds / rounds;
      for (const key of ['api', 'raw']) {
        ctx.progress(`${sides[key].label}: warm-up`);
        await window(key, Math.min(3, perRound));
      }
      const windows = { api: [], raw: [] };
      for (let r = 0; r < rounds; r++) {
        for (const key of r % 2 === 0 ? ['api', 'raw'] : ['raw', 'api']) {
          ctx.progress(`round ${r + 1}/${rounds}: ${sides[key].label}, a message every ${postIntervalMs} ms to ${int(n)} subscribers for ${fmt(perRound, 0)} s`);
          windows[key].push(await window(key, perRound));
        }
      }
      const delivery = {};
      for (const key of ['api', 'raw']) {
        const ws = windows[key];
        const sum = (f) => ws.reduce((s, w) => s + w[f], 0);
        const d = delays(ws.flatMap((w) => w.posts.filter((p) => p.id)), new Map(ws.flatMap((w) => [...w.receipts])));
        const delivered = sum('delivered');
        const postingSeconds = sum('postingSeconds');
        delivery[key] = {
          posts: ws.reduce((s, w) => s + w.posts.length, 0),
          failedPosts: sum('failedPosts'),
          heldPosts: sum('heldPosts'),
          expected: sum('expected'),
          delivered,
          deliveriesPerSecond: delivered / postingSeconds,
          /** Deliveries over the whole windows, their drains included: what the server kept up, saturated or not. */
          sustainedPerSecond: delivered / sum('elapsedSeconds'),
          drainSeconds: ws.map((w) => round(w.drainMs / 1000, 1)),
          fromReturnMs: quantiles(d.fromReturn),
          fromSendMs: quantiles(d.fromSend),
          lastOfEachPostMs: quantiles(d.whole),
          /** Receipts processed before the mutation's own answer was (a negative delay). */
          beforeReturn: d.fromReturn.filter((x) => x < 0).length,
          serverCpuSeconds: sum('cpuSeconds'),
          /** The kernel's part (socket writes, mostly): /proc's stime. */
          serverSystemMicrosPerDelivery: (sum('systemSeconds') / delivered) * 1e6,
          cpuMicrosPerDelivery: (sum('cpuSeconds') / delivered) * 1e6,
          // Without the posts' own cost (the API's CPU per reply when posting alone): what the fan-out costs.
          cpuMicrosPerDeliveryNet: key === 'api' ? ((sum('cpuSeconds') - ws.reduce((s, w) => s + w.posts.length, 0) * (alone1.row.cpuMicrosPerRequest / 1e6)) / delivered) * 1e6 : NaN,
          serverCpuPercent: (sum('cpuSeconds') / sum('elapsedSeconds')) * 100,
          benchCpuSeconds: sum('benchCpuSeconds'),
          benchCpuMicrosPerDelivery: (sum('benchCpuSeconds') / delivered) * 1e6,
          benchCpuPercent: (sum('benchCpuSeconds') / sum('elapsedSeconds')) * 100,
          pgCpuSeconds: sum('pgCpuSeconds'),
          machineBusyPercent: (ws.reduce((s, w) => s + w.machineBusy * w.elapsedSeconds, 0) / sum('elapsedSeconds')) * 100,
          serverDelivered: sum('serverDelivered'),
          serverExecuted: sum('serverExecuted'),
          sqlStatements: sum('statements'),
          /** Statements per post: the mutation's own, the relay's, and the fan-out's (thread, reply, readers' facts). */
          sqlPerPost: sum('statements') / ws.reduce((s, w) => s + w.posts.length, 0),
          perRoundP99Ms: ws.map((w) => round(percentile(delays(w.posts.filter((p) => p.id), w.receipts).fromReturn, 0.99), 2)),
        };
        const v = delivery[key];
        rows.push({
          key: `delivery-${key}`,
          label: `threadActivity delivery, ${int(n)} subscribers: ${sides[key].label}`,
          server: sides[key].server.short,
          connections: n,
          seconds: postingSeconds,
          responses: delivered,
          rps: v.deliveriesPerSecond,
          latencyMs: v.fromReturnMs,
          statementsPerRequest: undefined,
          failures: v.expected - v.delivered + v.failedPosts,
          cpuMicrosPerRequest: v.cpuMicrosPerDelivery,
          cpuPercent: v.serverCpuPercent,
          rssMaxBytes: processStats(sides[key].server.pid).rssBytes,
        });
      }
      details.delivery = delivery;
      await subs.close('raw');

      // 6. Posting with the subscribers attached.
      const idle = await posting('posting-idle', `replyToThread into another thread, ${int(n)} subscribers idle`, other.id);
      const active = await posting('posting-active', `replyToThread into another thread, ${int(n)} subscribers getting a reply every ${postIntervalMs} ms`, other.id, {
        during: async () => {
          const expected = (await subs.status('api')).live;
          await subs.collect('api');
          const posts = await steady(duration, postIntervalMs, sides.api.fire);
          const drainMs = await drain('api', posts.filter((p) => p.id && p.visible).map((p) => p.id), expected);
          const receipts = await subs.collect('api');
          const d = delays(posts.filter((p) => p.id), receipts);
          return { posts: posts.length, delivered: [...receipts.values()].reduce((s, t) => s + t.length, 0), p99Ms: percentile(d.fromReturn, 0.99), drainMs: round(drainMs, 0) };
        },
      });
      const liveBefore = (await subs.status('api')).live;
      await subs.collect('api');
      const metricsBefore = await api.metrics();
      // No warm-up here (the API is warm): it would already post into the followed thread.
      const watched = await posting('posting-watched', `replyToThread into the thread the ${int(n)} subscribers follow`, followed.id, { warmup: false });
      const DELIVERED = 'commons_subscription_events_total{outcome="delivered"}';
      const metricsAtEnd = await api.metrics();
      const receivedAtEnd = [...(await subs.collect('api')).values()].reduce((s, t) => s + t.length, 0);
      // The posts' deliveries go on after the posting stopped: wait until the server's counter rests.
      const settleStarted = nowMs();
      let last = metricsAtEnd[DELIVERED];
      for (let still = 0; still < 4 && nowMs() - settleStarted < DRAIN_MS; ) {
        await sleep(500);
        const now = (await api.metrics())[DELIVERED];
        still = now === last ? still + 1 : 0;
        last = now;
      }
      const liveAfter = (await subs.status('api')).live;
      watched.extra = {
        liveBefore,
        liveAfter,
        deliveredDuringRun: receivedAtEnd,
        serverDeliveredDuringRun: metricsAtEnd[DELIVERED] - metricsBefore[DELIVERED],
        serverDeliveredInAll: last - metricsBefore[DELIVERED],
        deliveringAfterRunSeconds: round((nowMs() - settleStarted) / 1000 - 2, 1),
      };
      ctx.progress(`closing ${int(n)} subscribers…`);
      await subs.close('api');
      await sleep(2000);
      const alone2 = await posting('posting-alone-after', 'replyToThread, no subscribers (after they left)', followed.id);
      const aloneRps = (alone1.row.rps + alone2.row.rps) / 2;
      details.posting = {
        aloneRps: [round(alone1.row.rps, 0), round(alone2.row.rps, 0)],
        idleRps: round(idle.row.rps, 0),
        activeRps: round(active.row.rps, 0),
        active: active.extra,
        watchedRps: round(watched.row.rps, 0),
        watched: watched.extra,
      };

      // Checks.
      const a = delivery.api;
      const b = delivery.raw;
      const ratio = a.fromReturnMs.p99 / b.fromReturnMs.p99;
      const apiSetup = details.setup.api;
      const rawSetup = details.setup.raw;
      const watchedRatio = watched.row.rps / aloneRps;
      const kept = watched.extra.liveAfter === watched.extra.liveBefore;
      // What meeting the posting target would ask of the subscribers' clients, sharing the machine's cores.
      const clientsMessagesAtTarget = TARGETS.postingRatio * aloneRps * n;
      const clientsCoresAtTarget = (clientsMessagesAtTarget * b.benchCpuMicrosPerDelivery) / 1e6;
      const cores = availableParallelism();
      details.posting.clientsAtTarget = { messagesPerSecond: round(clientsMessagesAtTarget, 0), cores: round(clientsCoresAtTarget, 1) };
      const checks = [
        {
          target: `delivery p99 (from the mutation's return) / raw \`ws\` broadcast: ≤ ${TARGETS.p99Ratio}×`,
          measured: `${fmt(a.fromReturnMs.p99)} ms vs ${fmt(b.fromReturnMs.p99)} ms = ${fmt(ratio, 2)}× (p50 ${fmt(a.fromReturnMs.p50)} vs ${fmt(b.fromReturnMs.p50)} ms; ${int(a.delivered)} of ${int(a.expected)} and ${int(b.delivered)} of ${int(b.expected)} delivered)`,
          met: ratio <= TARGETS.p99Ratio && a.delivered === a.expected,
        },
        {
          target: `API CPU per delivery ≤ ${TARGETS.cpuMicrosPerDelivery} µs`,
          measured: `${fmt(a.cpuMicrosPerDelivery)} µs (${fmt(a.serverSystemMicrosPerDelivery)} µs in the kernel), ${fmt(a.cpuMicrosPerDeliveryNet)} µs without the posts' own cost (raw \`ws\` ${fmt(b.cpuMicrosPerDelivery)} µs, ${fmt(b.serverSystemMicrosPerDelivery)} µs in the kernel); ${fmt(a.serverExecuted / a.serverDelivered, 4)} executions per delivery (${int(a.serverExecuted)} for ${int(a.serverDelivered)})`,
          met: a.cpuMicrosPerDelivery <= TARGETS.cpuMicrosPerDelivery,
        },
        {
          target: `API RSS per idle connection ≤ ${TARGETS.kbPerConnection} KB`,
          measured: `${fmt(apiSetup.kbPerConnection)} KB (heap ${fmt(apiSetup.heapKbPerConnection)} KB; raw \`ws\` ${fmt(rawSetup.kbPerConnection)} KB)`,
          met: apiSetup.kbPerConnection <= TARGETS.kbPerConnection,
        },
        {
          target: 'connection setup rate (connect, connection_init, subscribe), reported',
          measured: `${int(apiSetup.subscribedPerSecond)} subscribed/s (${int(apiSetup.ackedPerSecond)} acknowledged/s; ${fmt(apiSetup.sqlPerConnection)} SQL statements each; handshake p50 ${fmt(apiSetup.handshakeMs.p50)} ms, p99 ${fmt(apiSetup.handshakeMs.p99)} ms, ${CONCURRENCY} in flight); raw \`ws\` ${int(rawSetup.subscribedPerSecond)}/s`,
          met: null,
        },
        {
          target: `posting with the subscribers attached: replyToThread into the thread they follow / without them ≥ ${TARGETS.postingRatio}, subscribers kept`,
          measured: `${pct(watchedRatio)} (${int(watched.row.rps)} vs ${int(aloneRps)} replies/s); subscriptions live ${int(watched.extra.liveBefore)} → ${int(watched.extra.liveAfter)}; ${int(watched.extra.serverDeliveredDuringRun)} deliveries during the run (${int(watched.extra.serverDeliveredDuringRun / duration)}/s), ${int(watched.extra.serverDeliveredInAll)} in all, the last ${fmt(watched.extra.deliveringAfterRunSeconds)} s after it; the bound on this machine, whatever the server: at ${pct(TARGETS.postingRatio)} of posting alone the ${int(n)} clients would receive ${int(clientsMessagesAtTarget)} messages/s, which at the harness's ${fmt(b.benchCpuMicrosPerDelivery)} µs per message received (measured beside raw \`ws\`) would take ${fmt(clientsCoresAtTarget)} cores for the clients alone, of the machine's ${cores}`,
          met: watchedRatio >= TARGETS.postingRatio && kept,
        },
        {
          target: 'posting into another thread, subscribers idle / without them (informational)',
          measured: `${pct(idle.row.rps / aloneRps)} (${int(idle.row.rps)} vs ${int(aloneRps)} replies/s)`,
          met: null,
        },
        {
          target: `posting into another thread while the followed one gets a reply every ${postIntervalMs} ms / without (informational)`,
          measured: `${pct(active.row.rps / aloneRps)} (${int(active.row.rps)} vs ${int(aloneRps)} replies/s; ${int(active.extra.delivered)} deliveries, p99 ${fmt(active.extra.p99Ms)} ms)`,
          met: null,
        },
        {
          target: 'the load generator\'s own CPU during delivery (informational: it shares the two cores)',
          measured: `${fmt(a.benchCpuPercent, 0)}% of a core with the API, ${fmt(b.benchCpuPercent, 0)}% with raw \`ws\` (${fmt(a.benchCpuMicrosPerDelivery)} / ${fmt(b.benchCpuMicrosPerDelivery)} µs per message); machine ${fmt(a.machineBusyPercent, 0)}% / ${fmt(b.machineBusyPercent, 0)}% busy; PostgreSQL ${fmt(a.pgCpuSeconds, 2)} s / ${fmt(b.pgCpuSeconds, 2)} s`,
          met: null,
        },
      ];
      notes.push(
        `${int(n)} subscribers with ${int(accountIds.length)} distinct accounts' sessions (readers of ${community.name}: members first, then its open audience), written straight into the sessions table as SessionsService does, not signed in; ${int(authors.length)} of its members post`,
        `each subscriber is a graphql-ws client over \`ws\` (${CLIENT_THREADS} worker threads of the harness) with the web client's ThreadActivity operation; the baseline speaks just enough graphql-transport-ws for the same clients, and sends the API's own ${int(details.messageBytes)}-byte message with a fresh reply id`,
        `delivery delay: from the moment the replyToThread mutation (or the baseline's trigger request) returned to the client's receipt of the parsed message; from the mutation's send p99 ${fmt(a.fromSendMs.p99)} ms vs ${fmt(b.fromSendMs.p99)} ms; a post's last subscriber p99 ${fmt(a.lastOfEachPostMs.p99)} ms vs ${fmt(b.lastOfEachPostMs.p99)} ms; per round p99 ${a.perRoundP99Ms.join(', ')} / ${b.perRoundP99Ms.join(', ')} ms`,
        `a message every ${postIntervalMs} ms for ${fmt(fanoutSeconds, 0)} s per server in ${rounds} alternated rounds (${int(n * (1000 / postIntervalMs))} deliveries/s asked); the last subscriber had the last message ${a.drainSeconds.join(', ')} s (API) and ${b.drainSeconds.join(', ')} s (raw) after the last post; sustained ${int(a.sustainedPerSecond)} vs ${int(b.sustainedPerSecond)} deliveries/s over the windows and their drains; API CPU per delivery includes the replyToThread mutations themselves; ${fmt(a.sqlPerPost)} SQL statements per post in all (mutation, outbox relay, fan-out)`,
        `RSS per connection is the slope over the last 90% of the connections (the first 10% warm the code paths up); the API's RSS ${apiSetup.rssStartMb} MB before any connection, ${apiSetup.rssBeforeMb} → ${apiSetup.rssAfterMb} MB over the second step`,
        `open files: this process ${ownLimit}, the API and the raw server ${fdLimit ? `raised to ${fdLimit}` : `inherit ${ownLimit}`}`,
      );
      return { rows, checks, notes, details };
    } finally {
      await subs?.close('api').catch(() => undefined);
      await subs?.close('raw').catch(() => undefined);
      await subs?.stop();
      await raw?.stop().catch(() => undefined);
      await api?.stop().catch(() => undefined);
      ctx.progress(`removed ${await removeBenchPosts(ctx.pool)} benchmark threads and their replies`);
      await ctx.pool.query('VACUUM (ANALYZE) forum_threads, forum_replies, moderation_decisions');
    }
  },
};
