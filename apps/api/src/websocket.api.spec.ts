import { PlatformRole } from '@commons/shared-contracts';
import { connectWs, TEST_ORIGIN, type TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

describe('GraphQL over WebSocket (graphql-ws)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ GRAPHQL_MAX_DEPTH: '3' });
  });
  afterAll(() => api.close());

  it('serves queries to a signed-in browser over the same /graphql path', async () => {
    const { client, account } = await api.signedIn();
    const ws = connectWs(api.url, { cookie: client.cookieHeader, origin: TEST_ORIGIN });
    try {
      const result = await ws.execute<{ viewer: { id: string } }>('{ viewer { id } }');
      expect(result.data?.viewer.id).toBe(account.id);
    } finally {
      await ws.dispose();
    }
  });

  it('closes a connection without a valid session with 4401 at connection_init', async () => {
    const ws = connectWs(api.url, { origin: TEST_ORIGIN, cookie: 'commons_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect((await ws.closed).code).toBe(4401);
  });

  it('refuses the upgrade from a foreign origin (cross-site WebSocket hijacking)', async () => {
    const { client } = await api.signedIn();
    const ws = connectWs(api.url, { cookie: client.cookieHeader, origin: 'https://evil.example' });
    const { code } = await ws.closed;
    expect(code).not.toBe(1000);
    await expect(ws.execute('{ viewer { id } }')).rejects.toThrow();
  });

  it('applies the same parse and validation limits as HTTP', async () => {
    const { client } = await api.signedIn();
    const ws = connectWs(api.url, { cookie: client.cookieHeader, origin: TEST_ORIGIN });
    try {
      const deep = await ws.execute('{ accounts { edges { node { id } } } }');
      expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(deep.errors?.[0].message).toMatch(/depth/iu);
      const manyAliases = await ws.execute(`mutation { ${Array.from({ length: 11 }, (_, i) => `a${i}: signOut`).join(' ')} }`);
      expect(manyAliases.errors?.[0].message).toMatch(/alias/iu);
      const tooLong = await ws.execute(`{ ${'__typename '.repeat(2_000)} }`);
      expect(tooLong.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      const broken = await ws.execute('{ viewer { id ');
      expect(broken.errors?.[0].extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
      // The socket survives client mistakes.
      expect((await ws.execute<{ viewer: { id: string } }>('{ viewer { id } }')).data?.viewer.id).toBeDefined();
    } finally {
      await ws.dispose();
    }
  });

  it('enforces the same authorization on mutations sent over the socket', async () => {
    const { client } = await api.signedIn(PlatformRole.Member);
    const ws = connectWs(api.url, { cookie: client.cookieHeader, origin: TEST_ORIGIN });
    try {
      const result = await ws.execute('mutation { updatePlatformSettings(input: { openRegistration: false }) { openRegistration } }');
      expect(result.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    } finally {
      await ws.dispose();
    }
  });

  it('stops serving a socket whose session was revoked, on its next operation', async () => {
    const { client } = await api.signedIn();
    const ws = connectWs(api.url, { cookie: client.cookieHeader, origin: TEST_ORIGIN });
    expect((await ws.execute<{ viewer: { id: string } }>('{ viewer { id } }')).data?.viewer).toBeTruthy();
    await client.data('mutation { signOut }');
    const after = ws.execute('{ viewer { id } }').catch((error: Error) => ({ rejected: error.message }));
    expect((await ws.closed).code).toBe(4401);
    expect(await after).not.toHaveProperty('data.viewer.id');
  });
});
