import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { COMMUNITY_ROLES } from '@commons/shared-contracts';
import { CommunityJoinRequestsDocument, CommunityManagementDocument, DecideJoinRequestDocument, InviteToCommunityDocument, RevokeCommunityInvitationDocument, UnbanFromCommunityDocument, isNotFound, toApiError, useAction, useForm, type CommunityManagementQuery, type CommunityRole } from '@commons/web-data-access';
import { CommunityNotFound, ErrorAlert, LoadMoreButton, PersonAvatar, QueryState } from '@commons/web-ui';
import { PilotCohorts } from '../cohorts/pilot-cohorts';
import { forgetCommunityFields } from '../community-cache';
import { useCommunityViewer, useCurrentSlug } from '../community-query';
import { PersonPicker, type Person } from '../components/person-picker';
import { ROLE, calendarDate } from '../labels';
import { rules } from '../validation';
import { ManageMembersList } from './manage-members-list';

type Community = CommunityManagementQuery['community'];

function DenyModal({ requestId, communityId, name, onClose }: { requestId: string; communityId: string; name: string; onClose: () => void }) {
  const [decide, { loading }] = useMutation(DecideJoinRequestDocument);
  const form = useForm({ reason: '' }, { reason: rules.reason });
  return (
    <Modal opened onClose={onClose} title={`Deny ${name}’s request`}>
      <form
        noValidate
        onSubmit={form.submit(async ({ reason }) => {
          await decide({
            variables: { input: { requestId, approve: false, reason: reason.trim() } },
            update: (cache) => forgetCommunityFields(cache, communityId, 'joinRequests'),
          });
          onClose();
        })}
      >
        <Stack>
          {form.generalError && <ErrorAlert error={form.generalError} />}
          <Textarea label="Reason" description={`${name} sees it.`} required autosize minRows={2} {...form.field('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={loading}>
              Deny request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function JoinRequests({ communityId }: { communityId: string }) {
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(CommunityJoinRequestsDocument, { variables: { id: communityId }, notifyOnNetworkStatusChange: true });
  const [decide, deciding] = useMutation(DecideJoinRequestDocument);
  const [denying, setDenying] = useState<{ id: string; name: string } | null>(null);
  const action = useAction();
  const shown = data ?? (previousData?.community.id === communityId ? previousData : undefined);
  const requests = shown?.community.joinRequests;
  const edges = requests?.edges ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="requests-heading">
      <Title order={3} id="requests-heading">
        Requests to join
      </Title>
      {action.error && <ErrorAlert error={action.error} />}
      <QueryState loading={loading && !shown} error={toApiError(error)} empty={edges.length === 0} emptyText="No one is waiting." onRetry={() => void refetch()}>
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Requests to join">
          {edges.map(({ node }) => {
            const name = node.account?.displayName ?? 'Someone';
            return (
              <Paper component="li" key={node.id} withBorder p="sm" radius="md">
                <Group gap="sm" align="flex-start" wrap="wrap">
                  {node.account && <PersonAvatar id={node.account.id} initials={node.account.initials} name={name} size="sm" />}
                  <Stack gap={2} style={{ flex: 1, minWidth: 180 }}>
                    <Text size="sm" fw={500}>
                      {name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      Asked on {calendarDate(node.createdAt.slice(0, 10))}
                    </Text>
                    {node.message && <Text size="sm">“{node.message}”</Text>}
                  </Stack>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      loading={deciding.loading}
                      aria-label={`Approve ${name}`}
                      onClick={() =>
                        void action.run(() =>
                          decide({
                            variables: { input: { requestId: node.id, approve: true } },
                            update: (cache) => forgetCommunityFields(cache, communityId, 'joinRequests', 'members', 'membersCount'),
                          }),
                        )
                      }
                    >
                      Approve
                    </Button>
                    <Button size="xs" variant="default" aria-label={`Deny ${name}`} onClick={() => setDenying({ id: node.id, name })}>
                      Deny
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
        <LoadMoreButton pageInfo={requests?.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} />
      </QueryState>
      {denying && <DenyModal requestId={denying.id} communityId={communityId} name={denying.name} onClose={() => setDenying(null)} />}
    </Stack>
  );
}

function Invitations({ community }: { community: Community }) {
  const [revoke, revoking] = useMutation(RevokeCommunityInvitationDocument);
  const action = useAction();
  const invitations = community.invitations ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="invitations-heading">
      <Title order={3} id="invitations-heading">
        Pending invitations
      </Title>
      {action.error && <ErrorAlert error={action.error} />}
      {invitations.length === 0 ? (
        <Text c="dimmed" size="sm">
          No invitations are waiting for an answer.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Pending invitations">
          {invitations.map((i) => {
            const who = i.account?.displayName ?? i.email ?? 'Someone';
            return (
              <Group component="li" key={i.id} gap="sm">
                <Text size="sm" style={{ flex: 1 }}>
                  {who} — as {ROLE[i.role].toLowerCase()}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={revoking.loading}
                  aria-label={`Revoke the invitation of ${who}`}
                  onClick={() =>
                    void action.run(() =>
                      revoke({ variables: { invitationId: i.id }, update: (cache) => forgetCommunityFields(cache, community.id, 'invitations') }),
                    )
                  }
                >
                  Revoke
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

const ROLE_OPTIONS = COMMUNITY_ROLES.map((r) => ({ value: r, label: ROLE[r] }));

function InviteForm({ community }: { community: Community }) {
  const [invite, { loading }] = useMutation(InviteToCommunityDocument);
  const [by, setBy] = useState<'person' | 'email'>('person');
  const [sent, setSent] = useState<string | null>(null);
  // In pilot, people come in through the cohort; invitations are for those who run it.
  const pilot = community.lifecycle === 'PILOT';
  const form = useForm<{ accountId: Person | null; email: string; role: CommunityRole }>(
    { accountId: null, email: '', role: pilot ? 'MODERATOR' : 'MEMBER' },
    {
      accountId: (v) => (by === 'person' && !v ? 'Choose a person.' : undefined),
      email: (v) => (by === 'email' ? rules.email(v) : undefined),
    },
  );
  return (
    <form
      noValidate
      onSubmit={form.submit(async ({ accountId: person, email, role }) => {
        setSent(null);
        await invite({
          variables: { input: { communityId: community.id, role, ...(by === 'person' ? { accountId: person?.id } : { email: email.trim() }) } },
          update: (cache) => forgetCommunityFields(cache, community.id, 'invitations'),
        });
        setSent(by === 'person' ? (person?.displayName ?? '') : email.trim());
        form.setValues((v) => ({ ...v, accountId: null, email: '' }));
      })}
    >
      <Stack gap="sm" component="section" aria-labelledby="invite-heading">
        <Title order={3} id="invite-heading">
          Invite someone
        </Title>
        <Stack gap={4}>
          <Text id="invite-by-label" size="sm" fw={500}>
            Invite by
          </Text>
          <SegmentedControl
            aria-labelledby="invite-by-label"
            w="fit-content"
            value={by}
            onChange={(v) => setBy(v as 'person' | 'email')}
            data={[
              { value: 'person', label: 'Person' },
              { value: 'email', label: 'E-mail address' },
            ]}
          />
        </Stack>
        {form.generalError && <ErrorAlert error={form.generalError} />}
        {sent && (
          <Alert color="teal" role="status">
            Invitation sent to {sent}.
          </Alert>
        )}
        <Group align="flex-start" wrap="wrap">
          {by === 'person' ? (
            <PersonPicker label="Person" value={form.values.accountId} onChange={(p) => form.set('accountId', p)} error={form.error('accountId')} />
          ) : (
            <TextInput label="E-mail address" type="email" description="They may not have an account yet." {...form.field('email')} />
          )}
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={form.values.role}
            onChange={(v) => v && form.set('role', v as CommunityRole)}
            allowDeselect={false}
            error={form.error('role')}
            description={pilot ? 'During the pilot, add members to the cohort instead.' : undefined}
          />
        </Group>
        <Button type="submit" loading={loading} w="fit-content">
          Send invitation
        </Button>
      </Stack>
    </form>
  );
}

function Bans({ community }: { community: Community }) {
  const [unban, unbanning] = useMutation(UnbanFromCommunityDocument);
  const action = useAction();
  const bans = community.bans ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="bans-heading">
      <Title order={3} id="bans-heading">
        Bans
      </Title>
      {action.error && <ErrorAlert error={action.error} />}
      {bans.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nobody is banned.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Bans">
          {bans.map((ban) => {
            const who = ban.account?.displayName ?? 'A former account';
            return (
              <Group component="li" key={ban.id} gap="sm" align="flex-start">
                <Stack gap={0} style={{ flex: 1 }}>
                  <Text size="sm" fw={500}>
                    {who}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {ban.endsAt ? `Until ${calendarDate(ban.endsAt.slice(0, 10))}` : 'Permanent'} — {ban.reason}
                  </Text>
                </Stack>
                {ban.account && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={unbanning.loading}
                    aria-label={`Lift the ban of ${who}`}
                    onClick={() =>
                      void action.run(() =>
                        unban({
                          variables: { input: { communityId: community.id, accountId: ban.account?.id ?? '' } },
                          update: (cache) => forgetCommunityFields(cache, community.id, 'bans'),
                        }),
                      )
                    }
                  >
                    Lift
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

/** Managers' page: requests, invitations, pilot cohorts, members and their roles, bans. */
export function ManageMembersPage() {
  const { slug = '' } = useParams();
  const viewer = useCommunityViewer();
  const { data, previousData, loading, error, refetch } = useQuery(CommunityManagementDocument, { variables: { slug } });
  const shown = data ?? (loading && previousData?.community.slug === slug ? previousData : undefined);
  const apiError = toApiError(error);
  useCurrentSlug(slug, data?.community.slug, '/manage');
  if (isNotFound(apiError)) return <CommunityNotFound />;
  const community = shown?.community;
  return (
    <QueryState loading={loading && !shown} error={apiError} onRetry={() => void refetch()}>
      {community && (
        <Stack gap="lg" maw={880}>
          <Stack gap="xs">
            <Anchor component={Link} to={`/communities/${community.slug}`} size="sm" underline="always" w="fit-content">
              Back to {community.name}
            </Anchor>
            <Title order={2}>Manage members</Title>
            <Text c="dimmed">{community.name}</Text>
          </Stack>
          {!community.viewerCan.manage ? (
            <Text>Only the community’s managers can manage its members.</Text>
          ) : (
            <>
              <JoinRequests communityId={community.id} />
              <Paper withBorder p="lg" radius="md">
                <InviteForm community={community} />
              </Paper>
              <Invitations community={community} />
              <PilotCohorts communityId={community.id} slug={community.slug} />
              <ManageMembersList communityId={community.id} viewerId={viewer.id} />
              <Bans community={community} />
            </>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
