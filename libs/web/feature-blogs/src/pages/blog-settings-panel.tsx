import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Paper, Radio, Stack, Text } from '@mantine/core';
import { BLOG_AUTHORS as AUTHOR_CHOICES } from '@commons/shared-contracts';
import { toApiError, UpdateBlogSettingsDocument, type ApiError, type BlogAuthors } from '@commons/web-data-access';
import { ErrorAlert } from '@commons/web-ui';
import { BLOG_AUTHORS } from '../labels';

/** Managers choose who writes in the blog; the choice is saved as soon as it is made. */
export function BlogSettingsPanel({ communityId, authors }: { communityId: string; authors: BlogAuthors }) {
  const [update, { loading }] = useMutation(UpdateBlogSettingsDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Blog settings">
      <Stack gap="xs">
        <Radio.Group
          label="Who writes here"
          value={authors}
          onChange={async (value) => {
            setError(null);
            setSaved(false);
            try {
              await update({ variables: { input: { communityId, authors: value as BlogAuthors } } });
              setSaved(true);
            } catch (caught) {
              setError(toApiError(caught));
            }
          }}
        >
          <Stack gap="xs">
            {AUTHOR_CHOICES.map((choice) => (
              <Radio key={choice} value={choice} label={BLOG_AUTHORS[choice].label} description={BLOG_AUTHORS[choice].description} disabled={loading} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="xs" c="dimmed" role="status">
          {saved ? 'Saved.' : ''}
        </Text>
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  );
}
