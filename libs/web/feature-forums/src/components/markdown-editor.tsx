import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Stack, Tabs, Text, Textarea } from '@mantine/core';
import { POST_BODY_MAX_LENGTH } from '@commons/shared-contracts';
import { MarkdownView } from './markdown-view';

export interface MarkdownEditorHandle {
  /** Shows the Write tab and puts the cursor at the end of the text. */
  focus(): void;
}

/**
 * A Markdown textarea with a Preview tab. The preview is read on the client for a quick look;
 * what the post shows once posted is the server's rendering.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  error,
  description = 'Markdown: **bold**, *italic*, `code`, lists, > quotes and [links](https://…).',
  minRows = 6,
  previewLevel = 3,
  ref,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
  minRows?: number;
  previewLevel?: number;
  ref?: Ref<MarkdownEditorHandle>;
}) {
  const [tab, setTab] = useState<string | null>('write');
  const textarea = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({
    focus: () => {
      setTab('write');
      // The panel becomes visible on the next frame.
      requestAnimationFrame(() => {
        const element = textarea.current;
        if (!element) return;
        element.focus();
        element.setSelectionRange(element.value.length, element.value.length);
      });
    },
  }));
  return (
    <Tabs value={tab} onChange={setTab} variant="outline" keepMounted>
      <Tabs.List aria-label={`${label}: write or preview`}>
        <Tabs.Tab value="write">Write</Tabs.Tab>
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          ref={textarea}
          label={label}
          description={description}
          autosize
          minRows={minRows}
          maxRows={24}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          required
        />
        <Text size="xs" c="dimmed" mt={4} aria-live="polite">
          {value.length > POST_BODY_MAX_LENGTH * 0.9 ? `${value.length.toLocaleString('en')} of ${POST_BODY_MAX_LENGTH.toLocaleString('en')} characters` : ''}
        </Text>
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Stack gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', minHeight: 96 }}>
          {tab === 'preview' && <MarkdownView markdown={value} topLevel={previewLevel} />}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
