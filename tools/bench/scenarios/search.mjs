// 3. Search: a mix of queries that find something and queries that find nothing, cycled
// through by every connection, through GraphQL and through the raw handler.
import { searchQueries } from '../lib/data.mjs';
import { percentile } from '../lib/load.mjs';
import { apiVariant, baselineVariant, byKey, fmtMs, measure, pct, sizeCaveat } from './common.mjs';

export const SEARCH = `query BenchSearch($query: String!) {
  search(query: $query, first: 20) {
    edges { cursor node { kind id threadId postSlug communityId communityName communitySlug titleHtml snippetHtml createdAt author { id displayName initials title } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export default {
  id: 3,
  name: 'search',
  title: 'Search',
  async run(ctx) {
    const candidates = await searchQueries(ctx.pool, ctx.targets.community.id);
    // Keep only queries that behave as intended for this viewer, and time each one alone.
    const hits = [];
    const zero = [];
    const alone = [];
    const dropped = [];
    for (const [query, wantsHits] of [...candidates.hits.map((q) => [q, true]), ...candidates.zero.map((q) => [q, false])]) {
      const times = [];
      let found = 0;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        found = (await ctx.gql(SEARCH, { query })).search.edges.length;
        times.push(performance.now() - started);
      }
      if ((found > 0) !== wantsHits) {
        dropped.push(query);
        continue;
      }
      (wantsHits ? hits : zero).push(query);
      alone.push({ query, hits: found, medianMs: percentile(Float64Array.from(times).sort(), 0.5) });
    }
    if (hits.length === 0 || zero.length === 0) throw new Error(`could not build a mix of hit (${hits.length}) and zero-hit (${zero.length}) queries from the data`);
    const mix = [...hits, ...zero];

    // One pass over the mix for the statement count: slow queries make the usual 30 requests costly.
    const statementCount = { batches: 1, perBatch: mix.length };
    const rows = await measure(ctx, [
      { ...apiVariant(ctx, 'graphql', `${hits.length} hit + ${zero.length} zero-hit queries: GraphQL`, mix.map((query) => [SEARCH, { query }])), verified: true, statementCount },
      { ...baselineVariant(ctx, 'raw', 'same queries: raw', mix.map((query) => `/search?q=${encodeURIComponent(query)}`)), statementCount },
    ]);
    const graphql = byKey(rows, 'graphql');
    const raw = byKey(rows, 'raw');
    const slowest = [...alone].sort((a, b) => b.medianMs - a.medianMs)[0];
    return {
      rows,
      checks: [
        { target: 'p95 ≤ 50 ms at l (mixed queries)', measured: fmtMs(graphql.latencyMs.p95), met: graphql.latencyMs.p95 <= 50, indicative: sizeCaveat(ctx) },
        { target: 'at the database (the same statements, raw), p95', measured: `${fmtMs(raw.databaseMs.p95)} (p50 ${fmtMs(raw.databaseMs.p50)})`, met: null },
        { target: 'GraphQL vs raw throughput (informational)', measured: `${pct(graphql.rps / raw.rps)}`, met: null },
      ],
      notes: [
        `queries: ${mix.map((q) => `\`${q}\``).join(', ')}`,
        ...(dropped.length > 0 ? [`left out, as they did not find what was expected of them: ${dropped.map((q) => `\`${q}\``).join(', ')}`] : []),
        `slowest alone (median of 3, sequential): \`${slowest.query}\` ${fmtMs(slowest.medianMs)} with ${slowest.hits} hits`,
      ],
      details: { queries: alone },
    };
  },
};
