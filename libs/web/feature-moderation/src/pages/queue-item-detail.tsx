import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ModerationQueueItemDocument, isNotFound, toApiError, type ApiError, type ModerationQueueItemQuery } from '@commons/web-data-access';
import { ErrorAlert, FormActions, MarkdownEditor, QueryState, SanitizedHtml, count, dateTime } from '@commons/web-ui';
import { MatchedRules } from '../components/matched-rules';
import { CONTENT_KIND, FLAG_REASON, QUEUE_SOURCE, SANCTION_KIND, TONE } from '../labels';
import { ImposeSanctionForm } from './impose-sanction-form';

type Item = ModerationQueueItemQuery['moderationQueueItem'];

/** Where the item is on the platform: its thread (at the reply), or its community's blog. */
export function contentHref(item: Pick<Item, 'contentKind' | 'contentId' | 'parentId' | 'communitySlug'>): string {
  const community = `/communities/${item.communitySlug}`;
  switch (item.contentKind) {
    case 'FORUM_THREAD':
      return `${community}/forum/threads/${item.contentId}`;
    case 'FORUM_REPLY':
      return item.parentId ? `${community}/forum/threads/${item.parentId}#reply-${item.contentId}` : `${community}/forum`;
    case 'KNOWLEDGE_FEEDBACK':
      return `/knowledge/articles/${item.parentId ?? ''}`;
    default:
      return `${community}/blog`;
  }
}

/** Whether an item's title is its own (a thread, a post) rather than its parent's (a reply's thread, a comment's post). */
export const ownTitle = (kind: Item['contentKind']): boolean => kind === 'FORUM_THREAD' || kind === 'BLOG_POST';

/** "Reply by Alan Ritchie in “Title”", "Thread “Title” by Ada Lovelace": an item in a few words. */
export function itemName(item: Pick<Item, 'contentKind' | 'title' | 'author'>): string {
  const kind = CONTENT_KIND[item.contentKind];
  if (!item.title) return `${kind} by ${item.author.displayName}`;
  return ownTitle(item.contentKind) ? `${kind} “${item.title}” by ${item.author.displayName}` : `${kind} by ${item.author.displayName} in “${item.title}”`;
}

