import { request, type Page } from 'playwright-core';
import { DEMO_PASSWORD, graphqlAs } from './browser';

/** Today in the organisation's time zone (the built server runs on UTC, as does this test). */
export const today = (): string => new Date().toISOString().slice(0, 10);

export interface SeriesPoint {
  start: string;
  value: number | null;
  suppressed: boolean;
}

interface Series {
  definition: { key: string };
  points: SeriesPoint[];
}

const SERIES = `query ($input: MetricSeriesInput!) { metricSeries(input: $input) { definition { key } points { start value suppressed } } }`;

/** The API's series for some metrics (as the page asking them may see them). */
export async function metricSeries(page: Page, input: Record<string, unknown>): Promise<Map<string, SeriesPoint[]>> {
  const { metricSeries } = await graphqlAs<{ metricSeries: Series[] }>(page, SERIES, { input });
  return new Map(metricSeries.map((s) => [s.definition.key, s.points]));
}

/** The error code a GraphQL request answers with, or null when it succeeds. */
export async function errorCode(page: Page, query: string, variables: Record<string, unknown>): Promise<string | null> {
  const response = await page.request.post('/graphql', { data: { query, variables } });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return body.errors?.[0]?.extensions?.code ?? null;
}

/** Demo people (not the given ones) sign in through the API: each sign-in is activity for today. */
export async function signInDemoPeople(admin: Page, baseURL: string, count: number, except: readonly string[]): Promise<string[]> {
  const { accounts } = await graphqlAs<{ accounts: { edges: Array<{ node: { email: string | null } }> } }>(admin, 'query { accounts(first: 40) { edges { node { email } } } }');
  const emails = accounts.edges
    .map((e) => e.node.email)
    .filter((email): email is string => !!email && email.endsWith('@commons.example') && !except.includes(email))
    .slice(0, count);
  for (const email of emails) {
    const context = await request.newContext({ baseURL });
    const response = await context.post('/graphql', {
      data: { query: 'mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }', variables: { input: { email, password: DEMO_PASSWORD } } },
    });
    const body = (await response.json()) as { errors?: unknown[] };
    await context.dispose();
    if (body.errors) throw new Error(`${email} could not sign in: ${JSON.stringify(body.errors)}`);
  }
  return emails;
}

async function until<T>(what: string, check: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The admin rolls today up (the built server queues it for its background jobs) until the
 * organisation's daily active people reach `active`: the outbox relay may not have logged every
 * sign-in when the first rollup runs. Answers the daily active count the API then reports.
 */
export async function rollUpTodayUntilActive(admin: Page, active: number): Promise<number> {
  const day = today();
  return until(`${active} daily active people in today's rollup`, async () => {
    await graphqlAs(admin, 'mutation ($from: String!, $to: String!) { backfillRollups(from: $from, to: $to) { days queued } }', { from: day, to: day });
    const status = await until('the rollup of today to finish', async () => {
      const { rollupRuns } = await graphqlAs<{ rollupRuns: Array<{ status: string; error: string | null }> }>(
        admin,
        'query ($from: String!, $to: String!) { rollupRuns(from: $from, to: $to) { status error } }',
        { from: day, to: day },
      );
      const run = rollupRuns[0];
      return run && (run.status === 'DONE' || run.status === 'FAILED') ? run : null;
    });
    if (status.status === 'FAILED') throw new Error(`Today's rollup failed: ${status.error}`);
    const series = await metricSeries(admin, { metrics: ['DAILY_ACTIVE_USERS'], from: day, to: day, bucket: 'DAY' });
    const value = series.get('DAILY_ACTIVE_USERS')?.[0]?.value ?? 0;
    return value >= active ? value : null;
  }, 60_000);
}
