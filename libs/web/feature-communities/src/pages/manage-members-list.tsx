import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { COMMUNITY_ROLES } from '@commons/shared-contracts';
import { BanFromCommunityDocument, CommunityMembersDocument, RemoveCommunityMemberDocument, SetCommunityMemberRoleDocument, toApiError, useAction, useForm, type CommunityMemberFieldsFragment, type CommunityRole } from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, PersonAvatar, QueryState } from '@commons/web-ui';
import { forgetCommunityFields } from '../community-cache';
import { ROLE } from '../labels';
import { rules, todayUtc } from '../validation';

const ROLE_OPTIONS = COMMUNITY_ROLES.map((r) => ({ value: r, label: ROLE[r] }));

/** A ban ends at the end of the chosen day (UTC); none means permanent. */
function endOfDay(date: string): string {
  return `${date}T23:59:59.000Z`;
}

function BanModal({ communityId, person, onClose }: { communityId: string; person: { id: string; displayName: string }; onClose: () => void }) {
  const [ban, { loading }] = useMutation(BanFromCommunityDocument);
  const [today] = useState(() => todayUtc());
  const form = useForm(
    { reason: '', endsAt: '' },
    { reason: rules.reason, endsAt: (v) => (v && v <= today ? 'A ban must end in the future: choose a later day.' : undefined) },
  );
  return (
    <Modal opened onClose={onClose} title={`Ban ${person.displayName}`}>
      <form
        noValidate
        onSubmit={form.submit(async ({ reason, endsAt }) => {
          await ban({
            variables: { input: { communityId, accountId: person.id, reason: reason.trim(), endsAt: endsAt ? endOfDay(endsAt) : null } },
            // A ban ends the membership, pending requests and invitations.
            update: (cache) => forgetCommunityFields(cache, communityId, 'members', 'membersCount', 'bans', 'joinRequests', 'invitations'),
          });
          onClose();
        })}
      >
        <Stack>
          <Text size="sm">They lose their membership and cannot join again until the ban ends or is lifted.</Text>
          {form.generalError && <ErrorAlert error={form.generalError} />}
          <Textarea label="Reason" description="Recorded with the ban." required autosize minRows={2} {...form.field('reason')} />
          <TextInput label="Ends on (optional)" description="Leave empty for a permanent ban." type="date" min={today} {...form.field('endsAt')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={loading}>
              Ban
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MemberRow({ communityId, member, isViewer }: { communityId: string; member: CommunityMemberFieldsFragment; isViewer: boolean }) {
  const [setRole, settingRole] = useMutation(SetCommunityMemberRoleDocument);
  const [remove, removing] = useMutation(RemoveCommunityMemberDocument);
  const [banning, setBanning] = useState(false);
  const { run, error } = useAction();
  const person = member.account;
  return (
    <Stack component="li" gap={6}>
      <Group gap="sm" wrap="wrap">
        <PersonAvatar id={person.id} initials={person.initials} name={person.displayName} size="sm" />
        <Text size="sm" style={{ flex: 1, minWidth: 140 }}>
          {person.displayName}
          {isViewer ? ' (you)' : ''}
        </Text>
        <Select
          aria-label={`Role of ${person.displayName}`}
          size="xs"
          w={140}
          data={ROLE_OPTIONS}
          value={member.role}
          allowDeselect={false}
          disabled={settingRole.loading}
          onChange={(role) =>
            role &&
            role !== member.role &&
            void run(() =>
              setRole({
                variables: { input: { communityId, accountId: person.id, role: role as CommunityRole } },
                update: (cache) => forgetCommunityFields(cache, communityId, 'members'),
              }),
            )
          }
        />
        {!isViewer && (
          <>
            <Button
              size="xs"
              variant="default"
              loading={removing.loading}
              aria-label={`Remove ${person.displayName}`}
              onClick={() =>
                void run(() =>
                  remove({
                    variables: { input: { communityId, accountId: person.id } },
                    update: (cache) => forgetCommunityFields(cache, communityId, 'members'),
                  }),
                )
              }
            >
              Remove
            </Button>
            <Button size="xs" variant="light" color="red" aria-label={`Ban ${person.displayName}`} onClick={() => setBanning(true)}>
              Ban
            </Button>
          </>
        )}
      </Group>
      {error && <ErrorAlert error={error} />}
      {banning && <BanModal communityId={communityId} person={person} onClose={() => setBanning(false)} />}
    </Stack>
  );
}

/** Members with their roles, and the manager's actions on each. */
export function ManageMembersList({ communityId, viewerId }: { communityId: string; viewerId: string | null }) {
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(CommunityMembersDocument, { variables: { id: communityId }, notifyOnNetworkStatusChange: true });
  const shown = data ?? (previousData?.community.id === communityId ? previousData : undefined);
  const members = shown?.community.members;
  const edges = members?.edges ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="manage-members-heading">
      <Title order={3} id="manage-members-heading">
        Members
      </Title>
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={edges.length === 0} emptyText="No members yet." onRetry={() => void refetch()}>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Members">
          {edges.map(({ node }) => (
            <MemberRow key={node.account.id} communityId={communityId} member={node} isViewer={node.account.id === viewerId} />
          ))}
        </Stack>
        <LoadMoreButton pageInfo={members?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
    </Stack>
  );
}
