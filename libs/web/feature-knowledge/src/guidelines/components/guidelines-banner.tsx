import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PendingGuidelinesDocument } from '@commons/web-data-access';
import { count } from '@commons/web-ui';
import { guidelinePath } from '../guideline-paths';

/**
 * Above every signed-in page while the person has guidelines to (re-)acknowledge: how many, and
 * a link to read them (the one guideline itself when there is only one).
 */
export function GuidelinesBanner() {
  const { data } = useQuery(PendingGuidelinesDocument, { fetchPolicy: 'cache-and-network' });
  const pending = data?.pendingGuidelines;
  if (!pending || pending.totalCount === 0) return null;
  const only = pending.totalCount === 1 ? pending.edges[0]?.node : undefined;
  const target = only ? guidelinePath(only.key) : '/knowledge/guidelines';
  return (
    <Alert color="yellow" variant="light" mb="md" data-testid="guidelines-banner" role="status">
      <Text size="sm">
        {count(pending.totalCount, 'guideline')} {pending.totalCount === 1 ? 'needs' : 'need'} your acknowledgement —{' '}
        <Anchor component={Link} to={target} underline="always">
          read {only ? `“${only.title}”` : 'them'}
        </Anchor>
      </Text>
    </Alert>
  );
}
