// 7. Document cache: a repeated operation must be parsed and validated once. Counted over HTTP
// with the API's commons_graphql_validations_total; load with the same document against a new
// document every request shows what the cache saves. Over WebSocket (GraphqlWsServer keeps its
// own cache of checked documents) the same counter, labelled transport="ws", is checked too.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphqlRequest } from '../lib/graphql.mjs';
import { compare, graphqlOk, percentile, sendOnce } from '../lib/load.mjs';
import { apiVariant, byKey, fmtMs, pct, statementsOf, VALIDATIONS_TOTAL, WS_VALIDATIONS_TOTAL } from './common.mjs';
import { LATEST_THREADS } from './lists.mjs';
import { SEARCH } from './search.mjs';
import { THREAD_PAGE } from './thread-page.mjs';

const REPEATS = 20;
const WS_REPEATS = 100;

export default {
  id: 7,
  name: 'document-cache',
  title: 'Document cache',
  async run(ctx) {
    const { thread, community } = ctx.targets;
    const tag = ctx.runId.replace(/\W/gu, '');
    // Operation names unique to this run: no earlier request can have cached these texts.
    const named = (query, name) => query.replace(/^(query|mutation) \w+/u, `$1 ${name}${tag}`);
    const operations = [
      [named(THREAD_PAGE, 'CacheThread'), { id: thread.id }],
      [named(LATEST_THREADS, 'CacheThreads'), { communityId: community.id }],
      [named(SEARCH, 'CacheSearch'), { query: 'zqxvjk' }],
    ];
    const validations = async () => (await ctx.api.metrics())[VALIDATIONS_TOTAL];

    ctx.progress(`HTTP: ${operations.length} documents × ${REPEATS}, one at a time`);
    const before = await validations();
    for (let i = 0; i < REPEATS; i++) {
      for (const [query, variables] of operations) await sendOnce(ctx.api, graphqlRequest(query, variables, ctx.cookie), graphqlOk);
    }
    const httpValidations = (await validations()) - before;

    // Cache misses on purpose: a new operation name on every request.
    let miss = 0;
    const missTemplate = JSON.stringify({ query: named(THREAD_PAGE, 'CacheMiss'), variables: { id: thread.id } });
    const missName = `CacheMiss${tag}`;
    const fresh = () => missTemplate.replace(missName, `${missName}x${miss++}`);
    const beforeMisses = await validations();
    for (let i = 0; i < 10; i++) await sendOnce(ctx.api, { ...graphqlRequest('', {}, ctx.cookie), body: fresh() }, graphqlOk);
    const missValidations = (await validations()) - beforeMisses;

    const same = apiVariant(ctx, 'cached', 'thread page, same document (cached)', [[THREAD_PAGE, { id: thread.id }]]);
    const unique = {
      ...apiVariant(ctx, 'uncached', 'thread page, new document each request', [[named(THREAD_PAGE, 'CacheMiss'), { id: thread.id }]]),
    };
    unique.requests = unique.requests.map((r) => ({ ...r, setupRequest: (request) => ({ ...request, body: fresh() }) }));
    const statements = await statementsOf(ctx, same);
    const rows = (await compare(ctx, [same, unique])).map((row) => ({ ...row, statementsPerRequest: statements }));

    ctx.progress(`WebSocket: ${WS_REPEATS} operations of the same document, then ${WS_REPEATS} new ones`);
    const wsBefore = (await ctx.api.metrics())[WS_VALIDATIONS_TOTAL];
    const ws = await wsTimings(ctx, THREAD_PAGE, { id: thread.id }, tag);
    // One document repeated, then WS_REPEATS new ones: 1 + WS_REPEATS validations when the cache works.
    const wsValidations = (await ctx.api.metrics())[WS_VALIDATIONS_TOTAL] - wsBefore;

    const cached = byKey(rows, 'cached');
    const uncached = byKey(rows, 'uncached');
    return {
      rows,
      checks: [
        {
          target: 'HTTP: validations = distinct documents',
          measured: `${httpValidations} validations for ${operations.length * REPEATS} requests of ${operations.length} documents`,
          met: httpValidations === operations.length,
        },
        { target: 'HTTP: a new document is validated every time (sanity)', measured: `${missValidations} validations for 10 new documents`, met: missValidations === 10 },
        { target: 'HTTP: cached vs new-document throughput (informational)', measured: `${pct(cached.rps / uncached.rps)} (${Math.round(cached.rps)} vs ${Math.round(uncached.rps)} req/s)`, met: null },
        {
          target: 'WebSocket: validations = distinct documents',
          measured: `${wsValidations} validations for ${WS_REPEATS + 20} operations of one document and ${WS_REPEATS} new ones; sequential p50 same document ${fmtMs(ws.sameP50)} vs new document ${fmtMs(ws.newP50)}`,
          met: wsValidations === WS_REPEATS + 1,
        },
      ],
      details: { httpValidations, missValidations, ws, wsValidations },
    };
  },
};

/** Sequential operations over one graphql-ws connection: the same text repeated, then a new text each time. */
async function wsTimings(ctx, query, variables, tag) {
  const cookie = ctx.cookie;
  class CookieSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const client = createClient({ url: `${ctx.api.url.replace(/^http/u, 'ws')}/graphql`, webSocketImpl: CookieSocket, lazy: false, retryAttempts: 0 });
  const execute = (text) =>
    new Promise((resolve, reject) => {
      let result;
      client.subscribe({ query: text, variables }, {
        next: (value) => (result = value),
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => (result?.errors ? reject(new Error(JSON.stringify(result.errors))) : resolve(result)),
      });
    });
  const timed = async (texts) => {
    const times = [];
    for (const text of texts) {
      const started = performance.now();
      await execute(text);
      times.push(performance.now() - started);
    }
    return percentile(Float64Array.from(times).sort(), 0.5);
  };
  try {
    const sameText = query.replace(/^query \w+/u, `query WsSame${tag}`);
    await timed(Array.from({ length: 20 }, () => sameText)); // warm-up
    const sameP50 = await timed(Array.from({ length: WS_REPEATS }, () => sameText));
    const newP50 = await timed(Array.from({ length: WS_REPEATS }, (_, i) => query.replace(/^query \w+/u, `query WsNew${tag}x${i}`)));
    return { sameP50, newP50 };
  } finally {
    await client.dispose();
  }
}
