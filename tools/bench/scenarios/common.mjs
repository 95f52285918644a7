// What every scenario shares: variants against the API or the baseline, checked before load.
import { graphqlRequest } from '../lib/graphql.mjs';
import { compare, graphqlOk, jsonOk, sendOnce, statementsPerRequest } from '../lib/load.mjs';

export const SQL_TOTAL = 'commons_sql_statements_total';
export const VALIDATIONS_TOTAL = 'commons_graphql_validations_total{transport="http"}';
export const WS_VALIDATIONS_TOTAL = 'commons_graphql_validations_total{transport="ws"}';

/** A variant served by the API through GraphQL; `operations` is a list of [query, variables] cycled through. */
export function apiVariant(ctx, key, label, operations) {
  return { key, label, server: ctx.api, requests: operations.map(([query, variables]) => graphqlRequest(query, variables, ctx.cookie)), verifyBody: graphqlOk };
}

/** A variant served by the raw baseline; `paths` are cycled through. */
export function baselineVariant(ctx, key, label, paths, { method = 'GET', bodies } = {}) {
  const headers = { cookie: ctx.cookie, ...(bodies ? { 'content-type': 'application/json' } : {}) };
  return {
    key,
    label,
    server: ctx.baseline,
    requests: paths.map((path, i) => ({ method, path, headers, ...(bodies ? { body: JSON.stringify(bodies[i]) } : {}) })),
    verifyBody: jsonOk,
  };
}

/** Statements per request of a variant, from its server's counter. */
export function statementsOf(ctx, variant) {
  // An API (the main one or a scenario's own) counts in its /metrics, the baseline in its /stats.
  const read = variant.server.metrics ? async () => (await variant.server.metrics())[SQL_TOTAL] : () => ctx.baseline.statements();
  return statementsPerRequest(read, (i) => sendOnce(variant.server, variant.requests[i % variant.requests.length], variant.verifyBody), variant.statementCount);
}

/**
 * Checks every request of every variant answers correctly (unless the scenario did:
 * `verified`), counts their SQL statements (`statementCount`: { batches, perBatch }),
 * then runs the variants against each other (A B B A …). Rows carry statementsPerRequest.
 */
export async function measure(ctx, variants) {
  const statements = new Map();
  for (const variant of variants) {
    if (!variant.verified) for (const request of variant.requests) await sendOnce(variant.server, request, variant.verifyBody);
    statements.set(variant.key, await statementsOf(ctx, variant));
  }
  const rows = await compare(ctx, variants);
  return rows.map((row) => ({ ...row, statementsPerRequest: statements.get(row.key) }));
}

export const byKey = (rows, key) => rows.find((r) => r.key === key);
export const pct = (ratio) => `${Math.round(ratio * 100)}%`;
export const fmtMs = (n) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

/** Latency targets are set for size l; on smaller data a result is only indicative. */
export function sizeCaveat(ctx) {
  return ctx.data.size === 'l' ? undefined : `data is size ${ctx.data.size}, the target is for l`;
}
