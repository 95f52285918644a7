import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { WordFrequencies } from '@commons/server-search';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const SEARCH = `query ($query: String!, $filter: SearchFilter, $after: String, $first: Int!) {
  search(query: $query, filter: $filter, first: $first, after: $after) { edges { node { kind id } } pageInfo { hasNextPage endCursor } }
}`;
type Hits = { search: { edges: Array<{ node: { kind: string; id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };

/** Replies written for the test, one every 26 minutes back from now: 20,000 cover about a year. */
const REPLIES = 20_000;
const CANDIDATES = 200;

/**
 * How search finds the latest posts with a word depends on how common the word is (the
 * full-text index for a rare word, week by week for a middling one, a walk back in time for
 * a common one). Whichever way, the answer must be the same: the latest matches the viewer
 * may read. A year of replies is written straight into the table (posting 20,000 through
 * the API would take minutes), in a thread of a community the searcher reads, plus newer
 * matches they must never see: held, deleted, and in a private community.
 */
describe('search finds the latest matches however common the word', () => {
  let api: TestApp;
  let member: { client: GraphqlClient; account: { id: string } };
  let openCommunityId: string;

  beforeAll(async () => {
    api = await startTestApp();
    member = await api.signedIn();
    const owner = await api.signedIn();
    const community = async (client: GraphqlClient, name: string, visibility: string) => {
      const { createCommunity } = await client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
        input: { name, audiences: ['EMPLOYEE'], visibility, intent: 'KNOWLEDGE_SHARING', useCases: ['FORUMS'] },
      });
      await client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
      const { createThread } = await client.data<{ createThread: { id: string } }>(ASK, {
        input: { communityId: createCommunity.id, title: 'Release notes', body: 'Notes from the release.', kind: 'DISCUSSION' },
      });
      return { communityId: createCommunity.id, threadId: createThread.id };
    };
    const open = await community(member.client, 'Harbour Office', 'OPEN');
    openCommunityId = open.communityId;
    const hidden = await community(owner.client, 'Private Harbour', 'PRIVATE');
    // Every 25th reply mentions "harbor" (4%: middling), every 3rd "lantern" (33%: common),
    // every 100th "quartz" (1%: rare), every 12th of the older 12,000 "ember" (5%, but none in
    // the last 16 weeks); all of them "meadow", so the words are scored alike.
    await api.dataSource.query(
      `INSERT INTO forum_replies (id, thread_id, community_id, author_id, body, body_html, created_at)
       SELECT gen_random_uuid(), $1, $2, $3, body, '<p>' || body || '</p>', now() - (($4 - i) * interval '26 minutes') - interval '1 hour'
         FROM generate_series(1, $4) AS i,
              LATERAL (SELECT concat_ws(' ', 'Reply', i, 'about the meadow',
                         CASE WHEN i % 25 = 0 THEN 'and the harbor' END,
                         CASE WHEN i % 3 = 0 THEN 'by lantern light' END,
                         CASE WHEN i % 100 = 0 THEN 'with quartz' END,
                         CASE WHEN i % 12 = 0 AND i <= 12000 THEN 'by the ember' END) AS body) b`,
      [open.threadId, open.communityId, member.account.id, REPLIES],
    );
    // Newer than everything above, and none of them for the member's eyes.
    await api.dataSource.query(
      `INSERT INTO forum_replies (id, thread_id, community_id, author_id, body, body_html, created_at, moderation_state, deleted_at)
       SELECT gen_random_uuid(), thread_id, community_id, $5, 'Hidden harbor lantern quartz meadow', '<p>hidden</p>', now() - i * interval '1 minute', state, deleted
         FROM (VALUES ($1::uuid, $2::uuid, 'VISIBLE', NULL::timestamptz), ($3::uuid, $4::uuid, 'HELD', NULL), ($3::uuid, $4::uuid, 'VISIBLE', now())) AS v(thread_id, community_id, state, deleted),
              generate_series(1, 5) AS i`,
      [hidden.threadId, hidden.communityId, open.threadId, open.communityId, owner.account.id],
    );
    // What search reads to choose its way: the words' shares and the table's size and order.
    await api.dataSource.query('ANALYZE forum_replies');
  });
  afterAll(() => api.close());

  /** The latest visible replies of the open community containing the word, newest first: what search must find. */
  const latest = async (word: string, before?: Date): Promise<string[]> =>
    (
      await api.dataSource.query(
        `SELECT id FROM forum_replies
          WHERE search_vector @@ to_tsquery('english', $1) AND moderation_state = 'VISIBLE' AND deleted_at IS NULL
            AND author_id = $2
            AND ($3::timestamptz IS NULL OR created_at < $3)
          ORDER BY created_at DESC LIMIT ${CANDIDATES}`,
        [word, member.account.id, before ?? null],
      )
    ).map((r: { id: string }) => r.id);

  /** Every hit of a search, page after page. */
  const everyHit = async (query: string, filter: Record<string, unknown> = {}) => {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: Hits = await member.client.data<Hits>(SEARCH, { query, first: 50, after, filter: { kind: 'REPLY', ...filter } });
      ids.push(...page.search.edges.map((e) => e.node.id));
      after = page.search.pageInfo.hasNextPage ? page.search.pageInfo.endCursor : null;
    } while (after);
    return ids;
  };

  it.each([
    ['quartz', 'index'],
    ['harbor', 'weeks'],
    // Read by weeks, but the last 16 weeks hold none: the older ones come from the rest of the table.
    ['ember', 'weeks'],
    ['lantern', 'walk'],
  ])('"%s" (read by %s): the latest matches, best first, and nothing hidden', async (word, narrowing) => {
    // The words do take the three ways, or this test would not be testing them.
    await expect(api.app.get<WordFrequencies>(WordFrequencies).narrowing('forum_replies', [word], CANDIDATES)).resolves.toEqual({ word, narrowing });
    const expected = await latest(word);
    expect(expected).toHaveLength(CANDIDATES);
    // Alike in relevance, the replies rank by recency: the first page is the 20 latest.
    const { search } = await member.client.data<Hits>(SEARCH, { query: word, first: 20, filter: { kind: 'REPLY' } });
    expect(search.edges.map((e) => e.node.id)).toEqual(expected.slice(0, 20));
    // Paged to the end: exactly the latest matches the member may read.
    const all = await everyHit(word);
    expect(all).toEqual(expected);
  });

  it('starts from the date asked for, week by week, and still finds the latest before it', async () => {
    const before = new Date(Date.now() - 200 * 24 * 3600_000);
    const expected = await latest('harbor', before);
    expect(expected).toHaveLength(CANDIDATES);
    await expect(everyHit('harbor', { to: before.toISOString() })).resolves.toEqual(expected);
  });

  it('filters by community and by kind together with a community, however the word is read', async () => {
    await expect(everyHit('harbor', { communityId: openCommunityId })).resolves.toEqual(await latest('harbor'));
    const posts: Hits = await member.client.data<Hits>(SEARCH, { query: 'harbor', first: 20, filter: { kind: 'BLOG_POST', communityId: openCommunityId, tag: 'notes' } });
    expect(posts.search.edges).toEqual([]);
  });

  it('checks the rest of the query on the candidates: an excluded word, a phrase, two words', async () => {
    // "harbor" replies without "lantern": i % 25 = 0 and i % 3 <> 0.
    const without = await everyHit('harbor -lantern');
    expect(without.length).toBeGreaterThan(0);
    const bodies: Array<{ body: string }> = await api.dataSource.query(`SELECT body FROM forum_replies WHERE id = ANY($1::uuid[])`, [without]);
    expect(bodies.every((r) => r.body.includes('harbor') && !r.body.includes('lantern'))).toBe(true);
    const both = await everyHit('harbor lantern');
    const bothBodies: Array<{ body: string }> = await api.dataSource.query(`SELECT body FROM forum_replies WHERE id = ANY($1::uuid[])`, [both]);
    expect(bothBodies.length).toBe(both.length);
    expect(bothBodies.every((r) => r.body.includes('harbor') && r.body.includes('lantern'))).toBe(true);
    await expect(everyHit('"harbor lantern"')).resolves.toEqual([]);
  });
});
