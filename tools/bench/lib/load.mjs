// Load runs with autocannon, alternated between variants so machine noise hits all of them.
import autocannon from 'autocannon';
import { sampleProcess } from './proc.mjs';

/** A GraphQL response is only a success when it carries no errors (GraphQL answers errors with HTTP 200). */
export const graphqlOk = (body) => !body.includes('"errors":');
export const jsonOk = (body) => body.startsWith('{') || body.startsWith('[');

export function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * One closed-loop run: `connections` clients each send the next request as soon as the
 * previous one answered, cycling through `requests`. Each client starts at its own place in the
 * list (autocannon would start them all at the first), so that with 1,000 posters and 10
 * connections every poster posts, not the first hundred ten times each. Latencies are kept
 * exactly (ms).
 */
export async function runLoad({ server, requests, connections, seconds, verifyBody }) {
  const latencies = [];
  const sampler = sampleProcess(server.pid);
  const stride = Math.max(1, Math.floor(requests.length / connections));
  let clients = 0;
  const instance = autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests,
    verifyBody,
    timeout: 10,
    setupClient: (client) => {
      const start = (clients++ * stride) % requests.length;
      if (start > 0) client.setRequests([...requests.slice(start), ...requests.slice(0, start)]);
    },
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const usage = sampler.stop();
  return {
    seconds: result.duration,
    responses: latencies.length,
    latencies,
    non2xx: result.non2xx,
    errors: result.errors,
    mismatches: result.mismatches,
    cpuSeconds: usage.cpuSeconds,
    rssMaxBytes: usage.rssMaxBytes,
  };
}

/**
 * Runs every variant `rounds` times, alternating A B B A … after a short warm-up of each,
 * so that drift (another process, CPU frequency, autovacuum) is shared between them.
 * Returns one aggregated row per variant.
 */
export async function compare(ctx, variants, { connections = ctx.options.connections } = {}) {
  const { duration, rounds } = ctx.options;
  const warmup = Math.min(2, duration / 2);
  for (const variant of variants) {
    ctx.progress(`warm-up ${variant.label}`);
    await runLoad({ ...variant, connections, seconds: warmup });
  }
  const runs = new Map(variants.map((v) => [v.key, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      ctx.progress(`round ${round + 1}/${rounds}: ${variant.label}`);
      // A server that times its pages at the database (the baseline) reports this run's alone.
      const timesDatabase = typeof variant.server.databaseTimes === 'function';
      if (timesDatabase) await variant.server.databaseTimes();
      const run = await runLoad({ ...variant, connections, seconds: duration });
      if (timesDatabase) run.databaseMs = await variant.server.databaseTimes();
      runs.get(variant.key).push(run);
    }
  }
  return variants.map((variant) => aggregate(variant, runs.get(variant.key), connections));
}

export function aggregate(variant, runs, connections) {
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const responses = runs.reduce((s, r) => s + r.responses, 0);
  const cpuSeconds = runs.reduce((s, r) => s + r.cpuSeconds, 0);
  const sorted = Float64Array.from(runs.flatMap((r) => r.latencies)).sort();
  const atDatabase = Float64Array.from(runs.flatMap((r) => r.databaseMs ?? [])).sort();
  return {
    key: variant.key,
    label: variant.label,
    server: variant.server.short,
    connections,
    seconds,
    responses,
    rps: responses / seconds,
    latencyMs: { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN },
    // Pages' time at the database, where the server measures it (the baseline: the same statements as the API's).
    ...(atDatabase.length > 0 ? { databaseMs: { pages: atDatabase.length, p50: percentile(atDatabase, 0.5), p95: percentile(atDatabase, 0.95), p99: percentile(atDatabase, 0.99) } } : {}),
    failures: runs.reduce((s, r) => s + r.non2xx + r.errors + r.mismatches, 0),
    cpuMicrosPerRequest: responses > 0 ? (cpuSeconds / responses) * 1e6 : NaN,
    cpuPercent: (cpuSeconds / seconds) * 100,
    rssMaxBytes: Math.max(...runs.map((r) => r.rssMaxBytes)),
    perRoundRps: runs.map((r) => r.responses / r.seconds),
  };
}

/**
 * SQL statements per request, read from a counter around requests sent one at a time:
 * three batches of ten, keeping the smallest average, so a background statement (the
 * buffered view counter's flush, a session's last-seen update) does not inflate it.
 */
export async function statementsPerRequest(readCounter, send, { batches = 3, perBatch = 10 } = {}) {
  let best = Infinity;
  for (let b = 0; b < batches; b++) {
    const before = await readCounter();
    for (let i = 0; i < perBatch; i++) await send(i);
    const after = await readCounter();
    best = Math.min(best, (after - before) / perBatch);
  }
  return best;
}

/** Sends one autocannon-style request with fetch and checks it like the load run does. */
export async function sendOnce(server, template, verifyBody) {
  // A request that writes its own body per send (autocannon's setupRequest) does so here too.
  const request = template.setupRequest ? template.setupRequest({ ...template }, {}) : template;
  const response = await fetch(`${server.url}${request.path}`, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  const text = await response.text();
  if (response.status < 200 || response.status >= 300 || (verifyBody && !verifyBody(text))) {
    throw new Error(`${server.name}: ${request.method ?? 'GET'} ${request.path} answered ${response.status}: ${text.slice(0, 600)}`);
  }
  return text;
}
