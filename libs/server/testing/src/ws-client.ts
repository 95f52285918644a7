import { createClient, type Client } from 'graphql-ws';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';

export interface WsTestClient {
  client: Client;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  /** Runs one operation; resolves with its result, or with the errors the server sent instead. */
  execute<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<FormattedExecutionResult<T>>;
  dispose(): Promise<void>;
}

/** A graphql-ws client that presents a browser's cookie and Origin on the upgrade, as the web client does. */
export function connectWs(httpUrl: string, headers: { cookie?: string; origin?: string }): WsTestClient {
  const url = httpUrl.replace(/^http/u, 'ws') + '/graphql';
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string> });
    }
  }
  let onClosed: (value: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url,
    webSocketImpl: BrowserLikeSocket,
    lazy: false,
    retryAttempts: 0,
    shouldRetry: () => false,
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closed,
    execute<T>(query: string, variables?: Record<string, unknown>) {
      return new Promise<FormattedExecutionResult<T>>((resolve, reject) => {
        let result: FormattedExecutionResult<T> | undefined;
        client.subscribe<T>(
          { query, variables },
          {
            next: (value) => (result = value as FormattedExecutionResult<T>),
            error: (error: unknown) => {
              if (Array.isArray(error)) resolve({ errors: error as GraphQLFormattedError[] });
              else if (error && typeof error === 'object' && 'code' in error) reject(new Error(`socket closed: ${String((error as { code: number }).code)}`));
              else reject(error instanceof Error ? error : new Error(String(error)));
            },
            complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
          },
        );
      });
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
