import { serverAudits, type Audit } from 'graphql-http';
import { GraphqlClient, startBuiltServer, type BuiltServer } from '@commons/server-testing';

/**
 * The GraphQL-over-HTTP specification's own audit suite (graphql-http) against the built
 * server as `npm start` runs it. Every MUST passes; SHOULD/MAY results are reported.
 * The audits probe with `__type`, which this server answers only to signed-in people
 * (introspection is for signed-in developers), so they run with a session cookie.
 */
describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  let server: BuiltServer;
  let url = '';
  let cookie = '';
  beforeAll(async () => {
    server = await startBuiltServer();
    url = `${server.url}/graphql`;
    const client = new GraphqlClient(server.url);
    await client.data(`mutation { register(input: { email: "auditor@example.test", password: "audit password 1", displayName: "Auditor" }) { account { id } } }`);
    cookie = client.cookieHeader;
  });
  afterAll(() => server.stop());

  // Audits are listed up front (Jest needs test names before beforeAll runs); the URL is read when each runs.
  const audits: Audit[] = serverAudits({
    url: () => url,
    fetchFn: (input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
  });

  for (const audit of audits.filter((a) => a.name.startsWith('MUST'))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({ status: 'ok', reason: undefined });
    });
  }

  it('reports SHOULD and MAY recommendations it does not follow', async () => {
    const notes: string[] = [];
    for (const audit of audits.filter((a) => !a.name.startsWith('MUST'))) {
      const result = await audit.fn();
      if (result.status !== 'ok') notes.push(`${audit.name}: ${result.reason}`);
    }
    if (notes.length > 0) console.info(`graphql-http recommendations not followed:\n${notes.join('\n')}`);
    expect(audits.length).toBeGreaterThan(20);
  });
});
