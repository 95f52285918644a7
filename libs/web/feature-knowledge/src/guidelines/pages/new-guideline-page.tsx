import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CreateGuidelineDocument, fieldError, useAction, type Audience } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { guidelinePath } from '../guideline-paths';

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);

/** Creates a guideline (platform-wide, or a community's own with ?communityId=), then opens its editor. */
export function NewGuidelinePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const communityId = params.get('communityId');
  const [title, setTitle] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [audiences, setAudiences] = useState<string[]>(['EMPLOYEE']);
  const [createGuideline] = useMutation(CreateGuidelineDocument);
  const saving = useAction();
  const fieldProblem = (name: string) => fieldError(saving.error, `input.${name}`) ?? fieldError(saving.error, name);

  const submit = async () => {
    let created: string | null = null;
    const ok = await saving.run(async () => {
      const result = await createGuideline({ variables: { input: { key, title, audiences: audiences as Audience[], communityId } } });
      created = result.data?.createGuideline.key ?? null;
    });
    if (ok && created) await navigate(`${guidelinePath(created)}/edit`);
  };

  return (
    <Stack gap="md" maw={640} component="form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={1} size="h2">
        New guideline
      </Title>
      {saving.error && !saving.error.fields.length && <ErrorAlert error={saving.error} />}
      <TextInput
        label="Title"
        required
        value={title}
        error={fieldProblem('title')}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setTitle(value);
          if (!keyTouched) setKey(slugOf(value));
        }}
      />
      <TextInput
        label="Key"
        description="Stable address and the name moderation policies use, e.g. social-media."
        required
        value={key}
        error={fieldProblem('key')}
        onChange={(e) => {
          setKeyTouched(true);
          setKey(e.currentTarget.value);
        }}
      />
      <Checkbox.Group label="Audience" description="Who must read and acknowledge it." value={audiences} onChange={setAudiences} error={fieldProblem('audiences')}>
        <Group mt="xs">
          <Checkbox value="EMPLOYEE" label="Employees" />
          <Checkbox value="CUSTOMER" label="Customers" />
          <Checkbox value="PARTNER" label="Partners" />
        </Group>
      </Checkbox.Group>
      <Group>
        <Button type="submit" loading={saving.busy}>
          Create and write the first version
        </Button>
      </Group>
    </Stack>
  );
}
