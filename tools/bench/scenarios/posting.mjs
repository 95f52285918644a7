// 4. Posting: createThread and replyToThread through GraphQL with moderation on (the API as
// it ships: the community's policy judges every post, a decision row is written) and off (a
// second API whose moderation gate lets everything through, lib/moderation-off.cjs), against
// one raw INSERT each. Target: moderation on / off ≥ 0.8. Everything written is removed after,
// except the moderation decisions, which are append-only like the audit log.
//
// The posts are written by many members of the largest community, each post with text of its
// own: one person posting hundreds of times a second, or the same text again and again, is
// what the platform's rate-limit and duplicate rules exist to stop, and would measure those.
// With a thousand posters each still posts every few seconds, a very busy person.
import { BENCH_TITLE_PREFIX, posters } from '../lib/data.mjs';
import { graphqlRequest } from '../lib/graphql.mjs';
import { graphqlOk } from '../lib/load.mjs';
import { baselineVariant, byKey, measure, pct } from './common.mjs';

const CREATE_THREAD = `mutation BenchCreateThread($input: CreateThreadInput!) { createThread(input: $input) { id title bodyHtml version moderationState author { id displayName } } }`;
export const REPLY = `mutation BenchReply($input: ReplyInput!) { replyToThread(input: $input) { id bodyHtml createdAt moderationState author { id displayName } } }`;
export const BODY = 'A benchmark post with **Markdown**, a [link](https://example.com/docs) and a list:\n\n- first point\n- second point\n';
const POSTERS = 1000;
const TARGET_RATIO = 0.8;

/** Words that make every post's text different (digits alone would fold together as leetspeak). */
const WORDS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basil cedar dune ember fjord grove harbor island jasper kestrel lagoon meadow nectar orchid pebble quartz river saffron timber umber valley willow yarrow zephyr'.split(' ');

/** A closure giving a new text each call, starting at a random point so runs do not repeat each other. */
export function uniqueTexts() {
  let n = Math.floor(Math.random() * 1e9);
  return () => {
    const words = [];
    for (let i = n++; words.length < 6; i = Math.floor(i / WORDS.length)) words.push(WORDS[i % WORDS.length]);
    return `${BODY}\nNote ${words.join(' ')}.`;
  };
}

/** Removes every thread the benchmark wrote (replies go with their thread). */
export async function removeBenchPosts(pool) {
  const { rowCount } = await pool.query('DELETE FROM forum_threads WHERE title LIKE $1', [`${BENCH_TITLE_PREFIX}%`]);
  return rowCount;
}

/** One GraphQL request per poster, each writing fresh text on every send. */
function postingVariant(key, label, server, cookies, query, input) {
  const next = uniqueTexts();
  const requests = cookies.map((cookie) => ({
    ...graphqlRequest(query, { input: { ...input, body: BODY } }, cookie),
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ query, variables: { input: { ...input, body: next() } } }) }),
  }));
  return { key, label, server, requests, verifyBody: graphqlOk };
}

