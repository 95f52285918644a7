// 1. Thread page: a thread with its first 20 replies, authors and reactions, in one request,
// through GraphQL against the raw handler sending the same SQL.
import { apiVariant, baselineVariant, byKey, measure, pct } from './common.mjs';

export const THREAD_PAGE = `query BenchThreadPage($id: ID!) {
  thread(id: $id) {
    id kind title tags bodyHtml createdAt editedAt deleted locked pinned replyCount acceptedReplyId version
    author { id displayName initials title }
    reactions { kind count mine }
    viewerCan { reply edit delete accept moderate }
    replies(first: 20) {
      edges { cursor node { id bodyHtml deleted createdAt editedAt version author { id displayName initials title } replyTo { id authorName excerpt } reactions { kind count mine } viewerCan { edit delete } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export default {
  id: 1,
  name: 'thread-page',
  title: 'Thread page',
  async run(ctx) {
    const { thread } = ctx.targets;
    // Both sides must show the same page before their speed means anything.
    const { thread: page } = await ctx.gql(THREAD_PAGE, { id: thread.id });
    const raw = await (await fetch(`${ctx.baseline.url}/thread/${thread.id}`, { headers: { cookie: ctx.cookie } })).json();
    const ids = page.replies.edges.map((e) => e.node.id);
    const rawIds = raw.replies.edges.map((e) => e.node.id);
    if (ids.join() !== rawIds.join()) throw new Error(`GraphQL and the baseline disagree on the page's replies:\n${ids}\n${rawIds}`);

    const rows = await measure(ctx, [
      apiVariant(ctx, 'graphql', 'GraphQL', [[THREAD_PAGE, { id: thread.id }]]),
      baselineVariant(ctx, 'raw', 'raw Fastify + pg, same SQL', [`/thread/${thread.id}`]),
    ]);
    const graphql = byKey(rows, 'graphql');
    const rawRow = byKey(rows, 'raw');
    const ratio = graphql.rps / rawRow.rps;
    const notes = [];
    if (ids.length < 20) notes.push(`the longest thread has only ${ids.length} replies on its first page (seed a larger data set for a full page)`);
    return {
      rows,
      checks: [
        { target: 'GraphQL ≥ 50% of raw throughput', measured: `${pct(ratio)} (${Math.round(graphql.rps)} vs ${Math.round(rawRow.rps)} req/s)`, met: ratio >= 0.5, ratio },
        { target: '≤ 4 SQL statements per thread page', measured: `${graphql.statementsPerRequest.toFixed(1)} (raw: ${rawRow.statementsPerRequest.toFixed(1)})`, met: graphql.statementsPerRequest <= 4 },
      ],
      notes,
    };
  },
};
