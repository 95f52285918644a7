import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import type { RealtimeConnection } from './realtime/realtime-connection';
import { forgetSessionIfEnded } from './session';

export interface ApolloClientOptions {
  /** Where subscriptions go; without one, the client has queries and mutations only. */
  realtime?: RealtimeConnection;
}

/**
 * One Apollo Client for the app: queries and mutations over HTTP, subscriptions over the
 * realtime connection, both on the same origin's /graphql. The session is an HTTP-only cookie
 * the browser sends with both (at the WebSocket's opening); no token ever lives in JavaScript.
 */
export function createApolloClient({ realtime }: ApolloClientOptions = {}): ApolloClient {
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const client = new ApolloClient({
    link: realtime ? ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, realtime.link, http) : http,
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // "Load more" appends pages; each search term is its own list.
            accounts: relayStylePagination(['search']),
            communities: relayStylePagination(['filter']),
            blogPosts: relayStylePagination(['communityId', 'tag']),
            feed: relayStylePagination(['tag']),
            myBlogDrafts: relayStylePagination(),
            search: relayStylePagination(['query', 'filter']),
            // Moderation: each community's queue (and each filter of it) is its own list.
            moderationQueue: relayStylePagination(['communityId', 'status', 'source', 'escalated']),
            auditLog: relayStylePagination(['filter']),
            moderationNotices: relayStylePagination(),
            // The unread-only view is a list of its own; the bell and the page share the other.
            notifications: relayStylePagination(['unreadOnly']),
          },
        },
        Community: {
          fields: {
            members: relayStylePagination(['role']),
            joinRequests: relayStylePagination(),
          },
        },
        // Objects without an id that belong to one community: newer answers complete older ones.
        CommunityPermissions: { merge: true },
        CommunityMembership: { merge: true },
        // A singleton without an id.
        PlatformSettings: { keyFields: [] },
        BlogPost: { fields: { comments: relayStylePagination() } },
        BlogPostPermissions: { merge: true },
        // One per community.
        BlogSettings: { keyFields: ['communityId'] },
        // Highlights depend on the query: the same post found by two searches is two hits.
        SearchHit: { keyFields: false },
        // One per community; its policy versions are identified by policy and number.
        CommunityModeration: { keyFields: ['communityId'] },
        CommunityModerationPermissions: { merge: true },
        ModerationPolicyVersion: { keyFields: ['policyId', 'version'] },
        // A rule's id is unique within a policy version only; a tested decision has no id.
        ModerationRule: { keyFields: false },
        ModerationDecision: { keyFields: false },
        // The queue lists an item's decision in brief, its detail in full: answers complete each other.
        ModerationQueueItem: { fields: { decision: { merge: true } } },
      },
    }),
  });
  realtime?.onSessionEnded(() => void forgetSessionIfEnded(client));
  return client;
}
