import { useState } from 'react';
import { Button } from '@mantine/core';

/** "Load more" under a connection: fetches the page after `endCursor`. */
export function LoadMoreButton({ pageInfo, fetchMore }: { pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined; fetchMore: (after: string | null) => Promise<unknown> }) {
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
      Load more
    </Button>
  );
}
