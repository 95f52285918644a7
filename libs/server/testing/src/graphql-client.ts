import type { FormattedExecutionResult } from 'graphql';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: FormattedExecutionResult<T>;
  headers: Headers;
}

/**
 * Talks to the API the way the web client does: JSON POSTs to /graphql, the session
 * cookie kept between requests, the Origin of the web client.
 */
export class GraphqlClient {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly defaults: { origin?: string } = {},
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A second browser of the same person: same cookies, independent from now on (served by another instance when `baseUrl` says so). */
  clone(baseUrl = this.baseUrl): GraphqlClient {
    const copy = new GraphqlClient(baseUrl, this.defaults);
    copy.cookies = new Map(this.cookies);
    return copy;
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    init: { headers?: Record<string, string> } = {},
  ): Promise<GraphqlResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    if (this.defaults.origin) headers['origin'] = this.defaults.origin;
    if (this.cookies.size > 0) headers['cookie'] = this.cookieHeader;
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { ...headers, ...init.headers },
      body: JSON.stringify({ query, variables }),
    });
    this.remember(response.headers);
    const text = await response.text();
    let body: FormattedExecutionResult<T>;
    try {
      body = JSON.parse(text) as FormattedExecutionResult<T>;
    } catch {
      throw new Error(`Not JSON (HTTP ${response.status}): ${text.slice(0, 500)}`);
    }
    return { status: response.status, body, headers: response.headers };
  }

  /** Runs an operation that must succeed and returns its data. */
  async data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const { body, status } = await this.request<T>(query, variables);
    if (body.errors?.length || !body.data) {
      throw new Error(`Expected data, got HTTP ${status}: ${JSON.stringify(body.errors ?? body)}`);
    }
    return body.data;
  }

  /** Runs an operation that must fail and returns its first error's code. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const { body } = await this.request(query, variables);
    if (!body.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(body.data)}`);
    return body.errors[0].extensions?.['code'] as string | undefined;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.data(`mutation ($input: SignInInput!) { signIn(input: $input) { account { id } } }`, { input: { email, password } });
  }

  private remember(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/iu.test(a) && new Date(a.split('=')[1]) < new Date()) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
