import { useState } from 'react';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { Box, Button, Group, Paper, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { KnowledgeArticleDiffDocument, KnowledgeArticleVersionsDocument, toApiError } from '@commons/web-data-access';
import { dateTime, ErrorAlert, LoadMoreButton, QueryState } from '@commons/web-ui';
import { diffSign } from '../article-paths';

const COLORS = { ADDED: 'var(--mantine-color-green-light)', REMOVED: 'var(--mantine-color-red-light)', UNCHANGED: undefined } as const;
const WORDS = { ADDED: 'Added', REMOVED: 'Removed', UNCHANGED: 'Unchanged' } as const;

function DiffLines({ lines, label }: { lines: ReadonlyArray<{ op: 'ADDED' | 'REMOVED' | 'UNCHANGED'; text: string }>; label: string }) {
  return (
    <Box component="ol" aria-label={label} p={0} m={0} style={{ listStyle: 'none', fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' }}>
      {lines.map((line, i) => (
        <Box component="li" key={i} px="xs" style={{ background: COLORS[line.op], whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <span aria-hidden>{diffSign(line.op)} </span>
          <VisuallyHidden>{WORDS[line.op]}: </VisuallyHidden>
          {line.text || '\u00a0'}
        </Box>
      ))}
    </Box>
  );
}

/** Published versions with their change notes, and a line diff between any two of them. */
export function VersionHistory({ articleId, current }: { articleId: string; current: number }) {
  const { data, loading, error, fetchMore, refetch } = useQuery(KnowledgeArticleVersionsDocument, { variables: { id: articleId }, fetchPolicy: 'cache-and-network' });
  const versions = data?.knowledgeArticle.versions.edges.map((e) => e.node) ?? [];
  const [from, setFrom] = useState<string | null>(current > 1 ? String(current - 1) : null);
  const [to, setTo] = useState<string | null>(current > 0 ? String(current) : null);
  const [loadDiff, diff] = useLazyQuery(KnowledgeArticleDiffDocument);
  const options = versions.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));
  const result = diff.data?.knowledgeArticle.diff;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Version history
      </Title>
      <QueryState loading={loading && !data} error={toApiError(error)} empty={versions.length === 0} emptyText="Not published yet." onRetry={() => void refetch()}>
        <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Versions">
          {versions.map((v) => (
            <Text component="li" key={v.id} size="sm">
              <strong>Version {v.number}</strong> · {dateTime(v.createdAt)} · {v.author?.displayName ?? 'Someone'}
              {v.changeNote ? ` — ${v.changeNote}` : ''}
            </Text>
          ))}
        </Stack>
        <LoadMoreButton pageInfo={data?.knowledgeArticle.versions.pageInfo} fetchMore={(after) => fetchMore({ variables: { after } })} label="Older versions" />
        {versions.length > 1 && (
          <Paper withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Group gap="xs" align="flex-end">
                <Select label="Compare" data={options} value={from} onChange={setFrom} allowDeselect={false} w={160} />
                <Select label="with" data={options} value={to} onChange={setTo} allowDeselect={false} w={160} />
                <Button variant="default" disabled={!from || !to || from === to} loading={diff.loading} onClick={() => void loadDiff({ variables: { id: articleId, from: Number(from), to: Number(to) } })}>
                  Show changes
                </Button>
              </Group>
              {diff.error && <ErrorAlert error={toApiError(diff.error) ?? { code: 'INTERNAL_SERVER_ERROR', message: 'Could not load the changes.' }} />}
              {result && (
                <Stack gap="xs" aria-live="polite">
                  <Text size="sm" fw={600}>
                    Changes from version {result.from} to version {result.to}
                  </Text>
                  {result.title.some((l) => l.op !== 'UNCHANGED') && <DiffLines lines={result.title} label="Title changes" />}
                  <DiffLines lines={result.lines} label="Text changes, line by line" />
                </Stack>
              )}
            </Stack>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