export default {
  id: 4,
  name: 'posting',
  title: 'Posting',
  async run(ctx) {
    const communityId = ctx.targets.community.id;
    const title = `${BENCH_TITLE_PREFIX}${ctx.runId}] posting`;
    const startedAt = new Date();
    try {
      const authors = await posters(ctx.pool, communityId, POSTERS);
      if (authors.length === 0) throw new Error(`No member of ${ctx.targets.community.name} has posted there: nobody to post as.`);
      ctx.progress(`signing in ${authors.length} members of ${ctx.targets.community.name} to post as…`);
      const cookies = [];
      for (let i = 0; i < authors.length; i += 20) cookies.push(...(await Promise.all(authors.slice(i, i + 20).map((a) => ctx.signIn(a.email)))));
      // Both sides are fresh APIs started alike, so neither carries the sign-ins or the other
      // scenarios' traffic of the run's main API (its heap, its caches) into the comparison.
      ctx.progress('starting two more APIs, one with moderation off…');
      const moderated = await ctx.startApi({});
      const unmoderated = await ctx.startApi({ moderationOff: true });

      const { createThread: scratch } = await ctx.gql(CREATE_THREAD, { input: { communityId, title: `${title} (replies)`, body: BODY, tags: [] } });
      const create = { communityId, title, tags: [] };
      const reply = { threadId: scratch.id };
      const variants = [
        postingVariant('create', 'createThread: GraphQL, moderation on', moderated, cookies, CREATE_THREAD, create),
        postingVariant('create-off', 'createThread: GraphQL, moderation off', unmoderated, cookies, CREATE_THREAD, create),
        baselineVariant(ctx, 'create-raw', 'new thread: raw INSERT', ['/threads'], { method: 'POST', bodies: [{ communityId, title, body: BODY }] }),
        postingVariant('reply', 'replyToThread: GraphQL, moderation on', moderated, cookies, REPLY, reply),
        postingVariant('reply-off', 'replyToThread: GraphQL, moderation off', unmoderated, cookies, REPLY, reply),
        baselineVariant(ctx, 'reply-raw', 'new reply: raw INSERT', ['/replies'], { method: 'POST', bodies: [{ threadId: scratch.id, body: BODY }] }),
      ];

      // The "off" API must really skip moderation, and the "on" one really judge: count decisions around one post each.
      const decisions = async () => Number((await ctx.pool.query('SELECT count(*) FROM moderation_decisions WHERE created_at >= $1', [startedAt])).rows[0].count);
      for (const [variant, expected] of [[variants[0], 1], [variants[1], 0]]) {
        const before = await decisions();
        await fetch(`${variant.server.url}/graphql`, { method: 'POST', headers: variant.requests[0].headers, body: variant.requests[0].setupRequest(variant.requests[0]).body });
        const added = (await decisions()) - before;
        if (added !== expected) throw new Error(`${variant.label} wrote ${added} moderation decisions for one post, not ${expected}.`);
      }

      const rows = await measure(ctx, variants);
      const { rows: outcomes } = await ctx.pool.query('SELECT action, count(*)::int AS n FROM moderation_decisions WHERE created_at >= $1 GROUP BY action ORDER BY action', [startedAt]);
      const judged = Object.fromEntries(outcomes.map((o) => [o.action, o.n]));
      const notAllowed = (judged.HOLD ?? 0) + (judged.REJECT ?? 0);
      const ratio = (a, b) => byKey(rows, a).rps / byKey(rows, b).rps;
      const onOff = (key, label) => {
        const r = ratio(key, `${key}-off`);
        const extraStatements = byKey(rows, key).statementsPerRequest - byKey(rows, `${key}-off`).statementsPerRequest;
        return { target: `${label} with moderation on vs off: ratio ≥ ${TARGET_RATIO}`, measured: `${pct(r)} (moderation adds ${extraStatements.toFixed(1)} SQL statements)`, met: r >= TARGET_RATIO };
      };
      return {
        rows,
        checks: [
          onOff('create', 'createThread'),
          onOff('reply', 'replyToThread'),
          { target: 'every benchmark post allowed by the policy (else the ratio measures holds or rejections)', measured: `${judged.ALLOW ?? 0} allowed, ${judged.HOLD ?? 0} held, ${judged.REJECT ?? 0} rejected`, met: notAllowed === 0 },
          { target: 'createThread vs raw INSERT (informational)', measured: pct(ratio('create', 'create-raw')), met: null },
          { target: 'replyToThread vs raw INSERT (informational)', measured: pct(ratio('reply', 'reply-raw')), met: null },
        ],
        notes: [
          `${authors.length} members post in turn, each post with text of its own, under ${ctx.targets.community.name}'s effective policy (platform rules and its audience's defaults)`,
          'replies all go to one scratch thread, so every side contends for its row lock as on a busy thread',
        ],
      };
    } finally {
      ctx.progress(`removed ${await removeBenchPosts(ctx.pool)} benchmark threads and their replies`);
      // Tens of thousands of rows written and deleted: later scenarios must not read them as dead tuples or stale statistics.
      await ctx.pool.query('VACUUM (ANALYZE) forum_threads, forum_replies, moderation_decisions');
    }
  },
};
