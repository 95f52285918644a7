// 6. Steering dashboard from rollups: p95 ≤ 200 ms; a day's rollup for the whole organisation ≤ 30 s.
//
// Signed in as a STEERING account, the dashboard's own operations (MetricSeries, MetricBreakdown
// of libs/web/feature-metrics/src/metrics.graphql) over the last 12 months in weekly buckets:
// the adoption and engagement charts' metrics for the organisation in one request, the active
// members ratio of every community, and the same charts for the largest community. Each against
// the baseline's route answering with the API's own MetricsService from the same rollup rows
// (lib/dashboard-routes.mjs). Then a day's rollup as the API runs it: backfillRollups for one day,
// timed by its run (started → finished) in rollupRuns.
import { graphqlRequest } from '../lib/graphql.mjs';
import { apiVariant, baselineVariant, byKey, fmtMs, measure, sizeCaveat } from './common.mjs';

const DEFINITION_FIELDS = 'key name description formula category unit direction';
const SLICE_FIELDS = 'dimension id label';
export const METRIC_SERIES = `query MetricSeries($input: MetricSeriesInput!) {
  metricSeries(input: $input) { definition { ${DEFINITION_FIELDS} } slice { ${SLICE_FIELDS} } bucket points { start value numerator denominator suppressed } }
}`;
export const METRIC_BREAKDOWN = `query MetricBreakdown($input: MetricBreakdownInput!) {
  metricBreakdown(input: $input) { definition { ${DEFINITION_FIELDS} } dimension from to rows { slice { ${SLICE_FIELDS} } value numerator denominator suppressed } }
}`;
const DEFINITIONS = '{ metricDefinitions { key dimensions buckets } }';
const BACKFILL = 'mutation ($from: String!, $to: String!) { backfillRollups(from: $from, to: $to) { days queued } }';
const RUNS = 'query ($from: String!, $to: String!) { rollupRuns(from: $from, to: $to) { day status startedAt finishedAt rows error } }';

/** The adoption and engagement charts' metrics (the steering dashboard's first two sections). */
const CHART_METRICS = [
  'DAILY_ACTIVE_USERS', 'WEEKLY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS', 'MONTHLY_ACTIVE_MEMBERS_RATIO',
  'STICKINESS', 'CONTRIBUTOR_RATIO', 'THREADS', 'REPLIES',
];
/** The support charts' metrics: computed on read from the per-question facts (no baseline: informative). */
const SUPPORT_METRICS = ['MEDIAN_FIRST_RESPONSE_MINUTES', 'P90_FIRST_RESPONSE_MINUTES', 'MEDIAN_RESOLUTION_MINUTES', 'P90_RESOLUTION_MINUTES'];
const TARGET_P95_MS = 200;
const TARGET_ROLLUP_S = 30;
/** Days whose rollup is timed (the latest full days); the slowest counts. */
const ROLLED_DAYS = 3;

