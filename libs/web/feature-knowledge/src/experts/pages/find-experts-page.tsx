import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { FindExpertsDocument, toApiError, type FindExpertsQuery } from '@commons/web-data-access';
import { LoadMoreButton, PersonAvatar, QueryState, date } from '@commons/web-ui';
import { evidenceSummary, expertsPath, matchesTopic, threadPath } from '../expert-model';

type Expert = FindExpertsQuery['findExperts']['edges'][number]['node'];

function ExpertCard({ expert, topic }: { expert: Expert; topic: string }) {
  const { account } = expert;
  const summary = evidenceSummary(expert);
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <PersonAvatar id={account.id} initials={account.initials} name={account.displayName} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Anchor component={Link} to={`/people/${account.id}`} fw={600}>
                {account.displayName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {[account.title, account.department].filter(Boolean).join(' · ') || '—'}
              </Text>
            </Stack>
            <Badge variant="light" aria-label={`Score ${expert.score}`}>
              {expert.score}
            </Badge>
          </Group>
          {summary && <Text size="sm">{summary}</Text>}
          {expert.declaredTags.length > 0 && (
            <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Declared expertise">
              {expert.declaredTags.map((tag) => (
                <li key={tag}>
                  <Badge
                    component={Link}
                    to={expertsPath(tag)}
                    variant={matchesTopic(tag, topic) ? 'filled' : 'outline'}
                    color={matchesTopic(tag, topic) ? 'blue' : 'gray'}
                    style={{ cursor: 'pointer', textTransform: 'none' }}
                  >
                    #{tag}
                  </Badge>
                </li>
              ))}
            </Group>
          )}
          {expert.note && (
            <Text size="sm" c="dimmed" fs="italic">
              “{expert.note}”
            </Text>
          )}
          {expert.answers.length > 0 && (
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                Accepted answers
              </Text>
              <Stack component="ul" gap={2} pl="md" m={0}>
                {expert.answers.map((answer) => (
                  <li key={answer.replyId}>
                    <Anchor component={Link} to={threadPath(answer.communitySlug, answer.threadId)} size="sm">
                      {answer.threadTitle}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      <time dateTime={answer.answeredAt}>{date(answer.answeredAt)}</time>
                    </Text>
                  </li>
                ))}
              </Stack>
            </Stack>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/**
 * Find an expert at /knowledge/experts?topic=…: people ranked by declared expertise plus
 * evidence (accepted answers and helpful reactions in threads with the topic's tags).
 */
export function FindExpertsPage() {
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic')?.trim() ?? '';
  const [draft, setDraft] = useState(topic);
  const [shownTopic, setShownTopic] = useState(topic);
  if (topic !== shownTopic) {
    // Following a tag link changes the topic without the form: keep the field in step.
    setShownTopic(topic);
    setDraft(topic);
  }
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(FindExpertsDocument, {
    variables: { topic },
    skip: topic === '',
    notifyOnNetworkStatusChange: true,
  });
  const result = (data ?? previousData)?.findExperts;
  const edges = result?.edges ?? [];
  return (
    <Stack gap="md" maw={820}>
      <Stack gap={0}>
        <Title order={1} size="h2">
          Find an expert
        </Title>
        <Text c="dimmed" size="sm">
          People who say they know a topic, and people whose answers in the forums show it. Only content you may read counts.
        </Text>
      </Stack>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const next = draft.trim();
          setParams(next ? { topic: next } : {});
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Topic"
            description="A tag like #security, or a few words."
            placeholder="e.g. api keys"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            maxLength={100}
            style={{ flex: 1 }}
          />
          <Button type="submit">Find</Button>
        </Group>
      </form>
      <Anchor component={Link} to="/knowledge/champions" size="sm" w="fit-content">
        Or ask a programme champion
      </Anchor>
      {topic !== '' && (
        <QueryState
          loading={loading && !result}
          error={toApiError(error)}
          empty={edges.length === 0}
          emptyText="Nobody found for this topic yet. Try a broader word, or ask a champion."
          onRetry={() => void refetch()}
        >
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={`Experts on ${topic}`}>
            {edges.map(({ node }) => (
              <ExpertCard key={node.account.id} expert={node} topic={topic} />
            ))}
          </Stack>
          <LoadMoreButton
            pageInfo={result?.pageInfo}
            fetchMore={(after) =>
              fetchMore({
                variables: { after },
                updateQuery: (previous, { fetchMoreResult }) => ({
                  findExperts: { ...fetchMoreResult.findExperts, edges: [...previous.findExperts.edges, ...fetchMoreResult.findExperts.edges] },
                }),
              })
            }
          />
        </QueryState>
      )}
    </Stack>
  );
}
