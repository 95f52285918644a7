import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorCode } from '@commons/shared-contracts';
import { SaveModerationPolicyVersionDocument, fieldError, toApiError, type ApiError, type ModerationPolicyFieldsFragment, type ModerationRuleKind } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { RULE_KIND, TONE } from '../labels';
import { RuleFormCard } from './rule-form';
import { checkRule, formToRuleInput, isRuleField, moveRule, newRule, ruleToForm, serverRuleErrors, type RuleErrors, type RuleForm } from './rule-model';

const KINDS = (Object.keys(RULE_KIND) as ModerationRuleKind[]).map((kind) => ({ value: kind, label: RULE_KIND[kind].label }));

/**
 * The policy's rules as forms, from its latest version: add, change, reorder and remove rules,
 * then save them as a new version (with a note saying what changed), active at once or not.
 * The server's objections to a rule show next to its fields.
 */
export function PolicyEditor({ policy, platform, onSaved }: { policy: ModerationPolicyFieldsFragment; platform: boolean; onSaved: (version: number) => void }) {
  const latest = policy.versions.find((v) => v.version === policy.latestVersion) ?? policy.versions[0];
  const [rules, setRules] = useState<RuleForm[]>(() => (latest?.rules ?? []).map(ruleToForm));
  const [flagsToAutoHide, setFlagsToAutoHide] = useState<number | null>(latest?.flagsToAutoHide ?? null);
  const [note, setNote] = useState('');
  const [activate, setActivate] = useState(false);
  const [adding, setAdding] = useState<ModerationRuleKind>('BLOCKED_TERMS');
  const [checked, setChecked] = useState<Record<string, RuleErrors>>({});
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [save, { loading }] = useMutation(SaveModerationPolicyVersionDocument);

  const change = (index: number, rule: RuleForm) => {
    setRules((all) => all.map((r, i) => (i === index ? rule : r)));
    setChecked((errors) => ({ ...errors, [rule.key]: {} }));
  };
  const add = () => {
    const rule = newRule(adding, rules.map((r) => r.id.trim()));
    setRules((all) => [...all, rule]);
    // The new rule's first field, once it is on screen.
    requestAnimationFrame(() => document.getElementById(`rule-${rule.key}`)?.querySelector<HTMLElement>('input')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = Object.fromEntries(rules.map((rule) => [rule.key, checkRule(rule, rules)]));
    setChecked(errors);
    const firstBad = rules.find((rule) => Object.keys(errors[rule.key] ?? {}).length > 0);
    if (firstBad) {
      document.getElementById(`rule-${firstBad.key}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    setServerError(null);
    try {
      const { data } = await save({
        variables: {
          input: { policyId: policy.id, rules: rules.map((rule) => formToRuleInput(rule, { platform })), flagsToAutoHide, note: note.trim(), activate },
        },
      });
      if (data) onSaved(data.saveModerationPolicyVersion.version);
    } catch (caught) {
      setServerError(toApiError(caught));
    }
  };

  const ruleProblems = serverError?.code === ErrorCode.BadUserInput && serverError.fields.some((f) => isRuleField(f.field));
  const otherProblem = serverError && !(serverError.fields.length > 0 && serverError.fields.every((f) => isRuleField(f.field) || f.field === 'note' || f.field === 'flagsToAutoHide'));
  const clientProblems = Object.values(checked).some((errors) => Object.keys(errors).length > 0);

  return (
    <form noValidate onSubmit={submit} aria-labelledby="editor-heading">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={4} id="editor-heading">
            Edit the rules
          </Title>
          <Text size="sm" c="dimmed">
            Starting from version {latest?.version ?? 1}. Rules are checked in this order: the strictest action wins (reject, then hold, then allow) and the author reads the first matching rule’s reason.
            {!platform && ' Platform rules always apply and are not listed here.'}
          </Text>
        </Stack>
        {(ruleProblems || clientProblems) && (
          <Alert color={TONE.bad} variant="light" role="alert" title="Some rules need attention">
            <Text size="sm">See the messages next to their fields.</Text>
          </Alert>
        )}
        {otherProblem && serverError && <ErrorAlert error={serverError} />}
        {rules.length === 0 && (
          <Text size="sm" c="dimmed">
            No rules yet: everything is allowed (platform rules aside).
          </Text>
        )}
        {rules.map((rule, index) => (
          <div key={rule.key} id={`rule-${rule.key}`}>
            <RuleFormCard
              rule={rule}
              index={index}
              total={rules.length}
              platform={platform}
              errors={{ ...serverRuleErrors(serverError, rule, index), ...checked[rule.key] }}
              onChange={(next) => change(index, next)}
              onMove={(delta) => setRules((all) => moveRule(all, index, delta))}
              onRemove={() => setRules((all) => all.filter((_, i) => i !== index))}
            />
          </div>
        ))}
        <Paper withBorder p="sm" radius="md">
          <Group align="flex-end" gap="sm">
            <Select label="Kind of rule to add" data={KINDS} value={adding} onChange={(v) => v && setAdding(v as ModerationRuleKind)} allowDeselect={false} w={260} />
            <Button variant="default" onClick={add}>
              Add a rule
            </Button>
          </Group>
        </Paper>
        <NumberInput
          label="Flags that hide a post until it is reviewed"
          description="From different members. Empty: flags never hide a post."
          value={flagsToAutoHide ?? ''}
          onChange={(v) => setFlagsToAutoHide(typeof v === 'number' ? v : null)}
          min={1}
          max={100}
          allowDecimal={false}
          error={fieldError(serverError, 'flagsToAutoHide')}
          w={320}
        />
        <TextInput label="What changed" description="For the version history." value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} error={fieldError(serverError, 'note')} />
        <Checkbox label="Make this version active now" description="Otherwise dry-run it first, then activate it from the history." checked={activate} onChange={(e) => setActivate(e.currentTarget.checked)} />
        <Group gap="xs">
          <Button type="submit" loading={loading}>
            Save as new version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
