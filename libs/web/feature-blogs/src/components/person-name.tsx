import { useQuery } from '@apollo/client/react';
import { BlogPersonDocument } from '@commons/web-data-access';

/** A person's name by id (co-authors are listed by id); a placeholder while it loads. */
export function PersonName({ id, fallback = 'a colleague' }: { id: string; fallback?: string }) {
  const { data } = useQuery(BlogPersonDocument, { variables: { id } });
  return <>{data?.account.displayName ?? fallback}</>;
}
