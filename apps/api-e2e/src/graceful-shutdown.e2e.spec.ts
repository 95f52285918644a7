import { connectWs, GraphqlClient, startBuiltServer } from '@commons/server-testing';

describe('graceful shutdown', () => {
  it('closes open WebSockets with 1001 (going away) and exits 0 on SIGTERM', async () => {
    const server = await startBuiltServer();
    const client = new GraphqlClient(server.url);
    await client.data(`mutation { register(input: { email: "leaver@example.test", password: "leaving password", displayName: "Lee" }) { account { id } } }`);
    const ws = connectWs(server.url, { cookie: client.cookieHeader, origin: `http://localhost:${server.port}` });
    expect((await ws.execute<{ viewer: { displayName: string } }>('{ viewer { displayName } }')).data?.viewer.displayName).toBe('Lee');

    const [closed, exitCode] = await Promise.all([ws.closed, server.stop()]);
    expect(closed.code).toBe(1001);
    expect(exitCode).toBe(0);
    expect(server.output()).not.toMatch(/"level":(50|60)/u);
  });
});
