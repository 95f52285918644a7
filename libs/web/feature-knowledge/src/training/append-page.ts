/** A connection page as the training lists fetch it. */
interface Page<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Joins the next page of a connection to the one shown (these lists have no cache field policy,
 * so "Load more" merges here): the older edges, then the new ones, with the new page's info.
 */
export function appendPage<E, P extends Page<E>>(previous: P, next: P): P {
  return { ...next, edges: [...previous.edges, ...next.edges] };
}
