import { randomUUID } from 'node:crypto';
import { connectWs, TEST_ORIGIN, type TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const TOKEN = 'metrics-token-for-the-api-tests-0123456789';

function scrape(api: TestApp, authorization?: string): Promise<Response> {
  return fetch(`${api.url}/metrics`, { headers: authorization === undefined ? {} : { authorization } });
}

/** The value of one sample in Prometheus text, e.g. `commons_graphql_validations_total{transport="http"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`${series} is missing from:\n${text}`);
  return Number(line.slice(series.length + 1));
}

async function read(api: TestApp): Promise<string> {
  const response = await scrape(api, `Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

const SQL = 'commons_sql_statements_total';
const VALIDATIONS = 'commons_graphql_validations_total{transport="http"}';

describe('/metrics when METRICS_TOKEN is not set', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('does not exist, whatever the request carries', async () => {
    const unknown = (await (await fetch(`${api.url}/no-such-path`)).json()) as Record<string, unknown>;
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const response = await scrape(api, authorization);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ ...unknown, message: 'Cannot GET /metrics' });
    }
  });
});

describe('/metrics when METRICS_TOKEN is set', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => api.close());

  it('answers 404, like a path that does not exist, to requests without the token', async () => {
    const unknown = (await (await fetch(`${api.url}/no-such-path`)).json()) as Record<string, unknown>;
    for (const authorization of [undefined, '', 'Bearer', `Bearer ${TOKEN}x`, `Bearer  ${TOKEN}`, TOKEN, `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`]) {
      const response = await scrape(api, authorization);
      expect(response.status).toBe(404);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toEqual({ ...unknown, message: 'Cannot GET /metrics' });
    }
  });

  it('serves Prometheus text with SQL statements, GraphQL validations, RSS and CPU', async () => {
    const response = await scrape(api, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;/u);
    expect(response.headers.get('content-type')).toContain('version=0.0.4');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).toContain('# TYPE commons_sql_statements_total counter');
    expect(text).toContain('# TYPE commons_graphql_validations_total counter');
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, SQL)).toBeGreaterThan(0);
    // Every line is a comment or `name{labels} value`.
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{\w+="[^"]*"(,\w+="[^"]*")*\})? -?[\d.e+-]+)$/u);
  });

  it('counts every SQL statement the API sends, and none for the scrape itself', async () => {
    const { client } = await api.signedIn();
    const before = sample(await read(api), SQL);
    expect(sample(await read(api), SQL)).toBe(before);
    const { statements } = await api.statements.measure(() => client.data('{ viewer { id } myCommunities { edges { node { id } } } }'));
    expect(statements).toBeGreaterThan(0);
    expect(sample(await read(api), SQL) - before).toBe(statements);
  });

  it('counts a validation per distinct document, not per request: repeated operations come from the document cache', async () => {
    const { client } = await api.signedIn();
    // Operation names unique to this run, so no earlier request has put them in the cache.
    const suffix = randomUUID().replaceAll('-', '');
    const first = `query First${suffix} { viewer { id } }`;
    const second = `query Second${suffix} { viewer { id displayName } }`;
    const before = sample(await read(api), VALIDATIONS);
    for (let i = 0; i < 5; i++) await client.data(first);
    expect(sample(await read(api), VALIDATIONS) - before).toBe(1);
    for (let i = 0; i < 5; i++) await client.data(second);
    await client.data(first);
    expect(sample(await read(api), VALIDATIONS) - before).toBe(2);
    // A document that fails validation is not cached, so each attempt validates it again.
    const invalid = `query Invalid${suffix} { viewer { noSuchField } }`;
    await client.errorCode(invalid);
    await client.errorCode(invalid);
    expect(sample(await read(api), VALIDATIONS) - before).toBe(4);
  });

  it('counts WebSocket validations apart, once per distinct document', async () => {
    const { client } = await api.signedIn();
    const WS = 'commons_graphql_validations_total{transport="ws"}';
    const before = sample(await read(api), WS);
    const ws = connectWs(api.url, { cookie: client.cookieHeader, origin: TEST_ORIGIN });
    try {
      const query = `query OverSocket${randomUUID().replaceAll('-', '')} { viewer { id } }`;
      for (let i = 0; i < 3; i++) expect((await ws.execute(query)).errors).toBeUndefined();
    } finally {
      await ws.dispose();
    }
    expect(sample(await read(api), WS) - before).toBe(1);
  });

  it('shows how many threads this instance keeps presence for while someone reads one', async () => {
    const PRESENCE = 'commons_presence_threads';
    const { client } = await api.signedIn();
    const { createCommunity } = await client.data<{ createCommunity: { id: string } }>(
      'mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
      { input: { name: 'Metrics Readers', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] } },
    );
    await client.data('mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }', { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    const { createThread } = await client.data<{ createThread: { id: string } }>('mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }', {
      input: { communityId: createCommunity.id, title: 'Counted', body: 'Someone reads this.' },
    });
    const before = sample(await read(api), PRESENCE);
    const ws = connectWs(api.url, { cookie: client.cookieHeader, origin: TEST_ORIGIN });
    try {
      const first = await ws.client.iterate({ query: 'subscription ($id: ID!) { presence(threadId: $id) { readers } }', variables: { id: createThread.id } }).next();
      expect(first.value).toEqual({ data: { presence: { readers: 1 } } });
      expect(sample(await read(api), PRESENCE)).toBe(before + 1);
    } finally {
      await ws.dispose();
    }
    for (let i = 0; i < 100 && sample(await read(api), PRESENCE) > before; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sample(await read(api), PRESENCE)).toBe(before);
  });
});
