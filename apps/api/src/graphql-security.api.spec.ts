import { PlatformRole } from '@commons/shared-contracts';
import { TEST_ORIGIN, type TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

async function post(api: TestApp, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, json: (await response.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown } };
}

// Aliased root fields; armor does not count aliases of __typename, so a cheap scalar mutation stands in.
const aliases = (n: number, field = 'signOut', operation = 'mutation') =>
  `${operation} { ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

describe('GraphQL over HTTP in development', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ NODE_ENV: 'development', GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '20' });
  });
  afterAll(() => api.close());

  it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED', async () => {
    const { status, json } = await post(api, JSON.stringify({ query: '{ viewer { id ' }));
    expect(status).toBe(400);
    expect(json.errors?.[0].extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with 400 and GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, json } = await post(api, JSON.stringify({ query: '{ viewer { idd } }' }));
    expect(status).toBe(400);
    expect(json.errors?.[0].extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses operations deeper than the depth limit with a 400', async () => {
    const { status, json } = await post(api, JSON.stringify({ query: '{ accounts { edges { node { id } } } }' }));
    expect(status).toBe(400);
    expect(json.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(json.errors?.[0].message).toMatch(/depth/iu);
  });

  it('refuses more aliases than allowed, and accepts the limit itself', async () => {
    expect((await post(api, JSON.stringify({ query: aliases(10) }))).status).toBe(200);
    const { status, json } = await post(api, JSON.stringify({ query: aliases(11) }));
    expect(status).toBe(400);
    expect(json.errors?.[0].message).toMatch(/alias/iu);
  });

  it('refuses documents past the token limit before parsing them fully', async () => {
    const { status, json } = await post(api, JSON.stringify({ query: `{ ${'__typename '.repeat(2_000)} }` }));
    expect(status).toBe(400);
    expect(json.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(json.errors?.[0].message).toMatch(/token/iu);
  });

  it('refuses operations over the cost limit', async () => {
    const { status, json } = await post(api, JSON.stringify({ query: aliases(8, 'platformSettings { openRegistration }', 'query') }));
    expect(status).toBe(400);
    expect(json.errors?.[0].message).toMatch(/cost/iu);
  });

  it('does not accept batched requests', async () => {
    const { status } = await post(api, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(status).toBe(400);
  });

  it('refuses simple (CSRF-able) requests: text/plain POSTs and GETs without a preflight header', async () => {
    const plain = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(plain.status).toBe(400);
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const preflighted = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('refuses requests from foreign origins with 403 FORBIDDEN, even with a valid session', async () => {
    const { client } = await api.signedIn();
    const { status, json } = await post(api, JSON.stringify({ query: 'mutation { signOut }' }), {
      origin: 'https://evil.example',
      cookie: client.cookieHeader,
    });
    expect(status).toBe(403);
    expect(json.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    expect((await client.data<{ viewer: unknown }>('{ viewer { id } }')).viewer).not.toBeNull();
  });

  it('offers introspection to signed-in people only', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await api.client().request(query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
    const { client } = await api.signedIn();
    expect(await client.data(query)).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('answers a missing sign-in with UNAUTHENTICATED and never sends stack traces', async () => {
    const { body } = await api.client().request('{ accounts(first: 1) { edges { cursor } } }');
    expect(body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});

describe('GraphQL over HTTP in production', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ NODE_ENV: 'production', ALLOWED_ORIGINS: TEST_ORIGIN });
  });
  afterAll(() => api.close());

  it('masks unexpected errors: a generic message and an error id, no database text', async () => {
    const { client } = await api.signedIn(PlatformRole.Admin);
    // Break the database under the API: the query fails in a way no client should see.
    await api.dataSource.query('ALTER TABLE platform_settings RENAME TO platform_settings_gone');
    try {
      const { body } = await client.request('{ platformSettings { openRegistration } }');
      const error = body.errors?.[0];
      expect(error?.message).toBe('Internal server error');
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/u) });
      expect(JSON.stringify(body)).not.toMatch(/platform_settings|relation|stack/iu);
    } finally {
      await api.dataSource.query('ALTER TABLE platform_settings_gone RENAME TO platform_settings');
    }
  });

  it('turns introspection off and gives no field suggestions', async () => {
    const { client } = await api.signedIn();
    const introspection = await client.request('{ __schema { queryType { name } } }');
    expect(introspection.status).toBe(400);
    const typo = await client.request('{ viewr { id } }');
    expect(typo.body.errors?.[0].message).not.toMatch(/Did you mean/u);
  });

  it('serves no explorer page', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/<html/iu);
  });
});
