import { startBuiltServer, type BuiltServer } from '@commons/server-testing';

const TOKEN = 'metrics-token-for-the-e2e-test';

/** The built server with its web client: /metrics is the API's, never the single-page app's fallback. */
describe('/metrics on the built server', () => {
  let server: BuiltServer;
  beforeAll(async () => {
    server = await startBuiltServer({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => server?.stop());

  it('answers a scraper (Accept: */*) with the Prometheus text, not the web page', async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { accept: '*/*', authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/u);
    expect(await response.text()).toMatch(/^commons_sql_statements_total \d+$/mu);
  });

  it('hides it from anyone without the token, as an unknown path', async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { accept: 'text/html,*/*' } });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/<html/iu);
  });
});
