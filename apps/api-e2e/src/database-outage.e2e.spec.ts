import { GraphqlClient, startBuiltServer, startControllablePostgres, type BuiltServer, type ControllablePostgres } from '@commons/server-testing';

/** Polls until `check` holds or the deadline passes; outage recovery takes a moment by nature. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('database outage', () => {
  let postgres: ControllablePostgres;
  let server: BuiltServer;
  let client: GraphqlClient;

  beforeAll(async () => {
    postgres = await startControllablePostgres();
    server = await startBuiltServer({ DATABASE_URL: postgres.url, DATABASE_CONNECT_TIMEOUT_MS: '1000' });
    client = new GraphqlClient(server.url);
    await client.data(`mutation { register(input: { email: "ops@example.test", password: "operations password", displayName: "Ops" }) { account { id } } }`);
  });
  afterAll(async () => {
    await server?.stop();
    await postgres?.destroy();
  });

  const health = () => fetch(`${server.url}/health`).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string } }));

  it('reports 503 and SERVICE_UNAVAILABLE while PostgreSQL is down, then recovers on its own', async () => {
    expect((await health()).status).toBe(200);
    await postgres.stop();

    const down = await health();
    expect(down).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    const { status, body } = await client.request('{ viewer { id displayName } }');
    expect(status).toBe(503);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/database is unavailable/iu),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });

    await postgres.start();
    await eventually(async () => (await health()).status === 200, '/health is 200 again');
    const { viewer } = await client.data<{ viewer: { displayName: string } }>('{ viewer { displayName } }');
    expect(viewer.displayName).toBe('Ops');
  });

  it('shuts down cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
