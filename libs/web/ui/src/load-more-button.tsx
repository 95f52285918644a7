import { useState } from 'react';
import { Button } from '@mantine/core';

/** The paging part of a Relay connection that "Load more" needs. */
export interface LoadMorePageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * "Load more" under a connection: fetches the page after `endCursor`, shows that it is busy
 * meanwhile, and disappears when there is no next page.
 */
export function LoadMoreButton({
  pageInfo,
  fetchMore,
  label = 'Load more',
}: {
  pageInfo: LoadMorePageInfo | undefined;
  fetchMore: (after: string | null) => Promise<unknown>;
  label?: string;
}) {
  const [loading, setLoading] = useState(false);
  if (!pageInfo?.hasNextPage) return null;
  return (
    <Button
      variant="light"
      w="fit-content"
      loading={loading}
      onClick={async () => {
        setLoading(true);
        try {
          await fetchMore(pageInfo.endCursor);
        } finally {
          setLoading(false);
        }
      }}
    >
      {label}
    </Button>
  );
}
