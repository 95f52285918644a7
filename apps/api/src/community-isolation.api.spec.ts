import { AuthorizationService, uuidv7, type Viewer } from '@commons/server-core';
import {
  COMMUNITY_RESOURCE_ACTIONS,
  CommunityAccessService,
  expectedAllowed,
  MATRIX_ACTORS,
  MATRIX_AUDIENCES,
  MATRIX_LIFECYCLES,
  MATRIX_VISIBILITIES,
  type MatrixActor,
} from '@commons/server-communities';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { startTestApp } from './test/test-app';

/**
 * The isolation matrix: every actor × every kind of community × every action, checked
 * against the expected table kept beside the rules, first through the AuthorizationService
 * with facts loaded from PostgreSQL, then through the GraphQL API's side paths (lookups by id
 * and slug, the directory and its totalCount, member counts and lists, viewerCan).
 */
describe('community isolation matrix', () => {
  let api: TestApp;
  const actors = new Map<MatrixActor, { viewer: Viewer | null; client: GraphqlClient }>();
  const communities: Array<{ id: string; slug: string; key: string }> = [];

  const ACTOR_SETUP: Record<Exclude<MatrixActor, 'anonymous'>, { role: PlatformRole; audience: Audience }> = {
    outsider: { role: PlatformRole.Member, audience: Audience.Employee },
    member: { role: PlatformRole.Member, audience: Audience.Employee },
    moderator: { role: PlatformRole.Member, audience: Audience.Employee },
    manager: { role: PlatformRole.Member, audience: Audience.Employee },
    banned: { role: PlatformRole.Member, audience: Audience.Employee },
    cohort: { role: PlatformRole.Member, audience: Audience.Employee },
    customer: { role: PlatformRole.Member, audience: Audience.Customer },
    customerMember: { role: PlatformRole.Member, audience: Audience.Customer },
    partner: { role: PlatformRole.Member, audience: Audience.Partner },
    steering: { role: PlatformRole.Steering, audience: Audience.Employee },
    admin: { role: PlatformRole.Admin, audience: Audience.Employee },
  };

  beforeAll(async () => {
    api = await startTestApp();
    actors.set('anonymous', { viewer: null, client: api.client() });
    const ids = new Map<MatrixActor, string>();
    for (const [actor, setup] of Object.entries(ACTOR_SETUP) as Array<[MatrixActor, { role: PlatformRole; audience: Audience }]>) {
      const { client, account } = await api.signedIn(setup.role, { audience: setup.audience });
      ids.set(actor, account.id);
      actors.set(actor, { viewer: { accountId: account.id, sessionId: 'matrix', role: setup.role, audience: setup.audience }, client });
    }

    // The communities and everyone's relation to them are written directly: this test is about
    // what the rules and queries answer, not about the flows that lead there (tested elsewhere).
    await api.dataSource.transaction(async (manager) => {
      const now = new Date();
      const cohortId = uuidv7();
      await manager.query(`INSERT INTO cohorts (id, name, sort_name, created_by_id, created_at, updated_at) VALUES ($1, 'Matrix wave', 'matrix wave', $2, $3, $3)`, [
        cohortId,
        ids.get('manager'),
        now,
      ]);
      await manager.query('INSERT INTO cohort_members (cohort_id, account_id, added_at) VALUES ($1, $2, $3)', [cohortId, ids.get('cohort'), now]);
      for (const visibility of MATRIX_VISIBILITIES) {
        for (const audience of MATRIX_AUDIENCES) {
          for (const lifecycle of MATRIX_LIFECYCLES) {
            const key = `${visibility}/${audience}/${lifecycle}`;
            const id = uuidv7();
            const slug = `matrix-${visibility}-${audience}-${lifecycle}`;
            communities.push({ id, slug, key });
            await manager.query(
              `INSERT INTO communities (id, slug, name, sort_name, audiences, visibility, intent, use_cases, lifecycle, owner_id, created_at, updated_at)
               VALUES ($1, $2, $3, lower($3), $4::audience[], $5, 'COLLABORATION', '{FORUMS}', $6, $7, $8, $8)`,
              [id, slug, `Matrix ${key}`, [audience.toUpperCase()], visibility.toUpperCase(), lifecycle.toUpperCase(), ids.get('manager'), now],
            );
            const member = (actor: MatrixActor, role: string) =>
              manager.query('INSERT INTO community_memberships (community_id, account_id, role, joined_at) VALUES ($1, $2, $3, $4)', [id, ids.get(actor), role, now]);
            await member('member', 'MEMBER');
            await member('moderator', 'MODERATOR');
            await member('manager', 'MANAGER');
            await member('customerMember', 'MEMBER');
            await manager.query(
              `INSERT INTO community_bans (id, community_id, account_id, reason, banned_by_id, created_at) VALUES ($1, $2, $3, 'matrix', $4, $5)`,
              [uuidv7(), id, ids.get('banned'), ids.get('manager'), now],
            );
            await manager.query('INSERT INTO community_cohorts (community_id, cohort_id, attached_at) VALUES ($1, $2, $3)', [id, cohortId, now]);
            // A forum thread in every community, for the search and tag probes.
            const categoryId = uuidv7();
            await manager.query(
              `INSERT INTO forum_categories (id, community_id, name, slug, position, created_at, updated_at) VALUES ($1, $2, 'General', 'general', 1, $3, $3)`,
              [categoryId, id, now],
            );
            await manager.query(
              `INSERT INTO forum_threads (id, community_id, category_id, author_id, kind, title, body, body_html, tags, created_at, last_activity_at)
               VALUES ($1, $2, $3, $4, 'DISCUSSION', $5, 'matrixneedle', '<p>matrixneedle</p>', '{matrixtag}', $6, $6)`,
              [uuidv7(), id, categoryId, ids.get('manager'), `Needle in ${key}`, now],
            );
          }
        }
      }
    });
  });
  afterAll(() => api.close());

  it('answers every action for every actor and community as the expected table says', async () => {
    const authorization = api.app.get<AuthorizationService>(AuthorizationService);
    const access = api.app.get<CommunityAccessService>(CommunityAccessService);
    const mismatches: string[] = [];
    let checks = 0;
    for (const actor of MATRIX_ACTORS) {
      const { viewer } = actors.get(actor) as { viewer: Viewer | null };
      // Anonymous actors have no facts to load; the service refuses them every rule.
      const loaded = viewer ? await access.load(viewer, communities.map((c) => c.id)) : new Map();
      for (const community of communities) {
        for (const action of COMMUNITY_RESOURCE_ACTIONS) {
          checks++;
          const resource = loaded.get(community.id) ?? { access: { communityId: community.id } };
          const actual = authorization.can(viewer, action, resource);
          const expected = expectedAllowed(action, actor, community.key);
          if (actual !== expected) mismatches.push(`${actor} ${action} ${community.key}: expected ${expected ? 'allow' : 'deny'}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checks).toBe(MATRIX_ACTORS.length * 24 * COMMUNITY_RESOURCE_ACTIONS.length);
  });

  const LOOKUP = `query ($id: ID, $slug: String) {
    community(id: $id, slug: $slug) {
      id slug membersCount
      members(first: 1) { edges { node { account { id } } } }
      objectives { id }
      viewerCan { view readContent join requestToJoin leave participate moderate manage }
    }
  }`;
  const PERMISSIONS = ['view', 'readContent', 'join', 'requestToJoin', 'leave', 'participate', 'moderate', 'manage'] as const;
  const ACTION_OF: Record<(typeof PERMISSIONS)[number], string> = {
    view: 'community:view',
    readContent: 'community:read-content',
    join: 'community:join',
    requestToJoin: 'community:request-to-join',
    leave: 'community:leave',
    participate: 'community:participate',
    moderate: 'community:moderate',
    manage: 'community:manage',
  };

  it.each(MATRIX_ACTORS.filter((a) => a !== 'anonymous'))('shows %s exactly what it may see through the GraphQL API', async (actor) => {
    const { client } = actors.get(actor) as { client: GraphqlClient };
    const problems: string[] = [];
    for (const community of communities) {
      const visible = expectedAllowed('community:view', actor, community.key);
      for (const variables of [{ id: community.id }, { slug: community.slug }]) {
        const { body } = await client.request<{ community: Record<string, unknown> & { viewerCan: Record<string, boolean> } }>(LOOKUP, variables);
        const by = 'id' in variables ? 'id' : 'slug';
        if (!visible) {
          // A community you may not see answers exactly like one that does not exist.
          if (body.errors?.[0]?.extensions?.['code'] !== 'NOT_FOUND' || body.data) problems.push(`${community.key} by ${by}: expected NOT_FOUND, got ${JSON.stringify(body)}`);
          continue;
        }
        const found = body.data?.community;
        if (!found) {
          problems.push(`${community.key} by ${by}: expected data, got ${JSON.stringify(body.errors)}`);
          continue;
        }
        const readable = expectedAllowed('community:read-content', actor, community.key);
        if ((found['members'] !== null) !== readable) problems.push(`${community.key}: members ${readable ? 'hidden' : 'shown'}`);
        if ((found['objectives'] !== null) !== readable) problems.push(`${community.key}: objectives ${readable ? 'hidden' : 'shown'}`);
        if (typeof found['membersCount'] !== 'number') problems.push(`${community.key}: no membersCount`);
        for (const permission of PERMISSIONS) {
          const expected = expectedAllowed(ACTION_OF[permission], actor, community.key);
          if (found.viewerCan[permission] !== expected) problems.push(`${community.key} viewerCan.${permission}: expected ${expected}`);
        }
        if (body.errors) problems.push(`${community.key}: unexpected errors ${JSON.stringify(body.errors)}`);
      }
    }

    // The directory and its count hold exactly the visible communities, across pages.
    const listed: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    do {
      const page: { communities: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await client.data(`query ($after: String) { communities(first: 10, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      listed.push(...page.communities.edges.map((e) => e.node.id));
      totalCount = page.communities.totalCount;
      after = page.communities.pageInfo.hasNextPage ? page.communities.pageInfo.endCursor : null;
    } while (after);
    const expectedIds = communities.filter((c) => expectedAllowed('community:view', actor, c.key)).map((c) => c.id).sort();
    expect({ actor, problems }).toEqual({ actor, problems: [] });
    expect([...listed].sort()).toEqual(expectedIds);
    expect(totalCount).toBe(expectedIds.length);
  });

  it.each(MATRIX_ACTORS.filter((a) => a !== 'anonymous'))('lets search show %s only content it may read', async (actor) => {
    const { client } = actors.get(actor) as { client: GraphqlClient };
    const { search } = await client.data<{ search: { edges: Array<{ node: { communityId: string } }> } }>(
      `{ search(query: "matrixneedle", first: 100) { edges { node { communityId } } } }`,
    );
    const expected = communities.filter((c) => expectedAllowed('community:read-content', actor, c.key)).map((c) => c.id).sort();
    expect(search.edges.map((e) => e.node.communityId).sort()).toEqual(expected);
  });

  it.each(MATRIX_ACTORS.filter((a) => a !== 'anonymous'))('suggests %s only tags of communities it may read', async (actor) => {
    const { client } = actors.get(actor) as { client: GraphqlClient };
    const problems: string[] = [];
    for (const community of communities) {
      const { body } = await client.request<{ communityTags: Array<{ tag: string; count: number }> }>(
        `query ($id: ID!) { communityTags(communityId: $id, prefix: "matrix") { tag count } }`,
        { id: community.id },
      );
      if (expectedAllowed('community:read-content', actor, community.key)) {
        if (JSON.stringify(body.data?.communityTags) !== JSON.stringify([{ tag: 'matrixtag', count: 1 }])) problems.push(`${community.key}: expected its tag, got ${JSON.stringify(body)}`);
      } else if (body.errors?.[0]?.extensions?.['code'] !== 'NOT_FOUND' || body.data) {
        // Unreadable, hidden or missing: the same NOT_FOUND, and no tags.
        problems.push(`${community.key}: expected NOT_FOUND, got ${JSON.stringify(body)}`);
      }
    }
    expect({ actor, problems }).toEqual({ actor, problems: [] });
  });

  it.each(MATRIX_ACTORS.filter((a) => a !== 'anonymous'))("shows %s a community's metrics and trends only where it manages it or sits on the steering committee", async (actor) => {
    const { client } = actors.get(actor) as { client: GraphqlClient };
    const organisationWide = actor === 'steering' || actor === 'admin';
    const problems: string[] = [];
    for (const community of communities) {
      const expected = !expectedAllowed('community:view', actor, community.key)
        ? 'NOT_FOUND'
        : organisationWide || expectedAllowed('community:manage', actor, community.key)
          ? 'data'
          : 'FORBIDDEN';
      const answers = [
        await client.request(`query ($input: MetricSeriesInput!) { metricSeries(input: $input) { points { value } } }`, {
          input: { metrics: ['POSTS'], dimension: 'COMMUNITY', sliceId: community.id, from: '2026-01-01', to: '2026-01-31', bucket: 'WEEK' },
        }),
        await client.request(`query ($input: TrendingTopicsInput!) { trendingTopics(input: $input) { topics { topic } } }`, { input: { communityId: community.id } }),
      ];
      for (const { body } of answers) {
        const got = body.data ? 'data' : (body.errors?.[0]?.extensions?.['code'] as string);
        if (got !== expected) problems.push(`${community.key}: expected ${expected}, got ${JSON.stringify(body.errors ?? body.data)}`);
      }
    }
    expect({ actor, problems }).toEqual({ actor, problems: [] });
  });

  it.each(['steering', 'admin'] as const)('never names to %s, in organisation-wide metrics, a community it may not see', async (actor) => {
    // Every community has numbers for the day; the breakdown lists only those the actor may see.
    await api.dataSource.query(
      `INSERT INTO metric_daily (metric, slice_kind, slice_id, day, numerator, denominator, people)
       SELECT 'POSTS', 'COMMUNITY', id::text, '2026-01-05', 3, NULL, 10 FROM unnest($1::uuid[]) AS id ON CONFLICT DO NOTHING`,
      [communities.map((c) => c.id)],
    );
    const { client } = actors.get(actor) as { client: GraphqlClient };
    const { metricBreakdown } = await client.data<{ metricBreakdown: { rows: Array<{ slice: { id: string } }> } }>(
      `query ($input: MetricBreakdownInput!) { metricBreakdown(input: $input) { rows { slice { id } } } }`,
      { input: { metric: 'POSTS', dimension: 'COMMUNITY', from: '2026-01-05', to: '2026-01-05' } },
    );
    const visible = communities.filter((c) => expectedAllowed('community:view', actor, c.key)).map((c) => c.id).sort();
    expect(metricBreakdown.rows.map((r) => r.slice.id).sort()).toEqual(visible);
  });

  it('refuses anonymous callers every community path with UNAUTHENTICATED', async () => {
    const anonymous = actors.get('anonymous')?.client as GraphqlClient;
    await expect(anonymous.errorCode(LOOKUP, { id: communities[0].id })).resolves.toBe('UNAUTHENTICATED');
    await expect(anonymous.errorCode('{ communities { totalCount } }')).resolves.toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND, never FORBIDDEN, to acting on a community the actor cannot see', async () => {
    const secret = communities.find((c) => c.key === 'secret/employee/active') as { id: string };
    const customer = actors.get('customer')?.client as GraphqlClient;
    const outsider = actors.get('outsider')?.client as GraphqlClient;
    for (const client of [customer, outsider]) {
      await expect(client.errorCode(`mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`, { id: secret.id })).resolves.toBe('NOT_FOUND');
      await expect(
        client.errorCode(`mutation ($input: RequestToJoinInput!) { requestToJoinCommunity(input: $input) { id } }`, { input: { communityId: secret.id } }),
      ).resolves.toBe('NOT_FOUND');
      await expect(
        client.errorCode(`mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { id } }`, { input: { communityId: secret.id, name: 'Mine now' } }),
      ).resolves.toBe('NOT_FOUND');
    }
  });
});