export default {
  id: 6,
  name: 'dashboard',
  title: 'Steering dashboard',
  async run(ctx) {
    const notes = [];
    const { rows: [range] } = await ctx.pool.query(
      `SELECT to_char(max(day), 'YYYY-MM-DD') AS "to", to_char(max(day) - 364, 'YYYY-MM-DD') AS "from",
              count(DISTINCT day) FILTER (WHERE day > max_day - 365)::int AS days
         FROM metric_daily, (SELECT max(day) AS max_day FROM metric_daily) m`,
    );
    if (!range?.to) throw new Error('metric_daily is empty: seed with npm run seed -- --size l (it imports the activity history and rolls it up)');
    if (range.days < 365) notes.push(`only ${range.days} of the 365 days in the range are rolled up`);
    const { rows: [steering] } = await ctx.pool.query(`SELECT email FROM accounts WHERE role = 'STEERING' AND suspended_at IS NULL ORDER BY email LIMIT 1`);
    const { rows: [admin] } = await ctx.pool.query(`SELECT email FROM accounts WHERE role = 'ADMIN' AND suspended_at IS NULL ORDER BY email LIMIT 1`);
    if (!steering || !admin) throw new Error('the dashboard scenario needs a STEERING and an ADMIN account');
    // Every request of this scenario is the steering member's, on the API and the baseline alike.
    const as = { ...ctx, cookie: await ctx.signIn(steering.email) };
    const defined = new Map((await gqlAs(as, DEFINITIONS)).metricDefinitions.map((d) => [d.key, d]));
    const community = ctx.targets.community;

    const series = (metrics, dimension, sliceId) => ({ metrics, dimension, sliceId, from: range.from, to: range.to, bucket: 'WEEK' });
    const query = (input) => new URLSearchParams(Object.entries(input).filter(([, v]) => v != null).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)])).toString();
    const orgMetrics = CHART_METRICS.filter((key) => defined.get(key)?.dimensions.includes('ORGANISATION'));
    const communityMetrics = CHART_METRICS.filter((key) => defined.get(key)?.dimensions.includes('COMMUNITY'));
    const orgSeries = series(orgMetrics, 'ORGANISATION', null);
    const communitySeries = series(communityMetrics, 'COMMUNITY', community.id);
    const breakdown = { metric: 'MONTHLY_ACTIVE_MEMBERS_RATIO', dimension: 'COMMUNITY', from: range.from, to: range.to };

    // The API and the baseline must answer the same numbers, or the comparison means nothing.
    await sameAnswers(as, METRIC_SERIES, orgSeries, `/metric-series?${query(orgSeries)}`, 'metricSeries');
    await sameAnswers(as, METRIC_BREAKDOWN, breakdown, `/metric-breakdown?${query(breakdown)}`, 'metricBreakdown');

    const label = `12 months by week, ${range.from} to ${range.to}`;
    ctx.progress(`organisation series (${orgMetrics.length} metrics), community breakdown, "${community.name}" series`);
    const rows = await measure(ctx, [
      apiVariant(as, 'org-series', `organisation: ${orgMetrics.length} metrics, ${label}: GraphQL`, [[METRIC_SERIES, { input: orgSeries }]]),
      baselineVariant(as, 'org-series-raw', `organisation: ${orgMetrics.length} metrics: raw`, [`/metric-series?${query(orgSeries)}`]),
      apiVariant(as, 'breakdown', 'active members ratio of every community: GraphQL', [[METRIC_BREAKDOWN, { input: breakdown }]]),
      baselineVariant(as, 'breakdown-raw', 'active members ratio of every community: raw', [`/metric-breakdown?${query(breakdown)}`]),
      apiVariant(as, 'community-series', `"${community.name}": ${communityMetrics.length} metrics: GraphQL`, [[METRIC_SERIES, { input: communitySeries }]]),
      baselineVariant(as, 'community-series-raw', `"${community.name}": ${communityMetrics.length} metrics: raw`, [`/metric-series?${query(communitySeries)}`]),
    ]);
    const supportMetrics = SUPPORT_METRICS.filter((key) => defined.get(key)?.dimensions.includes('ORGANISATION'));
    if (supportMetrics.length > 0) {
      ctx.progress('support chart (computed on read)');
      rows.push(...(await measure(ctx, [apiVariant(as, 'support-series', `organisation: time to answer (${supportMetrics.length} metrics, on read): GraphQL`, [[METRIC_SERIES, { input: series(supportMetrics, 'ORGANISATION', null) }]])])));
    } else {
      notes.push('the support metrics are not defined yet: no support chart measured');
    }

    ctx.progress(`timing the rollup of the last ${ROLLED_DAYS} full days`);
    const rollups = await timeRollups(ctx, admin.email, range.to);

    const caveat = sizeCaveat(ctx);
    const checks = ['org-series', 'breakdown', 'community-series', 'support-series']
      .map((key) => byKey(rows, key))
      .filter(Boolean)
      .map((row) => {
        const raw = byKey(rows, `${row.key}-raw`);
        const ratio = raw ? ` (raw ${fmtMs(raw.latencyMs.p95)}; ${(row.latencyMs.p95 / raw.latencyMs.p95).toFixed(1)}×)` : '';
        return { target: `p95 ≤ ${TARGET_P95_MS} ms at l: ${row.label}`, measured: `${fmtMs(row.latencyMs.p95)}${ratio}`, met: row.latencyMs.p95 <= TARGET_P95_MS, indicative: caveat };
      });
    const slowest = Math.max(...rollups.map((r) => r.seconds));
    checks.push({
      target: `a day's rollup for the whole organisation ≤ ${TARGET_ROLLUP_S} s`,
      measured: `${slowest.toFixed(1)} s (${rollups.map((r) => `${r.day}: ${r.seconds.toFixed(1)} s, ${r.rows} rows`).join('; ')})`,
      met: slowest <= TARGET_ROLLUP_S,
      indicative: caveat,
    });
    return { rows, checks, notes, details: { range, community: community.name, orgMetrics, communityMetrics, supportMetrics, rollups } };
  },
};

/** An operation as the scenario's account (`as.cookie`); returns its data. */
async function gqlAs(as, query, variables) {
  const request = graphqlRequest(query, variables, as.cookie);
  const response = await fetch(`${as.api.url}${request.path}`, { method: 'POST', headers: request.headers, body: request.body });
  const body = await response.json();
  if (body.errors?.length || !body.data) throw new Error(`GraphQL answered: ${JSON.stringify(body.errors ?? body).slice(0, 800)}`);
  return body.data;
}

/** Compares the values the API and the baseline answer (the API's numbers are what the chart shows). */
async function sameAnswers(as, document, input, path, field) {
  const viaApi = (await gqlAs(as, document, { input }))[field];
  const response = await fetch(`${as.baseline.url}${path}`, { headers: { cookie: as.cookie } });
  if (response.status !== 200) throw new Error(`the baseline answered ${path} with ${response.status}: ${(await response.text()).slice(0, 500)}`);
  const viaRaw = (await response.json())[field];
  const values = (answer) => JSON.stringify((Array.isArray(answer) ? answer : [answer]).map((a) => (a.points ?? a.rows).map((p) => [p.start ?? p.slice.id, p.value, p.suppressed])));
  if (values(viaApi) !== values(viaRaw)) throw new Error(`the API and the baseline disagree on ${path}`);
}

/**
 * A day's rollup as the API runs it: backfillRollups for the day (a pg-boss job in production),
 * timed from its run's start to its finish, for the latest full days.
 */
async function timeRollups(ctx, adminEmail, lastDay) {
  const admin = { ...ctx, cookie: await ctx.signIn(adminEmail) };
  const results = [];
  for (let n = ROLLED_DAYS; n >= 1; n--) {
    const day = new Date(Date.parse(`${lastDay}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const requested = Date.now();
    await gqlAs(admin, BACKFILL, { from: day, to: day });
    for (;;) {
      const [run] = (await gqlAs(admin, RUNS, { from: day, to: day })).rollupRuns;
      if (run?.status === 'FAILED') throw new Error(`the rollup of ${day} failed: ${run.error}`);
      if (run?.status === 'DONE' && Date.parse(run.startedAt) >= requested - 1_000) {
        results.push({ day, seconds: (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000, rows: run.rows });
        break;
      }
      if (Date.now() - requested > 300_000) throw new Error(`the rollup of ${day} did not finish within 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return results;
}
