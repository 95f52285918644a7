import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Reference } from '@apollo/client';
import {
  MyCommunityInvitationsDocument,
  RespondToCommunityInvitationDocument,
  toApiError,
  type ApiError,
  type MyCommunityInvitationsQuery,
} from '@commons/web-data-access';
import { ErrorAlert, QueryState } from '@commons/web-ui';
import { forgetDirectory } from '../community-cache';
import { ROLE } from '../labels';

type Invitation = MyCommunityInvitationsQuery['myCommunityInvitations'][number];

function InvitationRow({ invitation, onJoined }: { invitation: Invitation; onJoined: (name: string, slug: string) => void }) {
  const [respond, { loading }] = useMutation(RespondToCommunityInvitationDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const community = invitation.community;
  const answer = async (accept: boolean) => {
    setError(null);
    try {
      await respond({
        variables: { invitationId: invitation.id, accept },
        update: (cache) => {
          cache.modify({
            fields: {
              myCommunityInvitations: (existing: readonly Reference[] = [], { readField }) => existing.filter((ref) => readField('id', ref) !== invitation.id),
            },
          });
          if (accept) forgetDirectory(cache);
        },
      });
      if (accept && community) onJoined(community.name, community.slug);
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  const name = community?.name ?? 'A community';
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm">
            {community ? (
              <Anchor component={Link} to={`/communities/${community.slug}`} underline="always">
                {name}
              </Anchor>
            ) : (
              name
            )}{' '}
            — invited as {ROLE[invitation.role].toLowerCase()}
            {invitation.invitedBy ? ` by ${invitation.invitedBy.displayName}` : ''}
          </Text>
          <Group gap="xs">
            <Button size="xs" loading={loading} onClick={() => void answer(true)} aria-label={`Accept the invitation to ${name}`}>
              Accept
            </Button>
            <Button size="xs" variant="default" disabled={loading} onClick={() => void answer(false)} aria-label={`Decline the invitation to ${name}`}>
              Decline
            </Button>
          </Group>
        </Group>
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  );
}

/** Invitations waiting for the viewer, above the directory; nothing when there are none. */
export function PendingInvitations() {
  const { data, loading, error, refetch } = useQuery(MyCommunityInvitationsDocument);
  const [joined, setJoined] = useState<{ name: string; slug: string } | null>(null);
  const invitations = data?.myCommunityInvitations ?? [];
  if (loading && !data) return null;
  if (!error && invitations.length === 0 && !joined) return null;
  return (
    <Stack component="section" aria-labelledby="invitations-heading" gap="xs">
      <Title order={3} id="invitations-heading" size="h4">
        Invitations for you
      </Title>
      {joined && (
        <Alert color="teal" role="status">
          You joined{' '}
          <Anchor component={Link} to={`/communities/${joined.slug}`} underline="always">
            {joined.name}
          </Anchor>
          .
        </Alert>
      )}
      <QueryState loading={false} error={toApiError(error)} empty={invitations.length === 0} emptyText="No more invitations." onRetry={() => void refetch()}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {invitations.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} onJoined={(name, slug) => setJoined({ name, slug })} />
          ))}
        </Stack>
      </QueryState>
    </Stack>
  );
}
