import type { ApolloClient } from '@apollo/client';
import { ViewerDocument } from './generated/graphql';

/**
 * Forgets everything cached for the session and records that nobody is signed in: the
 * signed-in screens then send the person to sign in (and back to where they were afterwards).
 */
export async function forgetSession(client: ApolloClient): Promise<void> {
  await client.clearStore();
  client.writeQuery({ query: ViewerDocument, data: { viewer: null } });
}

/**
 * The server closed the live connection for an ended session: asks who is signed in now and
 * forgets the session when nobody is (someone who signed in again meanwhile stays signed in).
 * A failed request changes nothing; the next request tells.
 */
export async function forgetSessionIfEnded(client: ApolloClient): Promise<void> {
  try {
    const { data } = await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    if (data && !data.viewer) await forgetSession(client);
  } catch {
    // offline or failing: leave the screens as they are
  }
}
