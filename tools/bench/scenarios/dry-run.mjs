// 8. Moderation dry-run: an administrator replays the effective policy of the community with
// the most recent posts on enough of its history to cover 100,000 posts (at most a year, the
// longest dry-run allowed), through the API as the policy editor does, polling its progress
// until it is done. Target: 100,000 posts in under a minute. It changes no content; the run's
// own record and audit entry stay (both are part of the moderation history).
import { graphql } from '../lib/graphql.mjs';

const TARGET_POSTS = 100_000;
const TARGET_SECONDS = 60;
const MAX_DAYS = 365;
const ADMIN = process.env.BENCH_ADMIN ?? 'admin@commons.example';

const START = `mutation BenchDryRun($input: StartDryRunInput!) { startModerationDryRun(input: $input) { id total } }`;
const PROGRESS = `query BenchDryRunProgress($id: ID!) { moderationDryRun(id: $id) { status total processed held rejected error byRule { ruleId count } } }`;

/** The community with the most posts in the last year. */
async function busiestCommunity(pool) {
  const { rows: [community] } = await pool.query(
    `WITH posts AS (
       SELECT community_id, created_at FROM forum_threads WHERE created_at > now() - interval '${MAX_DAYS} days'
       UNION ALL SELECT t.community_id, r.created_at FROM forum_replies r JOIN forum_threads t ON t.id = r.thread_id WHERE r.created_at > now() - interval '${MAX_DAYS} days'
       UNION ALL SELECT community_id, coalesce(published_at, created_at) FROM blog_posts WHERE coalesce(published_at, created_at) > now() - interval '${MAX_DAYS} days'
       UNION ALL SELECT p.community_id, c.created_at FROM blog_comments c JOIN blog_posts p ON p.id = c.post_id WHERE c.created_at > now() - interval '${MAX_DAYS} days')
     SELECT c.id, c.name, c.audiences::text[] AS audiences, count(*)::int AS posts
       FROM posts JOIN communities c ON c.id = posts.community_id
      GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`,
  );
  return community;
}

export default {
  id: 8,
  name: 'dry-run',
  title: 'Moderation dry-run',
  async run(ctx) {
    const community = await busiestCommunity(ctx.pool);
    if (!community) throw new Error('No posts in the last year to replay.');
    const { rows: [policy] } = await ctx.pool.query(
      `SELECT id, name, coalesce(active_version, latest_version) AS version FROM moderation_policies
        WHERE community_id = $1 OR (scope = 'AUDIENCE_DEFAULT' AND audience = $2) ORDER BY community_id IS NULL LIMIT 1`,
      [community.id, ['CUSTOMER', 'PARTNER'].find((a) => community.audiences.includes(a)) ?? 'EMPLOYEE'],
    );
    const replayDays = await daysCovering(ctx.pool, community.id, TARGET_POSTS);

    const cookie = await ctx.signIn(ADMIN);
    const gql = async (query, variables) => (await graphql(ctx.api, query, variables, cookie)).data;
    ctx.progress(`replaying "${policy.name}" v${policy.version} on ${community.name}'s last ${replayDays} days…`);
    const started = Date.now();
    const { startModerationDryRun: run } = await gql(START, { input: { policyId: policy.id, version: policy.version, communityId: community.id, days: replayDays } });
    let state;
    let lastReport = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      ({ moderationDryRun: state } = await gql(PROGRESS, { id: run.id }));
      if (state.status !== 'RUNNING') break;
      if (Date.now() - lastReport > 5000) {
        lastReport = Date.now();
        ctx.progress(`${state.processed.toLocaleString('en')} of ${state.total.toLocaleString('en')} posts`);
      }
      if (Date.now() - started > 15 * 60_000) throw new Error(`the dry-run was still running after 15 minutes (${state.processed} of ${state.total})`);
    }
    const seconds = (Date.now() - started) / 1000;
    if (state.status !== 'DONE') throw new Error(`the dry-run ended ${state.status}: ${state.error}`);
    const perSecond = state.processed / seconds;
    const for100k = TARGET_POSTS / perSecond;
    const enough = state.processed >= TARGET_POSTS;
    return {
      rows: [],
      checks: [
        {
          target: `dry-run over ${TARGET_POSTS.toLocaleString('en')} posts in under ${TARGET_SECONDS} s`,
          measured: `${state.processed.toLocaleString('en')} posts in ${seconds.toFixed(1)} s (${Math.round(perSecond).toLocaleString('en')} posts/s${enough ? '' : `; ${for100k.toFixed(1)} s for 100,000 at that rate`})`,
          met: for100k < TARGET_SECONDS,
          ...(enough ? {} : { indicative: `the busiest community has only ${state.processed.toLocaleString('en')} posts in a year` }),
        },
      ],
      notes: [
        `"${policy.name}" v${policy.version} replayed on ${community.name} (${community.audiences.join(', ')}), last ${replayDays} days: ${state.held.toLocaleString('en')} would have been held, ${state.rejected.toLocaleString('en')} rejected` +
          (state.byRule.length ? ` (${state.byRule.map((r) => `${r.ruleId} ${r.count}`).join(', ')})` : ''),
        'time from startModerationDryRun to the poll that saw it DONE (polled every 250 ms), with the other scenarios idle',
      ],
    };
  },
};

/** The fewest days back (at most a year) whose posts in the community reach `posts`. */
async function daysCovering(pool, communityId, posts) {
  const { rows } = await pool.query(
    `SELECT (extract(epoch FROM now() - created_at) / 86400)::int + 1 AS day, count(*)::int AS n FROM (
       SELECT created_at FROM forum_threads WHERE community_id = $1
       UNION ALL SELECT r.created_at FROM forum_replies r JOIN forum_threads t ON t.id = r.thread_id WHERE t.community_id = $1
       UNION ALL SELECT coalesce(published_at, created_at) FROM blog_posts WHERE community_id = $1
       UNION ALL SELECT c.created_at FROM blog_comments c JOIN blog_posts p ON p.id = c.post_id WHERE p.community_id = $1) posts
      WHERE created_at > now() - interval '${MAX_DAYS} days' GROUP BY 1 ORDER BY 1`,
    [communityId],
  );
  let total = 0;
  for (const { day, n } of rows) {
    total += n;
    if (total >= posts) return Math.min(day, MAX_DAYS);
  }
  return MAX_DAYS;
}
