import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AdoptModerationPolicyDocument, CommunityModerationDocument, PlatformModerationPoliciesDocument, toApiError, useAction, type ModerationPolicyFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, QueryState, count } from '@commons/web-ui';
import { TONE } from '../labels';
import { useModerationScope } from '../moderation-scope';
import { DryRunPanel } from '../policy/dry-run';
import { PolicyEditor } from '../policy/policy-editor';
import { RuleList } from '../policy/rule-form';
import { TestTextPanel } from '../policy/test-text';
import { VersionHistory } from '../policy/version-history';

const SCOPE_NAME = { PLATFORM: 'Platform policy', AUDIENCE_DEFAULT: 'Audience default', COMMUNITY: 'Community policy' } as const;

/** A policy at a glance: its name and kind, which version is in force, and what flags do. */
function PolicySummary({ policy, adopted }: { policy: ModerationPolicyFieldsFragment; adopted?: boolean }) {
  const active = policy.versions.find((v) => v.active);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={700}>{policy.name}</Text>
          <Badge variant="outline" color="gray.8" tt="none">
            {SCOPE_NAME[policy.scope]}
          </Badge>
          {adopted === false && (
            <Badge variant="outline" color="#b3400c" tt="none">
              Not adopted
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {policy.activeVersion ? `Version ${policy.activeVersion} is in force` : 'No version is in force'}
          {policy.latestVersion !== policy.activeVersion ? `; the latest is version ${policy.latestVersion}` : ''}.
          {active ? ` ${count(active.rules.length, 'rule')}.` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {active?.flagsToAutoHide ? `${count(active.flagsToAutoHide, 'flag')} from different members hide a post until it is reviewed.` : 'Flags never hide a post by themselves.'}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Editing a policy: the form, then its history; remounted from each newly saved version. */
function PolicyWorkbench({ policy, platform, canManage, onSaved }: { policy: ModerationPolicyFieldsFragment; platform: boolean; canManage: boolean; onSaved: () => Promise<unknown> }) {
  const [saved, setSaved] = useState<number | null>(null);
  const active = policy.versions.find((v) => v.active) ?? policy.versions[0];
  return (
    <Stack gap="lg">
      {saved !== null && (
        <Alert color={TONE.good} variant="light" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setSaved(null)}>
          Version {saved} saved{policy.activeVersion === saved ? ' and active' : ': dry-run it below, then activate it from the history'}.
        </Alert>
      )}
      {canManage ? (
        <PolicyEditor
          key={policy.latestVersion}
          policy={policy}
          platform={platform}
          onSaved={async (version) => {
            await onSaved();
            setSaved(version);
          }}
        />
      ) : (
        <Stack gap="xs">
          <Title order={4}>Rules in force</Title>
          <RuleList rules={active?.rules ?? []} label="Rules in force" />
        </Stack>
      )}
      <Divider />
      <VersionHistory policy={policy} canManage={canManage} />
    </Stack>
  );
}

/**
 * A community's policy at /communities/:slug/moderation/policy: what governs it, the platform
 * rules it cannot loosen, the editor and history (once adopted), a text tester and dry runs.
 */
export function PolicyScreen() {
  const scope = useModerationScope();
  const communityId = scope.communityId as string;
  const { data, loading, error, refetch } = useQuery(CommunityModerationDocument, { variables: { communityId } });
  const [adopt] = useMutation(AdoptModerationPolicyDocument);
  const adoption = useAction();
  const moderation = data?.communityModeration;
  return (
    <QueryState loading={loading && !data} error={toApiError(error)} onRetry={() => void refetch()}>
      {moderation && (
        <Stack gap="xl">
          <Stack gap="sm" component="section" aria-labelledby="governing-heading">
            <Title order={3} id="governing-heading">
              The policy that governs {moderation.communityName}
            </Title>
            <PolicySummary policy={moderation.policy} adopted={moderation.adopted} />
            {!moderation.adopted && (
              <Stack gap="xs">
                <Text size="sm">This community follows the default policy of its audience. Adopt a policy of its own to change the rules here; it starts as a copy of the default.</Text>
                {moderation.viewerCan.managePolicy ? (
                  <Button
                    w="fit-content"
                    loading={adoption.busy}
                    onClick={() => void adoption.run(async () => {
                      await adopt({ variables: { communityId } });
                      await refetch();
                    })}
                  >
                    Adopt a policy for this community
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    The community’s managers can adopt one.
                  </Text>
                )}
                {adoption.error && <ErrorAlert error={adoption.error} />}
              </Stack>
            )}
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="platform-rules-heading">
            <Title order={3} id="platform-rules-heading">
              Platform rules
            </Title>
            <Text size="sm" c="dimmed">
              They apply in every community, before the community’s own; a community may only tighten them.
            </Text>
            <RuleList rules={moderation.platformRules} label="Platform rules" empty="The platform has no mandatory rules." />
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="community-rules-heading">
            <Title order={3} id="community-rules-heading">
              {moderation.adopted ? 'Community rules' : 'Default rules'}
            </Title>
            {moderation.adopted ? (
              <PolicyWorkbench policy={moderation.policy} platform={false} canManage={moderation.viewerCan.managePolicy} onSaved={() => refetch()} />
            ) : (
              <RuleList rules={moderation.policy.versions.find((v) => v.active)?.rules ?? []} label="Default rules" />
            )}
          </Stack>

          <Divider />
          <TestTextPanel communityId={communityId} policy={moderation.policy} />
          {moderation.adopted && moderation.viewerCan.managePolicy && (
            <>
              <Divider />
              <DryRunPanel policy={moderation.policy} communityId={communityId} />
            </>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/** The platform's policies (mandatory rules, audience defaults) at /moderation/policies, for admins. */
export function PlatformPoliciesScreen() {
  const { data, loading, error, refetch } = useQuery(PlatformModerationPoliciesDocument);
  const policies = data?.platformModerationPolicies ?? [];
  return (
    <QueryState loading={loading && !data} error={toApiError(error)} empty={policies.length === 0} emptyText="No platform policies yet." onRetry={() => void refetch()}>
      <Stack gap="xl">
        {policies.map((policy) => (
          <Stack key={policy.id} gap="sm" component="section" aria-labelledby={`policy-${policy.id}`}>
            <Title order={3} id={`policy-${policy.id}`}>
              {policy.name}
            </Title>
            <Text size="sm" c="dimmed">
              {policy.scope === 'PLATFORM'
                ? 'Rules marked mandatory apply in every community, which may only tighten them.'
                : `What ${policy.audience ? policy.audience.toLowerCase() : 'such'} communities follow until they adopt a policy of their own.`}
            </Text>
            <PolicySummary policy={policy} />
            <PolicyWorkbench policy={policy} platform={policy.scope === 'PLATFORM'} canManage onSaved={() => refetch()} />
          </Stack>
        ))}
      </Stack>
    </QueryState>
  );
}
