import { useQuery } from '@apollo/client/react';
import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  AcknowledgeGuidelineDocument,
  GuidelineDocument,
  GuidelineVersionsDocument,
  isNotFound,
  PendingGuidelinesDocument,
  toApiError,
  useAction,
  type GuidelineVersionFieldsFragment,
} from '@commons/web-data-access';
import { ErrorAlert, LoadMoreButton, NotFound, QueryState, SanitizedHtml, date, dateTime } from '@commons/web-ui';
import { guidelinePath } from '../guideline-paths';

function VersionKind({ material }: { material: boolean }) {
  return material ? (
    <Badge color="#b3400c" variant="outline">
      Material
    </Badge>
  ) : (
    <Badge color="#495057" variant="outline">
      Editorial
    </Badge>
  );
}

function HistoryEntry({ version }: { version: GuidelineVersionFieldsFragment }) {
  const [open, setOpen] = useState(false);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>Version {version.number}</Text>
            <VersionKind material={version.material} />
          </Group>
          <Text size="sm" c="dimmed">
            {version.publishedAt ? `Published ${date(version.publishedAt)}` : 'Draft'}
            {version.publishedByName ? ` by ${version.publishedByName}` : ''}
          </Text>
          {version.changeNote && <Text size="sm">{version.changeNote}</Text>}
        </Stack>
        <Button size="compact-xs" variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide text' : 'Show text'}
        </Button>
      </Group>
      {open && (
        <Paper mt="sm" p="sm" bg="var(--mantine-color-gray-light)">
          <SanitizedHtml html={version.bodyHtml} />
        </Paper>
      )}
    </Paper>
  );
}

function VersionHistory({ guidelineId }: { guidelineId: string }) {
  const { data, loading, error, fetchMore, refetch } = useQuery(GuidelineVersionsDocument, { variables: { guidelineId }, fetchPolicy: 'cache-and-network' });
  const edges = data?.guidelineVersions.edges ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="guideline-history">
      <Title order={2} size="h4" id="guideline-history">
        Version history
      </Title>
      <QueryState loading={loading && !data} error={toApiError(error)} empty={edges.length === 0} emptyText="Nothing published yet." onRetry={() => void refetch()}>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {edges.map(({ node }) => (
            <HistoryEntry key={node.id} version={node} />
          ))}
        </Stack>
        <LoadMoreButton pageInfo={data?.guidelineVersions.pageInfo} fetchMore={(after) =>
            fetchMore({
              variables: { after },
              updateQuery: (previous, { fetchMoreResult }) => ({ guidelineVersions: { ...fetchMoreResult.guidelineVersions, edges: [...(previous.guidelineVersions?.edges ?? []), ...fetchMoreResult.guidelineVersions.edges] } }),
            })
          } />
      </QueryState>
    </Stack>
  );
}

/** One guideline at /knowledge/guidelines/:key: its current version, the acknowledgement, and its history. */
export function GuidelinePage() {
  const { key = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(GuidelineDocument, { variables: { key }, fetchPolicy: 'cache-and-network' });
  const [acknowledgeGuideline] = useMutation(AcknowledgeGuidelineDocument, { refetchQueries: [PendingGuidelinesDocument] });
  // A newer version published meanwhile: show it, so the person reads what they acknowledge.
  const acknowledging = useAction((refused) => (refused.code === 'CONFLICT' ? void refetch() : undefined));
  const apiError = toApiError(error);
  if (isNotFound(apiError)) return <NotFound what="This guideline" back={{ to: '/knowledge/guidelines', label: 'All guidelines' }} />;
  const guideline = data?.guideline;
  const current = guideline?.currentVersion;

  return (
    <Stack gap="md" maw={820}>
      <QueryState loading={loading && !guideline} error={apiError} onRetry={() => void refetch()}>
        {guideline && (
          <>
            <Group justify="space-between" align="flex-end">
              <Stack gap={0}>
                <Anchor component={Link} to="/knowledge/guidelines" size="sm">
                  All guidelines
                </Anchor>
                <Title order={1} size="h2">
                  {guideline.title}
                </Title>
                {current && (
                  <Text c="dimmed" size="sm">
                    Version {current.number}
                    {current.publishedAt ? `, published ${date(current.publishedAt)}` : ''}
                  </Text>
                )}
              </Stack>
              <Group gap="xs">
                {guideline.viewerCanManage && (
                  <Button component={Link} to={`${guidelinePath(guideline.key)}/edit`} variant="default" size="sm">
                    Edit next version
                  </Button>
                )}
                {guideline.viewerCanSeeCompliance && (
                  <Button component={Link} to={`${guidelinePath(guideline.key)}/compliance`} variant="default" size="sm">
                    Compliance
                  </Button>
                )}
              </Group>
            </Group>

            {current ? (
              <Paper withBorder p="md" radius="md">
                <SanitizedHtml html={current.bodyHtml} />
              </Paper>
            ) : (
              <Text c="dimmed">No version has been published yet.</Text>
            )}

            {current && (
              <Paper withBorder p="md" radius="md" data-testid="guideline-acknowledgement">
                {guideline.viewerMustAcknowledge ? (
                  <Stack gap="xs">
                    <Text size="sm">
                      {guideline.viewerAcknowledgedVersionNumber
                        ? `This guideline changed since you acknowledged version ${guideline.viewerAcknowledgedVersionNumber}. Please read it again.`
                        : 'Please read this guideline and acknowledge it.'}
                    </Text>
                    {acknowledging.error && <ErrorAlert error={acknowledging.error} />}
                    <Group>
                      <Button
                        loading={acknowledging.busy}
                        onClick={() => void acknowledging.run(() => acknowledgeGuideline({ variables: { input: { guidelineId: guideline.id, versionId: current.id } } }))}
                      >
                        I have read and acknowledge
                      </Button>
                    </Group>
                  </Stack>
                ) : guideline.viewerAcknowledgedAt ? (
                  <Text size="sm" fw={500} data-testid="guideline-acknowledged">
                    You acknowledged version {guideline.viewerAcknowledgedVersionNumber} on {dateTime(guideline.viewerAcknowledgedAt)}.
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    You are not asked to acknowledge this guideline.
                  </Text>
                )}
              </Paper>
            )}

            <VersionHistory guidelineId={guideline.id} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
