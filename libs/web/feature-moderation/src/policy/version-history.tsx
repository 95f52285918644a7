import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { ActivateModerationPolicyVersionDocument, useAction, type ModerationPolicyFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert, count, dateTime } from '@commons/web-ui';
import { RULE_ACTION, RULE_KIND } from '../labels';
import { diffRules } from './rule-model';

type Version = ModerationPolicyFieldsFragment['versions'][number];

/** What changed between two versions, rule by rule: added, removed, changed (property by property). */
export function VersionDiffView({ from, to }: { from: Version; to: Version }) {
  const diff = diffRules(from.rules, to.rules);
  const flagsChanged = from.flagsToAutoHide !== to.flagsToAutoHide;
  const nothing = !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.reordered && !flagsChanged;
  return (
    <Stack gap="sm" aria-label={`Changes from version ${from.version} to version ${to.version}`} role="region">
      {nothing && (
        <Text size="sm" c="dimmed">
          The two versions have the same rules.
        </Text>
      )}
      {diff.added.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600} c="teal.9">
            Added ({diff.added.length})
          </Text>
          {diff.added.map((rule) => (
            <Text key={rule.id} size="sm">
              + {rule.id}: {RULE_KIND[rule.kind].label}, {RULE_ACTION[rule.action].label.toLowerCase()} — “{rule.reason}”
            </Text>
          ))}
        </Stack>
      )}
      {diff.removed.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600} c="red.9">
            Removed ({diff.removed.length})
          </Text>
          {diff.removed.map((rule) => (
            <Text key={rule.id} size="sm">
              − {rule.id}: {RULE_KIND[rule.kind].label}, {RULE_ACTION[rule.action].label.toLowerCase()}
            </Text>
          ))}
        </Stack>
      )}
      {diff.changed.map(({ id, changes }) => (
        <Stack gap={4} key={id}>
          <Text size="sm" fw={600}>
            Changed: {id}
          </Text>
          <Table withTableBorder fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Setting</Table.Th>
                <Table.Th scope="col">Version {from.version}</Table.Th>
                <Table.Th scope="col">Version {to.version}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.map((change) => (
                <Table.Tr key={change.property}>
                  <Table.Th scope="row" fw={500}>
                    {change.property}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{change.before}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{change.after}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      {diff.reordered && <Text size="sm">The order of the rules changed.</Text>}
      {flagsChanged && (
        <Text size="sm">
          Flags that hide a post: {from.flagsToAutoHide ?? 'never'} → {to.flagsToAutoHide ?? 'never'}.
        </Text>
      )}
    </Stack>
  );
}

/**
 * Every version of a policy, newest first, with the active one marked and "Activate" on the
 * others (for those who manage the policy); any two compared.
 */
export function VersionHistory({ policy, canManage }: { policy: ModerationPolicyFieldsFragment; canManage: boolean }) {
  const [activate] = useMutation(ActivateModerationPolicyVersionDocument);
  const action = useAction();
  const [activating, setActivating] = useState<number | null>(null);
  const versions = [...policy.versions].sort((a, b) => b.version - a.version);
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}${v.active ? ' (active)' : ''}` }));
  const [fromVersion, setFromVersion] = useState<string | null>(versions[1] ? String(versions[1].version) : null);
  const [toVersion, setToVersion] = useState<string | null>(versions[0] ? String(versions[0].version) : null);
  const from = versions.find((v) => String(v.version) === fromVersion);
  const to = versions.find((v) => String(v.version) === toVersion);
  return (
    <Stack gap="sm" component="section" aria-labelledby={`history-${policy.id}`}>
      <Title order={4} id={`history-${policy.id}`}>
        Version history
      </Title>
      {action.error && <ErrorAlert error={action.error} />}
      <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Versions">
        {versions.map((version) => (
          <Paper component="li" key={version.version} withBorder p="sm" radius="md" data-testid="policy-version">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    Version {version.version}
                  </Text>
                  {version.active && (
                    <Badge color="teal.9" variant="filled" tt="none">
                      Active
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {count(version.rules.length, 'rule')}
                  </Text>
                </Group>
                <Text size="sm">{version.note || <Text span c="dimmed" size="sm">No note.</Text>}</Text>
                <Text size="xs" c="dimmed">
                  {version.createdBy ? `${version.createdBy.displayName}, ` : ''}
                  <time dateTime={version.createdAt}>{dateTime(version.createdAt)}</time>
                </Text>
              </Stack>
              {canManage && !version.active && (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={action.busy && activating === version.version}
                  disabled={action.busy}
                  aria-label={`Activate version ${version.version}`}
                  onClick={() => {
                    setActivating(version.version);
                    void action.run(() => activate({ variables: { policyId: policy.id, version: version.version } }));
                  }}
                >
                  Activate
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {versions.length > 1 && (
        <Paper withBorder p="sm" radius="md">
          <Stack gap="sm">
            <Group gap="sm" align="flex-end">
              <Select label="Compare version" data={options} value={fromVersion} onChange={setFromVersion} allowDeselect={false} w={200} />
              <Select label="with version" data={options} value={toVersion} onChange={setToVersion} allowDeselect={false} w={200} />
            </Group>
            {from && to && <VersionDiffView from={from} to={to} />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
