import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { POST_BODY_MAX_LENGTH } from '@commons/shared-contracts';
import { TestModerationTextDocument, fieldError, toApiError, type ApiError, type ContentKind, type ModerationDecisionFieldsFragment, type ModerationPolicyFieldsFragment } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { MatchedRules } from '../components/matched-rules';
import { CONTENT_KIND, TONE } from '../labels';

const KINDS = (Object.keys(CONTENT_KIND) as ContentKind[]).map((kind) => ({ value: kind, label: CONTENT_KIND[kind] }));

const OUTCOME: Record<ModerationDecisionFieldsFragment['action'], { title: string; color: string }> = {
  // Dark shades: the alert's title takes the colour and keeps AA contrast.
  ALLOW: { title: 'Would be posted', color: TONE.good },
  HOLD: { title: 'Would be held for review', color: TONE.attention },
  REJECT: { title: 'Would be rejected', color: TONE.bad },
};

/** How the policy judges a text; nothing is stored. */
export function TestTextPanel({ communityId, policy }: { communityId: string; policy: ModerationPolicyFieldsFragment }) {
  const client = useApolloClient();
  const [body, setBody] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ContentKind>('FORUM_REPLY');
  const [asNewMember, setAsNewMember] = useState(false);
  const [version, setVersion] = useState<string>('ACTIVE');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [decision, setDecision] = useState<{ result: ModerationDecisionFieldsFragment; text: { title: string | null; body: string } } | null>(null);
  const versions = [{ value: 'ACTIVE', label: 'The version in force' }, ...[...policy.versions].sort((a, b) => b.version - a.version).map((v) => ({ value: String(v.version), label: `Version ${v.version}${v.active ? ' (active)' : ''}` }))];
  const titled = kind === 'FORUM_THREAD' || kind === 'BLOG_POST';
  return (
    <Stack gap="sm" component="section" aria-labelledby="test-heading">
      <Title order={4} id="test-heading">
        Test this text
      </Title>
      <form
        noValidate
        aria-label="Test this text"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!body.trim()) return setProblem('Write the text to test.');
          if (body.length > POST_BODY_MAX_LENGTH) return setProblem(`Up to ${POST_BODY_MAX_LENGTH.toLocaleString('en')} characters.`);
          setProblem(undefined);
          setError(null);
          setBusy(true);
          const text = { title: titled && title.trim() ? title.trim() : null, body };
          try {
            const { data } = await client.query({
              query: TestModerationTextDocument,
              variables: {
                input: {
                  communityId,
                  kind,
                  title: text.title,
                  body,
                  asNewMember,
                  ...(version === 'ACTIVE' ? {} : { policyId: policy.id, version: Number(version) }),
                },
              },
              fetchPolicy: 'no-cache',
            });
            if (data) setDecision({ result: data.testModerationText, text });
          } catch (caught) {
            setDecision(null);
            setError(toApiError(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Stack gap="sm">
          <Group gap="sm" align="flex-end">
            <Select label="Posted as" data={KINDS} value={kind} onChange={(v) => v && setKind(v as ContentKind)} allowDeselect={false} w={200} />
            <Select label="Judged by" data={versions} value={version} onChange={(v) => v && setVersion(v)} allowDeselect={false} w={240} />
          </Group>
          {titled && <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={500} />}
          <Textarea label="Text to test" autosize minRows={3} maxRows={12} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={problem ?? fieldError(error, 'body')} />
          <Checkbox label="As a new member’s first post" checked={asNewMember} onChange={(e) => setAsNewMember(e.currentTarget.checked)} />
          <Button type="submit" loading={busy} w="fit-content">
            Test
          </Button>
        </Stack>
      </form>
      {error && !fieldError(error, 'body') && <ErrorAlert error={error} />}
      <div aria-live="polite">
        {decision && (
          <Alert color={OUTCOME[decision.result.action].color} variant="light" title={OUTCOME[decision.result.action].title} data-testid="test-decision">
            <Stack gap="sm">
              {decision.result.reason && <Text size="sm">The author would read: “{decision.result.reason}”</Text>}
              <Text size="xs" c="dimmed">
                Judged by version {decision.result.policyVersion}.
              </Text>
              <MatchedRules matched={decision.result.matched} source={decision.text} />
            </Stack>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
