// 2. Lists at depth: a community's latest threads, its largest category's page, its most used
// tag's page, and page 50 of the longest thread — the API's keyset cursor against the raw
// keyset and OFFSET queries. The target is set at the database: each page's statements (the
// API's own, sent by the baseline) timed under the same load; end to end is reported beside it.
import { apiVariant, baselineVariant, byKey, fmtMs, measure, sizeCaveat } from './common.mjs';

const THREAD_CARD = 'id kind title tags categoryId pinned locked deleted duplicateOfId acceptedReplyId replyCount viewCount lastActivityAt author { id displayName initials title }';
export const LATEST_THREADS = `query BenchLatestThreads($communityId: ID!, $filter: ThreadFilter) {
  threads(communityId: $communityId, filter: $filter, first: 20) { edges { cursor node { ${THREAD_CARD} } } pageInfo { hasNextPage endCursor } }
}`;
const REPLY_FIELDS = 'id threadId bodyHtml deleted createdAt editedAt version author { id displayName initials title } replyTo { id authorName excerpt } reactions { kind count mine } viewerCan { edit delete }';
export const REPLIES_PAGE = `query BenchRepliesPage($id: ID!, $after: String) {
  thread(id: $id) { id replies(first: 20, after: $after) { edges { cursor node { ${REPLY_FIELDS} } } pageInfo { hasNextPage endCursor } } }
}`;
const CURSOR_WALK = `query BenchCursorWalk($id: ID!, $after: String) { thread(id: $id) { id replies(first: 20, after: $after) { pageInfo { hasNextPage endCursor } } } }`;

const WANTED_PAGE = 50;
const PAGE_SIZE = 20;

export default {
  id: 2,
  name: 'lists',
  title: 'Lists at depth',
  async run(ctx) {
    const { community, category, tag, thread } = ctx.targets;
    const notes = [];
    const rows = [];

    ctx.progress('latest threads');
    const latest = await measure(ctx, [
      apiVariant(ctx, 'latest', 'latest threads: GraphQL', [[LATEST_THREADS, { communityId: community.id }]]),
      baselineVariant(ctx, 'latest-raw', 'latest threads: raw', [`/threads/${community.id}`]),
    ]);
    rows.push(...latest);

    if (category) {
      ctx.progress(`category page "${category.name}"`);
      rows.push(
        ...(await measure(ctx, [
          apiVariant(ctx, 'category', `category "${category.name}": GraphQL`, [[LATEST_THREADS, { communityId: community.id, filter: { categoryId: category.id } }]]),
          baselineVariant(ctx, 'category-raw', `category "${category.name}": raw`, [`/threads/${community.id}?categoryId=${category.id}`]),
        ])),
      );
    }

    if (tag) {
      ctx.progress(`tag page "${tag.tag}"`);
      rows.push(
        ...(await measure(ctx, [
          apiVariant(ctx, 'tag', `tag "${tag.tag}": GraphQL`, [[LATEST_THREADS, { communityId: community.id, filter: { tag: tag.tag } }]]),
          baselineVariant(ctx, 'tag-raw', `tag "${tag.tag}": raw`, [`/threads/${community.id}?tag=${encodeURIComponent(tag.tag)}`]),
        ])),
      );
    } else {
      notes.push('the largest community has no tagged threads: no tag page');
    }

    // Walk to the page with the API's own cursors, as a reader paging forward would.
    ctx.progress(`walking to page ${WANTED_PAGE} of the longest thread`);
    let after = null;
    let page = 1;
    while (page < WANTED_PAGE) {
      const { thread: t } = await ctx.gql(CURSOR_WALK, { id: thread.id, after });
      if (!t.replies.pageInfo.hasNextPage) break;
      after = t.replies.pageInfo.endCursor;
      page++;
    }
    if (page < WANTED_PAGE) notes.push(`the longest thread has ${thread.replyRows} replies: page ${page} is its last, measured instead of page ${WANTED_PAGE}`);
    const offset = (page - 1) * PAGE_SIZE;
    const label = `page ${page} of ${thread.replyRows.toLocaleString('en-US')} replies`;

    // Keyset and OFFSET must land on the same rows, or the comparison is meaningless.
    const { thread: viaApi } = await ctx.gql(REPLIES_PAGE, { id: thread.id, after });
    const viaOffset = await (await fetch(`${ctx.baseline.url}/replies-offset/${thread.id}?offset=${offset}`, { headers: { cookie: ctx.cookie } })).json();
    const apiIds = viaApi.replies.edges.map((e) => e.node.id).join();
    if (apiIds !== viaOffset.replies.edges.map((e) => e.node.id).join()) throw new Error(`the keyset page ${page} and OFFSET ${offset} return different replies`);

    ctx.progress(label);
    const deep = await measure(ctx, [
      apiVariant(ctx, 'keyset', `${label}: GraphQL keyset`, [[REPLIES_PAGE, { id: thread.id, after }]]),
      baselineVariant(ctx, 'keyset-raw', `${label}: raw keyset`, [`/replies/${thread.id}${after ? `?after=${encodeURIComponent(after)}` : ''}`]),
      baselineVariant(ctx, 'offset-raw', `${label}: raw OFFSET ${offset}`, [`/replies-offset/${thread.id}?offset=${offset}`]),
    ]);
    rows.push(...deep);

    const caveat = sizeCaveat(ctx);
    const checks = [];
    for (const key of ['latest', 'category', 'tag', 'keyset']) {
      const api = byKey(rows, key);
      const raw = byKey(rows, `${key}-raw`);
      if (!api || !raw) continue;
      const page = api.label.replace(/: GraphQL.*$/u, '');
      checks.push(
        {
          target: `p99 ≤ 20 ms at the database at l: ${page}`,
          measured: `${fmtMs(raw.databaseMs.p99)} (p50 ${fmtMs(raw.databaseMs.p50)}; ${raw.databaseMs.pages.toLocaleString('en-US')} pages of ${raw.statementsPerRequest} statements)`,
          met: raw.databaseMs.p99 <= 20,
          indicative: caveat,
        },
        { target: `end to end: ${page}`, measured: `p99 ${fmtMs(api.latencyMs.p99)} through GraphQL, ${fmtMs(raw.latencyMs.p99)} raw`, met: null },
      );
    }
    const keysetRaw = byKey(rows, 'keyset-raw');
    const offsetRaw = byKey(rows, 'offset-raw');
    checks.push({
      target: `keyset vs OFFSET at ${label} (raw, same columns)`,
      measured: `p50 ${fmtMs(keysetRaw.latencyMs.p50)} vs ${fmtMs(offsetRaw.latencyMs.p50)}; ${Math.round(keysetRaw.rps)} vs ${Math.round(offsetRaw.rps)} req/s`,
      met: null,
    });
    return { rows, checks, notes, details: { page, offset, cursor: after } };
  },
};
