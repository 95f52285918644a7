import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * One Apollo Client for the app. The session is an HTTP-only cookie the browser sends
 * with same-origin requests; no token ever lives in JavaScript.
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // "Load more" appends pages; each search term is its own list.
            accounts: relayStylePagination(['search']),
            communities: relayStylePagination(['filter']),
            blogPosts: relayStylePagination(['communityId']),
            feed: relayStylePagination(),
            myBlogDrafts: relayStylePagination(),
            search: relayStylePagination(['query', 'filter']),
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
      },
    }),
  });
}
