// What the benchmark runs against, chosen by SQL from whatever database it is pointed at:
// no ids or titles are known in advance.

/**
 * Lower bounds per size, about half of what `npm run seed -- --size …` writes, so a
 * re-tuned seed still classifies. posts = threads + replies + blog posts + comments.
 */
export const SIZE_FLOORS = {
  s: { accounts: 500, posts: 25_000, longestThread: 1_000 },
  m: { accounts: 2_000, posts: 125_000, longestThread: 5_000 },
  l: { accounts: 5_000, posts: 500_000, longestThread: 10_000 },
};

/** Marks titles of everything the benchmark writes, so it can remove it again. */
export const BENCH_TITLE_PREFIX = '[bench ';

export async function describeData(pool) {
  const { rows: [counts] } = await pool.query(`SELECT
      current_database() AS database,
      (SELECT count(*) FROM accounts)::int AS accounts,
      (SELECT count(*) FROM communities)::int AS communities,
      (SELECT count(*) FROM forum_threads)::int AS threads,
      (SELECT count(*) FROM forum_replies)::int AS replies,
      (SELECT count(*) FROM blog_posts)::int AS "blogPosts",
      (SELECT count(*) FROM blog_comments)::int AS "blogComments",
      (SELECT count(*) FROM forum_reactions)::int AS reactions,
      (SELECT coalesce(max(reply_count), 0) FROM forum_threads)::int AS "longestThread"`);
  counts.posts = counts.threads + counts.replies + counts.blogPosts + counts.blogComments;
  let size = 'demo';
  for (const [name, floor] of Object.entries(SIZE_FLOORS)) {
    if (counts.accounts >= floor.accounts && counts.posts >= floor.posts && counts.longestThread >= floor.longestThread) size = name;
  }
  return { counts, size };
}

/**
 * The benchmark's targets: the thread with the most replies; the community with the most
 * threads, its category with the most threads and its most used tag; a plain member who can read both to sign in as.
 */