function AuthorHistory({ item }: { item: Item }) {
  const history = item.authorHistory;
  if (!history) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="author-history-heading">
      <Title order={4} id="author-history-heading">
        {item.author.displayName}’s history
      </Title>
      <SimpleGrid cols={3} spacing="xs">
        {[
          ['Held', history.held],
          ['Rejected by the policy', history.rejected],
          ['Rejected on review', history.rejectedOnReview],
        ].map(([label, n]) => (
          <Paper key={label} withBorder p="xs" radius="md">
            <Text size="lg" fw={700}>
              {n}
            </Text>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {history.sanctions.length > 0 ? (
        <List size="sm" spacing={4} aria-label="Sanctions">
          {history.sanctions.map((sanction) => (
            <List.Item key={sanction.id}>
              {SANCTION_KIND[sanction.kind]} on {dateTime(sanction.createdAt)} by {sanction.createdBy.displayName}: {sanction.reason}
              {sanction.active ? (sanction.endsAt ? ` (until ${dateTime(sanction.endsAt)})` : '') : ' (ended)'}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          No sanctions.
        </Text>
      )}
    </Stack>
  );
}

function EditAndApprove({ item, busy, onApprove, onCancel }: { item: Item; busy: boolean; onApprove: (body: string) => void; onCancel: () => void }) {
  const [body, setBody] = useState(item.body);
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <form
      noValidate
      aria-label="Edit and approve"
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.trim()) return setProblem('The text cannot be empty: reject the item instead.');
        setProblem(undefined);
        onApprove(body);
      }}
    >
      <Stack gap="xs">
        <MarkdownEditor label="Text to approve" description="Your edit replaces the author’s text and is approved at once." value={body} onChange={setBody} error={problem} autoFocus minRows={5} submitHint="approves the edited text" previewLevel={4} />
        <FormActions submitLabel="Approve edited text" busy={busy} onCancel={onCancel} size="xs" />
      </Stack>
    </form>
  );
}

function ItemView({
  item,
  busy,
  error,
  canSanction,
  onApprove,
  onReject,
  onEscalate,
}: {
  item: Item;
  busy: boolean;
  error: ApiError | null;
  canSanction: boolean;
  onApprove: (editedBody?: string) => void;
  onReject: () => void;
  onEscalate: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [sanctioning, setSanctioning] = useState(false);
  const pending = item.status === 'PENDING';
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={3} id="item-heading">
          {itemName(item)}
        </Title>
        <Group gap={6}>
          <Badge variant="outline" color="gray.8" tt="none">
            {QUEUE_SOURCE[item.source]}
          </Badge>
          {item.escalated && (
            <Badge variant="filled" color="red.9" tt="none">
              Escalated
            </Badge>
          )}
          {item.contentDeleted && (
            <Badge variant="outline" color="gray.7" tt="none">
              Removed by its author
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          By {item.author.displayName} in {item.communityName} · <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time> ·{' '}
          <Anchor component={Link} to={contentHref(item)} inherit underline="always">
            See it in place
          </Anchor>
        </Text>
      </Stack>

      {error && <ErrorAlert error={error} />}
      {pending && !editing && (
        <Group gap="xs" role="group" aria-label="Decide">
          <Button color="teal.9" loading={busy} onClick={() => onApprove()}>
            Approve
          </Button>
          <Button color="red.9" variant="outline" disabled={busy} onClick={onReject}>
            Reject…
          </Button>
          <Button variant="default" disabled={busy} onClick={() => setEditing(true)}>
            Edit and approve
          </Button>
          {!item.escalated && (
            <Button variant="default" disabled={busy} onClick={onEscalate}>
              Escalate
            </Button>
          )}
        </Group>
      )}
      {!pending && (
        <Alert color={TONE.neutral} variant="light" title={item.status === 'APPROVED' ? 'Approved' : 'Rejected'}>
          <Text size="sm">
            {item.decidedBy ? `By ${item.decidedBy.displayName}` : 'Decided'}
            {item.decidedAt ? ` on ${dateTime(item.decidedAt)}` : ''}
            {item.decisionReason ? `: ${item.decisionReason}` : '.'}
          </Text>
        </Alert>
      )}

      {editing ? (
        <EditAndApprove
          item={item}
          busy={busy}
          onCancel={() => setEditing(false)}
          onApprove={(body) => {
            onApprove(body);
          }}
        />
      ) : (
        <Paper withBorder p="md" radius="md" component="section" aria-label="The post as written">
          {item.title && ownTitle(item.contentKind) && (
            <Text fw={700} mb="xs">
              {item.title}
            </Text>
          )}
          <SanitizedHtml html={item.bodyHtml} topLevel={4} />
        </Paper>
      )}

      {item.decision && (
        <Stack gap="xs" component="section" aria-labelledby="matched-heading">
          <Title order={4} id="matched-heading">
            Matched rules
          </Title>
          <Text size="sm" c="dimmed">
            Policy version {item.decision.policyVersion}
            {item.decision.reason ? ` · the author was told: “${item.decision.reason}”` : ''}
          </Text>
          <MatchedRules matched={item.decision.matched} source={{ title: ownTitle(item.contentKind) ? item.title : null, body: item.body }} />
        </Stack>
      )}

      {item.flags.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="flags-heading">
          <Title order={4} id="flags-heading">
            {count(item.flags.length, 'flag')}
          </Title>
          <List size="sm" spacing={4} aria-label="Flags">
            {item.flags.map((flag, i) => (
              <List.Item key={i}>
                {FLAG_REASON[flag.reason]} — {flag.flagger.displayName}, {dateTime(flag.createdAt)}
                {flag.detail ? `: “${flag.detail}”` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      <AuthorHistory item={item} />

      {canSanction &&
        (sanctioning ? (
          <ImposeSanctionForm account={item.author} communityId={item.communityId} onDone={() => setSanctioning(false)} />
        ) : (
          <Button variant="subtle" w="fit-content" size="compact-sm" onClick={() => setSanctioning(true)}>
            Warn or mute {item.author.displayName}…
          </Button>
        ))}
    </Stack>
  );
}

/** One queue item in full, with what a moderator can do about it. */
export function QueueItemDetail(props: {
  itemId: string;
  busy: boolean;
  error: ApiError | null;
  canSanction: boolean;
  onApprove: (editedBody?: string) => void;
  onReject: () => void;
  onEscalate: () => void;
}) {
  const { data, loading, error, refetch } = useQuery(ModerationQueueItemDocument, { variables: { id: props.itemId } });
  const apiError = toApiError(error);
  if (isNotFound(apiError)) {
    return (
      <Text c="dimmed" py="lg">
        This item is no longer in the queue.
      </Text>
    );
  }
  return (
    <QueryState loading={loading && !data} error={apiError} onRetry={() => void refetch()}>
      {data && <ItemView key={data.moderationQueueItem.id} item={data.moderationQueueItem} {...props} />}
    </QueryState>
  );
}
