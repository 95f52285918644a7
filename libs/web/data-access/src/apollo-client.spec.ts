import type { Client, ClientOptions, SubscribePayload } from 'graphql-ws';
import { createApolloClient } from './apollo-client';
import { ThreadActivityDocument, ViewerDocument } from './generated/graphql';
import { RealtimeConnection } from './realtime/realtime-connection';

const VIEWER = { __typename: 'Account', id: 'a1', displayName: 'Ada Lovelace', initials: 'AL', email: 'ada@commons.example', department: null, title: null, role: 'MEMBER' };

/** A realtime connection over a fake graphql-ws that records what is subscribed. */
function fakeRealtime() {
  const sent: SubscribePayload[] = [];
  let options = undefined as unknown as ClientOptions;
  const realtime = new RealtimeConnection({
    url: 'ws://commons.test/graphql',
    createClient: (o) => {
      options = o;
      return {
        on: () => () => undefined,
        subscribe: (payload: SubscribePayload) => {
          sent.push(payload);
          return () => undefined;
        },
      } as unknown as Client;
    },
  });
  return { realtime, sent, closed: (code: number) => options.on?.closed?.({ code, reason: '', wasClean: true }) };
}

/** The server over HTTP, answering the viewer query with `viewer`. */
function serverAnswering(viewer: typeof VIEWER | null) {
  return jest.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify({ data: { viewer } }), { headers: { 'content-type': 'application/json' } }));
}

/** The fake server answers at once: one turn of the event loop lets the client's promises finish. */
const answered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createApolloClient', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends subscriptions over the realtime connection and queries over HTTP', async () => {
    const { realtime, sent } = fakeRealtime();
    const fetch = serverAnswering(VIEWER);
    const client = createApolloClient({ realtime });
    const subscription = client.subscribe({ query: ThreadActivityDocument, variables: { threadId: 't1', since: 41 } }).subscribe(() => undefined);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ operationName: 'ThreadActivity', variables: { threadId: 't1', since: 41 } });
    await client.query({ query: ViewerDocument });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    subscription.unsubscribe();
  });

  it('forgets the session when the server closed the connection for it and confirms nobody is signed in', async () => {
    const { realtime, closed } = fakeRealtime();
    const client = createApolloClient({ realtime });
    client.writeQuery({ query: ViewerDocument, data: { viewer: VIEWER } as never });
    serverAnswering(null);
    closed(4403);
    await answered();
    expect(client.readQuery({ query: ViewerDocument })).toEqual({ viewer: null });
  });

  it('keeps someone who signed in again meanwhile signed in', async () => {
    const { realtime, closed } = fakeRealtime();
    const client = createApolloClient({ realtime });
    client.writeQuery({ query: ViewerDocument, data: { viewer: VIEWER } as never });
    serverAnswering(VIEWER);
    closed(4401);
    await answered();
    expect(client.readQuery({ query: ViewerDocument })?.viewer?.id).toBe('a1');
  });
});