export async function chooseTargets(pool) {
  const { rows: [thread] } = await pool.query(
    `SELECT t.id, t.title, t.reply_count AS "replyCount", t.community_id AS "communityId",
            (SELECT count(*) FROM forum_replies r WHERE r.thread_id = t.id)::int AS "replyRows"
       FROM forum_threads t JOIN communities c ON c.id = t.community_id
      WHERE t.deleted_at IS NULL AND c.lifecycle = 'ACTIVE' AND t.title NOT LIKE $1
      ORDER BY t.reply_count DESC, t.id LIMIT 1`,
    [`${BENCH_TITLE_PREFIX}%`],
  );
  if (!thread) throw new Error('The database has no forum threads in an active community: seed it first (npm run seed -- --size s).');
  const { rows: [community] } = await pool.query(
    `SELECT c.id, c.name, count(*)::int AS threads
       FROM communities c JOIN forum_threads t ON t.community_id = c.id AND t.deleted_at IS NULL
      WHERE c.lifecycle = 'ACTIVE' AND 'FORUMS' = ANY(c.use_cases)
      GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
  );
  const { rows: [tag] } = await pool.query(
    `SELECT tag, count(*)::int AS threads FROM forum_threads, unnest(tags) AS tag
      WHERE community_id = $1 AND deleted_at IS NULL GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 1`,
    [community.id],
  );
  const { rows: [category] } = await pool.query(
    `SELECT k.id, k.name, count(*)::int AS threads FROM forum_categories k JOIN forum_threads t ON t.category_id = k.id AND t.deleted_at IS NULL
      WHERE k.community_id = $1 GROUP BY k.id ORDER BY count(*) DESC, k.id LIMIT 1`,
    [community.id],
  );
  // A plain member (no platform role, no community role) of the long thread's community,
  // preferably also of the largest one, with nothing that would hide content from them.
  const { rows: [viewer] } = await pool.query(
    `SELECT a.id, a.email, a.display_name AS "displayName",
            EXISTS (SELECT 1 FROM community_memberships m2 WHERE m2.community_id = $2 AND m2.account_id = a.id) AS "inLargest"
       FROM community_memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.community_id = $1 AND a.role = 'MEMBER' AND a.suspended_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM community_bans b WHERE b.account_id = a.id AND b.lifted_at IS NULL)
      ORDER BY "inLargest" DESC, (a.audience = 'EMPLOYEE') DESC, (m.role = 'MEMBER') DESC, a.email
      LIMIT 1`,
    [thread.communityId, community.id],
  );
  if (!viewer) throw new Error(`No plain member of the community of "${thread.title}" to sign in as.`);
  const { rows: [threadCommunity] } = await pool.query('SELECT name FROM communities WHERE id = $1', [thread.communityId]);
  return { thread: { ...thread, communityName: threadCommunity.name }, community, category: category ?? null, tag: tag ?? null, viewer };
}

const STOP_WORDS = new Set(
  'about above after again against because before being below between could doing during further having other ought their theirs there these those through under until where which while would should what when with from that this have your yours into than them then they were will just does more most some such only very also still'.split(' '),
);

/**
 * Search queries built from the words of the largest community's recent titles: common,
 * middling and rarer words, two words, a phrase, OR, an exclusion; and queries that find
 * nothing, including the costly kind (a common word AND an absent one).
 */
export async function searchQueries(pool, communityId) {
  const { rows } = await pool.query(
    `SELECT title FROM forum_threads WHERE community_id = $1 AND deleted_at IS NULL AND title NOT LIKE $2 ORDER BY created_at DESC LIMIT 2000`,
    [communityId, `${BENCH_TITLE_PREFIX}%`],
  );
  const frequency = new Map();
  const pairs = [];
  for (const { title } of rows) {
    const words = title.toLowerCase().match(/\p{L}{5,}/gu) ?? [];
    const useful = words.filter((w) => !STOP_WORDS.has(w));
    for (const w of new Set(useful)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const all = title.toLowerCase().match(/\p{L}+/gu) ?? [];
    for (let i = 0; i + 1 < all.length; i++) {
      if (all[i].length >= 5 && all[i + 1].length >= 5 && !STOP_WORDS.has(all[i]) && !STOP_WORDS.has(all[i + 1])) pairs.push(`${all[i]} ${all[i + 1]}`);
    }
  }
  const words = [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
  const at = (fraction) => words[Math.min(words.length - 1, Math.floor(words.length * fraction))];
  const hits = words.length === 0 ? [] : [
    words[0],
    at(0.25),
    at(0.5),
    words.length > 3 ? `${words[1]} ${words[3]}` : undefined,
    pairs.length > 0 ? `"${pairs[Math.floor(pairs.length / 2)]}"` : undefined,
    words.length > 5 ? `${words[2]} OR ${words[5]}` : undefined,
    words.length > 1 ? `${words[0]} -${words[1]}` : undefined,
  ].filter(Boolean);
  const zero = ['zqxvjk', '"qzxwvb vexqpl"', ...(words.length > 0 ? [`${words[0]} zqxvjk`, `${words[0]} -${words[0]}`] : [])];
  return { hits: [...new Set(hits)], zero };
}

/**
 * Up to `limit` plain members of a community who have posted there before (so no new-member
 * rule applies to them), most active first: the authors of the posting scenario. Posting as
 * many people keeps each one far below the platform's per-person rate limits, as real traffic is.
 */
export async function posters(pool, communityId, limit) {
  const { rows } = await pool.query(
    `SELECT a.id, a.email, count(*)::int AS posts
       FROM community_memberships m
       JOIN accounts a ON a.id = m.account_id
       JOIN forum_threads t ON t.community_id = m.community_id AND t.author_id = a.id AND t.deleted_at IS NULL
      WHERE m.community_id = $1 AND a.role = 'MEMBER' AND a.suspended_at IS NULL AND (a.suspended_until IS NULL OR a.suspended_until < now())
        AND NOT EXISTS (SELECT 1 FROM community_bans b WHERE b.account_id = a.id AND b.lifted_at IS NULL)
      GROUP BY a.id, a.email
      ORDER BY count(*) DESC, a.email
      LIMIT $2`,
    [communityId, limit],
  );
  return rows;
}
