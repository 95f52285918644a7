import { ActionIcon, Alert, Badge, Checkbox, Fieldset, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import type { LinkMatch, ModerationRuleAction, ModerationRuleFieldsFragment, ModerationRuleKind, PersonalDataType } from '@commons/web-data-access';
import { LINK_MATCH, PERSONAL_DATA, RULE_ACTION, RULE_KIND, SCOPE_KIND, TONE, seconds } from '../labels';
import { changeKind, SCOPE_CONTENT_KINDS, showValue, TEXT_RULE_KINDS, type RuleErrors, type RuleForm } from './rule-model';

const KINDS = (Object.keys(RULE_KIND) as ModerationRuleKind[]).map((kind) => ({ value: kind, label: RULE_KIND[kind].label }));
const ACTIONS: ModerationRuleAction[] = ['HOLD', 'REJECT', 'ALLOW'];
const PERSONAL_TYPES: PersonalDataType[] = ['EMAIL', 'PHONE', 'PAYMENT_CARD'];
const LINK_MATCHES: LinkMatch[] = ['ANY', 'LISTED_DOMAINS', 'UNLISTED_DOMAINS'];

/** A whole number or nothing, from a number field. */
const whole = (value: number | string): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function NumberField({ label, description, value, onChange, error, min = 1, max, decimal = false, step }: { label: string; description?: string; value: number | null; onChange: (value: number | null) => void; error?: string; min?: number; max?: number; decimal?: boolean; step?: number }) {
  return <NumberInput label={label} description={description} value={value ?? ''} onChange={(v) => onChange(whole(v))} error={error} min={min} max={max} allowDecimal={decimal} step={step} />;
}

/** The fields of one kind of rule. */
function KindFields({ rule, set, errors }: { rule: RuleForm; set: (changes: Partial<RuleForm>) => void; errors: RuleErrors }) {
  switch (rule.kind) {
    case 'BLOCKED_TERMS':
      return (
        <Stack gap="xs">
          <Textarea
            label="Terms"
            description="One word or phrase per line. Matched as whole words, whatever their case, accents or disguise (“4cme”, “a.c.m.e”)."
            autosize
            minRows={3}
            maxRows={12}
            value={rule.terms}
            onChange={(e) => set({ terms: e.currentTarget.value })}
            error={errors['terms']}
          />
          <Checkbox label="Also match common English profanity" checked={rule.profanity} onChange={(e) => set({ profanity: e.currentTarget.checked })} error={errors['profanity']} />
        </Stack>
      );
    case 'PATTERN':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Pattern" description="A regular expression, JavaScript syntax." value={rule.pattern} onChange={(e) => set({ pattern: e.currentTarget.value })} error={errors['pattern']} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          <TextInput label="Flags" description="Any of i (ignore case), m, s and u." value={rule.flags} onChange={(e) => set({ flags: e.currentTarget.value })} error={errors['flags']} maxLength={4} />
        </SimpleGrid>
      );
    case 'PERSONAL_DATA':
      return (
        <Stack gap="xs">
          <Checkbox.Group label="Detect" value={rule.detect} onChange={(v) => set({ detect: v as PersonalDataType[] })} error={errors['detect']}>
            <Group gap="md" mt={4}>
              {PERSONAL_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={PERSONAL_DATA[type]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label="E-mail domains that are not personal data"
            description="One per line, e.g. the organisation’s own; their subdomains too."
            autosize
            minRows={2}
            value={rule.allowedEmailDomains}
            onChange={(e) => set({ allowedEmailDomains: e.currentTarget.value })}
            error={errors['allowedEmailDomains']}
          />
          <NumberField label="Fewest digits in a phone number" description="Default 9, so dates and short numbers are not phones." value={rule.phoneMinDigits} onChange={(v) => set({ phoneMinDigits: v })} min={6} max={15} error={errors['phoneMinDigits']} />
        </Stack>
      );
    case 'LINKS':
      return (
        <Stack gap="xs">
          <Select label="Which links" data={LINK_MATCHES.map((m) => ({ value: m, label: LINK_MATCH[m] }))} value={rule.match} onChange={(v) => v && set({ match: v as LinkMatch })} allowDeselect={false} error={errors['match']} />
          {rule.match !== 'ANY' && (
            <Textarea label="Domains" description="One per line; subdomains count too." autosize minRows={2} value={rule.domains} onChange={(e) => set({ domains: e.currentTarget.value })} error={errors['domains']} />
          )}
          <Checkbox label="Only for new members" checked={rule.onlyNewMembers} onChange={(e) => set({ onlyNewMembers: e.currentTarget.checked })} error={errors['onlyNewMembers']} />
          {rule.onlyNewMembers && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberField label="New while fewer posts than" value={rule.postsBelow} onChange={(v) => set({ postsBelow: v })} max={10_000} />
              <NumberField label="New while a member for fewer days than" value={rule.membershipDaysBelow} onChange={(v) => set({ membershipDaysBelow: v })} max={3650} />
            </SimpleGrid>
          )}
        </Stack>
      );
    case 'NEW_MEMBER':
      return <NumberField label="First posts reviewed" description="Each member’s first posts in the community match." value={rule.firstPosts} onChange={(v) => set({ firstPosts: v })} max={1000} error={errors['firstPosts']} />;
    case 'RATE_LIMIT':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField label="Most posts" description="By one person in the community, this one included." value={rule.maxPosts} onChange={(v) => set({ maxPosts: v })} max={10_000} error={errors['maxPosts']} />
          <NumberField
            label="Within (seconds)"
            description={rule.windowSeconds ? seconds(rule.windowSeconds) : 'Up to a week.'}
            value={rule.windowSeconds}
            onChange={(v) => set({ windowSeconds: v })}
            error={errors['windowSeconds']}
          />
        </SimpleGrid>
      );
    case 'DUPLICATE':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberField label="Most copies" description="Of the same text, this one included." value={rule.maxCopies} onChange={(v) => set({ maxCopies: v })} max={1000} error={errors['maxCopies']} />
          <NumberField label="Within (seconds)" description={rule.windowSeconds ? seconds(rule.windowSeconds) : 'Up to a week.'} value={rule.windowSeconds} onChange={(v) => set({ windowSeconds: v })} error={errors['windowSeconds']} />
          <NumberField label="Shortest text checked" description="Characters; default 20." value={rule.minLength} onChange={(v) => set({ minLength: v })} min={0} max={10_000} error={errors['minLength']} />
        </SimpleGrid>
      );
    case 'SIZE':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberField label="Longest text (characters)" value={rule.maxBodyChars} onChange={(v) => set({ maxBodyChars: v })} max={1_000_000} error={errors['maxBodyChars']} />
          <NumberField label="Shortest text (characters)" value={rule.minBodyChars} onChange={(v) => set({ minBodyChars: v })} max={1_000_000} error={errors['minBodyChars']} />
          <NumberField label="Longest title (characters)" value={rule.maxTitleChars} onChange={(v) => set({ maxTitleChars: v })} max={10_000} error={errors['maxTitleChars']} />
        </SimpleGrid>
      );
    case 'SHOUTING':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField label="Fewest letters checked" value={rule.minLetters} onChange={(v) => set({ minLetters: v })} max={100_000} error={errors['minLetters']} />
          <NumberField
            label="Largest share of capitals"
            description="Between 0 and 1: 0.7 is 70%."
            value={rule.maxUppercaseShare}
            onChange={(v) => set({ maxUppercaseShare: v })}
            min={0}
            max={1}
            decimal
            step={0.05}
            error={errors['maxUppercaseShare']}
          />
        </SimpleGrid>
      );
    case 'GUIDELINE_ACKNOWLEDGEMENT':
      return <TextInput label="Guideline" description="The key of the guideline a person acknowledges before posting, e.g. social-media (see Knowledge → Guidelines)." value={rule.guideline} onChange={(e) => set({ guideline: e.currentTarget.value })} error={errors['guideline']} />;
  }
}

