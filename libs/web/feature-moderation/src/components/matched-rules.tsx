import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { ModerationRuleMatchFieldsFragment } from '@commons/web-data-access';
import { count } from '@commons/web-ui';
import { RULE_ACTION, RULE_KIND } from '../labels';
import { evidenceContext } from '../queue/queue-keys';

type Evidence = ModerationRuleMatchFieldsFragment['evidence'][number];

/** One piece of evidence: what matched, and where in the text when the text is at hand. */
function EvidenceLine({ evidence, source }: { evidence: Evidence; source?: { title: string | null; body: string } }) {
  const text = evidence.field === 'title' ? source?.title : evidence.field === 'body' ? source?.body : null;
  const at =
    text && evidence.start != null && evidence.end != null && (evidence.text == null || text.slice(evidence.start, evidence.end) === evidence.text)
      ? evidenceContext(text, evidence.start, evidence.end)
      : null;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {evidence.field ? `In the ${evidence.field}: ` : 'About the author: '}
        <Text span fw={600}>
          {evidence.value}
        </Text>
        {evidence.text && evidence.text !== evidence.value ? ` (written “${evidence.text}”)` : ''}
      </Text>
      {at && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {at.before}
          <mark>{at.match}</mark>
          {at.after}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The rules a text matched, in policy order: kind, action, the reason the author reads, the
 * note for moderators, and the evidence (in context when `source` gives the text).
 */
export function MatchedRules({ matched, source, label = 'Matched rules' }: { matched: readonly ModerationRuleMatchFieldsFragment[]; source?: { title: string | null; body: string }; label?: string }) {
  if (matched.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rule matched.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {matched.map((match) => (
        <Paper component="li" key={match.ruleId} withBorder p="sm" radius="md" data-testid="matched-rule">
          <Stack gap={6}>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {match.ruleId}
              </Text>
              <Badge variant="outline" color="gray.8" tt="none">
                {RULE_KIND[match.kind].label}
              </Badge>
              <Badge variant="outline" color={RULE_ACTION[match.action].color} tt="none">
                {RULE_ACTION[match.action].label}
              </Badge>
              {match.mandatory && (
                <Badge variant="outline" color="grape.9" tt="none">
                  Platform rule
                </Badge>
              )}
            </Group>
            <Text size="sm">Reason shown to the author: {match.reason}</Text>
            {match.note && (
              <Text size="sm" c="dimmed">
                Note: {match.note}
              </Text>
            )}
            {match.evidence.length > 0 && (
              <List size="sm" spacing={4} listStyleType="none" p={0}>
                {match.evidence.map((evidence, i) => (
                  <List.Item key={i}>
                    <EvidenceLine evidence={evidence} source={source} />
                  </List.Item>
                ))}
              </List>
            )}
            {match.occurrences > match.evidence.length && (
              <Text size="xs" c="dimmed">
                {count(match.occurrences, 'match', 'matches')} in all.
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
