import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { ApolloCache } from '@apollo/client';
import { REASON_MAX_LENGTH } from '@commons/shared-contracts';
import {
  CancelJoinRequestDocument,
  JoinCommunityDocument,
  LeaveCommunityDocument,
  RequestToJoinCommunityDocument,
  toApiError,
  type ApiError,
  type CommunityQuery,
  type CommunityViewerFieldsFragment,
} from '@commons/web-data-access';
import { ErrorAlert, FormActions } from '@commons/web-ui';
import { forgetCommunityFields, forgetDirectory } from '../community-cache';
import { ROLE } from '../labels';
import { rules } from '../validation';

type Community = CommunityQuery['community'];

/** Why there is no way in, from what the viewer can see of the community. */
export function whyNotJoin(community: Pick<Community, 'lifecycle' | 'visibility'>): string {
  if (community.lifecycle === 'ARCHIVED') return 'This community is archived: it is read-only.';
  if (community.lifecycle === 'PILOT') return 'This community is in pilot: only its pilot cohort can join for now.';
  if (community.lifecycle === 'DRAFT') return 'This community is not open yet.';
  if (community.visibility === 'SECRET') return 'This community is by invitation only.';
  return 'You cannot join this community.';
}

/**
 * Join, ask to join, cancel the request, or leave: only what `viewerCan` allows. Each answer
 * updates the community in the cache at once; a refusal shows the server's reason.
 */
export function MembershipActions({ community, onStale }: { community: Community; onStale: () => void }) {
  const navigate = useNavigate();
  const [join, joining] = useMutation(JoinCommunityDocument);
  const [requestToJoin, requesting] = useMutation(RequestToJoinCommunityDocument);
  const [cancelRequest, cancelling] = useMutation(CancelJoinRequestDocument);
  const [leave, leaving] = useMutation(LeaveCommunityDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');
  const [confirmLeave, setConfirmLeave] = useState(false);

  const can = community.viewerCan;
  const request = community.viewerJoinRequest;
  const membership = community.viewerMembership;
  const variables = { communityId: community.id };

  /** Lists that depend on who is a member; content the viewer may now read, or no longer. */
  const refresh = (cache: ApolloCache, after: CommunityViewerFieldsFragment | null | undefined) => {
    forgetDirectory(cache);
    if (after?.membersCount !== community.membersCount) forgetCommunityFields(cache, community.id, 'members');
    if (after && after.viewerCan.readContent !== can.readContent) forgetCommunityFields(cache, community.id, 'objectives');
  };

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      const apiError = toApiError(caught);
      setError(apiError);
      // What the viewer may do has changed since the page loaded: show the current state.
      if (apiError && ['FORBIDDEN', 'CONFLICT'].includes(apiError.code)) onStale();
    }
  };

  const messageError = rules.optionalReason(message);

  return (
    <Stack gap="sm" component="section" aria-label="Membership">
      {membership ? (
        <Group gap="sm">
          <Text size="sm" fw={500}>
            You are a {ROLE[membership.role].toLowerCase()} of this community.
          </Text>
          {can.leave && !confirmLeave && (
            <Button variant="default" size="xs" onClick={() => setConfirmLeave(true)}>
              Leave
            </Button>
          )}
        </Group>
      ) : can.join ? (
        <Button
          w="fit-content"
          loading={joining.loading}
          onClick={() =>
            void run(() =>
              join({
                variables,
                update: (cache, { data }) => refresh(cache, data?.joinCommunity),
              }),
            )
          }
        >
          Join
        </Button>
      ) : request?.status === 'PENDING' ? (
        <Group gap="sm">
          <Text size="sm">Your request to join is waiting for a manager.</Text>
          <Button variant="default" size="xs" loading={cancelling.loading} onClick={() => void run(() => cancelRequest({ variables }))}>
            Cancel request
          </Button>
        </Group>
      ) : can.requestToJoin ? (
        asking ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (messageError) return;
              void run(async () => {
                await requestToJoin({ variables: { input: { communityId: community.id, message: message.trim() || null } } });
                setAsking(false);
                setMessage('');
              });
            }}
          >
            <Stack gap="xs" maw={520}>
              <Textarea
                label="Message for the managers (optional)"
                description={`Why you would like to join. Up to ${REASON_MAX_LENGTH} characters.`}
                autosize
                minRows={2}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
                error={messageError ?? error?.fields.find((f) => f.field === 'message')?.message}
              />
              <FormActions submitLabel="Send request" busy={requesting.loading} onCancel={() => setAsking(false)} />
            </Stack>
          </form>
        ) : (
          <Button w="fit-content" onClick={() => setAsking(true)}>
            Request to join
          </Button>
        )
      ) : (
        <Text size="sm" c="dimmed" data-testid="join-refusal">
          {whyNotJoin(community)}
        </Text>
      )}

      {!membership && request?.status === 'DENIED' && (
        <Alert color="orange" title="Your last request was declined">
          {request.decisionReason || 'The managers gave no reason.'}
        </Alert>
      )}

      {confirmLeave && (
        <Alert color="orange" title={`Leave ${community.name}?`}>
          <Stack gap="xs">
            <Text size="sm">
              {community.visibility === 'OPEN' ? 'You can join again at any time.' : 'To come back you will need to ask or be invited.'}
            </Text>
            <Group gap="xs">
              <Button
                color="red"
                size="xs"
                loading={leaving.loading}
                onClick={() =>
                  void run(async () => {
                    const { data } = await leave({ variables, update: (cache, result) => refresh(cache, result.data?.leaveCommunity) });
                    setConfirmLeave(false);
                    // Leaving a secret community hides it: there is nothing left to show here.
                    if (data && !data.leaveCommunity) await navigate('/communities', { replace: true });
                  })
                }
              >
                Leave community
              </Button>
              <Button variant="default" size="xs" onClick={() => setConfirmLeave(false)}>
                Stay
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {error && !error.fields.some((f) => f.field === 'message') && <ErrorAlert error={error} />}
    </Stack>
  );
}
