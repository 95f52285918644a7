// 4. Posting: createThread and replyToThread through GraphQL (rendering, the moderation
// call, the transaction) against one raw INSERT each. Everything written is removed after.
//
// Moderation on vs off (target ratio ≥ 0.8) needs moderation policies: today's ModerationGate
// allows everything. When the moderation issue lands, add a variant here that posts while a
// policy set is active (e.g. start a second API with policies seeded) and compare it with
// the 'create' and 'reply' rows below.
import { BENCH_TITLE_PREFIX } from '../lib/data.mjs';
import { apiVariant, baselineVariant, byKey, measure, pct } from './common.mjs';

const CREATE_THREAD = `mutation BenchCreateThread($input: CreateThreadInput!) { createThread(input: $input) { id title bodyHtml version author { id displayName } } }`;
const REPLY = `mutation BenchReply($input: ReplyInput!) { replyToThread(input: $input) { id bodyHtml createdAt author { id displayName } } }`;
const BODY = 'A benchmark post with **Markdown**, a [link](https://example.com/docs) and a list:\n\n- first point\n- second point\n';

/** Removes every thread the benchmark wrote (replies go with their thread). */
export async function removeBenchPosts(pool) {
  const { rowCount } = await pool.query('DELETE FROM forum_threads WHERE title LIKE $1', [`${BENCH_TITLE_PREFIX}%`]);
  return rowCount;
}

export default {
  id: 4,
  name: 'posting',
  title: 'Posting',
  async run(ctx) {
    const communityId = ctx.targets.community.id;
    const title = `${BENCH_TITLE_PREFIX}${ctx.runId}] posting`;
    try {
      const { createThread: scratch } = await ctx.gql(CREATE_THREAD, { input: { communityId, title: `${title} (replies)`, body: BODY, tags: [] } });
      const rows = await measure(ctx, [
        apiVariant(ctx, 'create', 'createThread: GraphQL', [[CREATE_THREAD, { input: { communityId, title, body: BODY, tags: [] } }]]),
        baselineVariant(ctx, 'create-raw', 'new thread: raw INSERT', ['/threads'], { method: 'POST', bodies: [{ communityId, title, body: BODY }] }),
        apiVariant(ctx, 'reply', 'replyToThread: GraphQL', [[REPLY, { input: { threadId: scratch.id, body: BODY } }]]),
        baselineVariant(ctx, 'reply-raw', 'new reply: raw INSERT', ['/replies'], { method: 'POST', bodies: [{ threadId: scratch.id, body: BODY }] }),
      ]);
      const ratio = (key) => byKey(rows, key).rps / byKey(rows, `${key}-raw`).rps;
      return {
        rows,
        checks: [
          { target: 'posting with moderation on vs off: ratio ≥ 0.8', pending: 'needs moderation policies (the moderation issue); ModerationGate allows everything today' },
          { target: 'createThread vs raw INSERT (informational)', measured: pct(ratio('create')), met: null },
          { target: 'replyToThread vs raw INSERT (informational)', measured: pct(ratio('reply')), met: null },
        ],
        notes: ['replies all go to one scratch thread, so both sides contend for its row lock as on a busy thread'],
      };
    } finally {
      ctx.progress(`removed ${await removeBenchPosts(ctx.pool)} benchmark threads and their replies`);
    }
  },
};
