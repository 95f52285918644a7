// The benchmark's GraphQL client: JSON POSTs like the web client, no Origin (a server-side caller).
export function graphqlRequest(query, variables, cookie) {
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (cookie) headers.cookie = cookie;
  return { method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query, variables }) };
}

/** Runs an operation that must succeed; returns its data. */
export async function graphql(api, query, variables, cookie) {
  const request = graphqlRequest(query, variables, cookie);
  const response = await fetch(`${api.url}${request.path}`, { method: 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`GraphQL answered HTTP ${response.status} with: ${text.slice(0, 500)}`);
  }
  if (body.errors?.length || !body.data) throw new Error(`GraphQL answered HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 800)}`);
  return { data: body.data, response };
}

/** Signs in and returns the session cookie as a Cookie header, and the cookie's name. */
export async function signIn(api, email, password) {
  const { response } = await graphql(api, 'mutation ($input: SignInInput!) { signIn(input: $input) { account { id } } }', { input: { email, password } });
  const pair = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => /session/u.test(c));
  if (!pair) throw new Error(`signIn set no session cookie for ${email}`);
  return { cookie: pair, cookieName: pair.slice(0, pair.indexOf('=')) };
}