/**
 * One rule of the policy editor as a form: its kind, action, reason and note, where it applies,
 * and its kind's own fields; moved up or down, or removed.
 */
export function RuleFormCard({
  rule,
  index,
  total,
  errors,
  platform,
  onChange,
  onMove,
  onRemove,
}: {
  rule: RuleForm;
  index: number;
  total: number;
  errors: RuleErrors;
  platform: boolean;
  onChange: (rule: RuleForm) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const set = (changes: Partial<RuleForm>) => onChange({ ...rule, ...changes });
  const name = rule.id.trim() || `rule ${index + 1}`;
  return (
    <Fieldset legend={`Rule ${index + 1}: ${RULE_KIND[rule.kind].label}`} data-testid="rule-form">
      <Stack gap="sm">
        <Group justify="flex-end" gap={4}>
          <Tooltip label="Move up">
            <ActionIcon variant="default" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
              <span aria-hidden="true">↑</span>
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down">
            <ActionIcon variant="default" aria-label={`Move ${name} down`} disabled={index === total - 1} onClick={() => onMove(1)}>
              <span aria-hidden="true">↓</span>
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove">
            <ActionIcon variant="default" color="red" aria-label={`Remove ${name}`} onClick={onRemove}>
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Tooltip>
        </Group>
        {errors['rule'] && (
          <Alert color={TONE.bad} variant="light" role="alert">
            {errors['rule']}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Rule id" description="Stays the same across versions." required value={rule.id} onChange={(e) => set({ id: e.currentTarget.value })} error={errors['id']} maxLength={64} />
          <Select label="Kind" description={RULE_KIND[rule.kind].description} data={KINDS} value={rule.kind} onChange={(v) => v && onChange(changeKind(rule, v as ModerationRuleKind))} allowDeselect={false} error={errors['kind']} />
          <Select
            label="Action"
            description={RULE_ACTION[rule.action].description}
            data={ACTIONS.map((action) => ({ value: action, label: RULE_ACTION[action].label, disabled: action === 'ALLOW' && !TEXT_RULE_KINDS.includes(rule.kind) }))}
            value={rule.action}
            onChange={(v) => v && set({ action: v as ModerationRuleAction })}
            allowDeselect={false}
            error={errors['action']}
          />
        </SimpleGrid>
        <TextInput label="Reason shown to the author" required value={rule.reason} onChange={(e) => set({ reason: e.currentTarget.value })} error={errors['reason']} maxLength={500} />
        <Textarea label="Note for moderators" description="Never shown to the author." autosize minRows={1} value={rule.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errors['note']} />
        <KindFields rule={rule} set={set} errors={errors} />
        <Checkbox.Group label="Applies to" description="None checked: everything." value={rule.contentKinds} onChange={(v) => set({ contentKinds: v })} error={errors['contentKinds']}>
          <Group gap="md" mt={4}>
            {SCOPE_CONTENT_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={SCOPE_KIND[kind]} />
            ))}
          </Group>
        </Checkbox.Group>
        {platform && <Checkbox label="Mandatory in every community (communities may only tighten it)" checked={rule.mandatory} onChange={(e) => set({ mandatory: e.currentTarget.checked })} />}
      </Stack>
    </Fieldset>
  );
}

/** The settings a rule has, in words (for read-only lists and summaries). */
export function ruleSettings(rule: ModerationRuleFieldsFragment): string[] {
  const parts: string[] = [];
  const add = (label: string, value: unknown) => {
    const shown = showValue(value);
    if (shown !== '—') parts.push(`${label}: ${shown}`);
  };
  add('Terms', rule.terms);
  if (rule.profanity) parts.push('Common profanity');
  add('Pattern', rule.pattern ? `/${rule.pattern}/${rule.flags ?? ''}` : null);
  add('Detects', rule.detect?.map((d) => PERSONAL_DATA[d]));
  add('Allowed e-mail domains', rule.allowedEmailDomains);
  add('Fewest phone digits', rule.phoneMinDigits);
  add('Links', rule.match ? LINK_MATCH[rule.match] : null);
  add('Domains', rule.domains);
  add('Only new members', rule.onlyNewMembers);
  add('First posts', rule.firstPosts);
  add('Most posts', rule.maxPosts);
  add('Most copies', rule.maxCopies);
  add('Within', rule.windowSeconds ? seconds(rule.windowSeconds) : null);
  add('Shortest text checked', rule.minLength);
  add('Longest text', rule.maxBodyChars);
  add('Shortest text', rule.minBodyChars);
  add('Longest title', rule.maxTitleChars);
  add('Fewest letters', rule.minLetters);
  add('Largest share of capitals', rule.maxUppercaseShare);
  add('Guideline', rule.guideline);
  add('Applies to', rule.scope?.contentKinds?.map((k) => SCOPE_KIND[k] ?? k));
  add('Community audiences', rule.scope?.communityAudiences);
  add('Author audiences', rule.scope?.authorAudiences);
  return parts;
}

/** A rule read-only: id, kind, action, reason, note and settings. */
export function RuleSummary({ rule }: { rule: ModerationRuleFieldsFragment }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {rule.id}
          </Text>
          <Badge variant="outline" color="gray.8" tt="none">
            {RULE_KIND[rule.kind].label}
          </Badge>
          <Badge variant="outline" color={RULE_ACTION[rule.action].color} tt="none">
            {RULE_ACTION[rule.action].label}
          </Badge>
          {rule.mandatory && (
            <Badge variant="outline" color="grape.9" tt="none">
              Mandatory
            </Badge>
          )}
        </Group>
        <Text size="sm">{rule.reason}</Text>
        {rule.note && (
          <Text size="sm" c="dimmed">
            Note: {rule.note}
          </Text>
        )}
        {ruleSettings(rule).map((line) => (
          <Text key={line} size="xs" c="dimmed">
            {line}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** Rules read-only, in policy order. */
export function RuleList({ rules, label, empty = 'No rules.' }: { rules: readonly ModerationRuleFieldsFragment[]; label: string; empty?: string }) {
  if (rules.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {rules.map((rule) => (
        <li key={rule.id}>
          <RuleSummary rule={rule} />
        </li>
      ))}
    </Stack>
  );
}
