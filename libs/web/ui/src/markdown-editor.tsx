import { useEffect, useId, useImperativeHandle, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { Box, Kbd, Paper, Stack, Tabs, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { normalizeTag, POST_BODY_MAX_LENGTH } from '@commons/shared-contracts';
import {
  applyEdit,
  findTrigger,
  continueList,
  insertLink,
  insertPick,
  mentionMarkdown,
  pasteAsLink,
  tagMarkdown,
  toggleEmphasis,
  type TextEdit,
  type TextState,
  type Trigger,
  type TriggerKind,
} from './markdown-editing';
import { MarkdownView } from './markdown-view';
import { caretCoordinates } from './textarea-caret';

/** A person or tag offered while typing `@…` or `#…`; a tag's `id` is the tag. */
export interface Suggestion {
  id: string;
  label: string;
  /** A second line: a person's title, how often a tag is used. */
  detail?: string;
}

export interface MarkdownEditorHandle {
  /** Shows the Write tab and puts the cursor at the end of the text. */
  focus(): void;
}

export interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  /** What the text may hold; the @, # and shortcut hints follow it. */
  description?: ReactNode;
  required?: boolean;
  autoFocus?: boolean;
  minRows?: number;
  maxRows?: number;
  /** The counter appears near this length. */
  maxLength?: number;
  /** What Ctrl+Enter does, for the hint: it submits the form around the editor. */
  submitHint?: string;
  /** Heading level the preview's top heading takes (like the post once posted). */
  previewLevel?: number;
  /**
   * The Preview tab's content; the client's reading of the Markdown by default. Called only
   * while the tab shows. A screen that previews the server's rendering passes its own.
   */
  renderPreview?: (markdown: string) => ReactNode;
  /** The Preview tab was opened (e.g. to save first, so the server's rendering is current). */
  onPreviewOpen?: () => void;
  /** People who may read the text, whose name starts with `search`: offered after `@`. */
  suggestMentions?: (search: string) => Promise<Suggestion[]>;
  /** Tags starting with `prefix` (normalised): offered after `#` at the start of a word. */
  suggestTags?: (prefix: string) => Promise<Suggestion[]>;
  /** A #tag was picked from the suggestions (e.g. to add it to the post's tags too). */
  onTagPick?: (tag: string) => void;
  ref?: Ref<MarkdownEditorHandle>;
}

/** How long typing must pause before suggestions are asked for. */
export const SUGGESTION_DELAY_MS = 150;
const LIST_WIDTH = 300;

const APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.userAgent);
const MOD_LABEL = APPLE ? '⌘' : 'Ctrl+';
const MOD_ARIA = APPLE ? 'Meta' : 'Control';

const sameTrigger = (a: Trigger | null, b: Trigger | null) => a === b || (a !== null && b !== null && a.kind === b.kind && a.query === b.query && a.from === b.from && a.to === b.to);
const keyOf = (trigger: Trigger | null) => (trigger ? `${trigger.kind}:${trigger.from}` : null);

/**
 * Applies an edit to the textarea as typing would (`insertText`), so the browser's undo history
 * keeps it and React hears an input event; sets the value directly where that is not available.
 */
function applyToTextarea(textarea: HTMLTextAreaElement, edit: TextEdit, onChange: (value: string) => void): void {
  const expected = applyEdit(textarea.value, edit);
  textarea.focus();
  textarea.setSelectionRange(edit.from, edit.to);
  let applied = false;
  try {
    applied = edit.insert === '' ? document.execCommand('delete') : document.execCommand('insertText', false, edit.insert);
  } catch {
    applied = false;
  }
  if (!applied || textarea.value !== expected) {
    textarea.value = expected;
    onChange(expected);
  }
  textarea.setSelectionRange(edit.selectionStart, edit.selectionEnd);
}

function ShortcutHints({ mentions, tags, submitHint }: { mentions: boolean; tags: boolean; submitHint: string }) {
  const typing = mentions && tags ? 'Type @ to mention someone and # for a tag. ' : mentions ? 'Type @ to mention someone. ' : tags ? 'Type # for a tag. ' : '';
  return (
    <>
      {typing}
      <Kbd size="xs">{MOD_LABEL}B</Kbd> bold, <Kbd size="xs">{MOD_LABEL}I</Kbd> italic, <Kbd size="xs">{MOD_LABEL}K</Kbd> link, <Kbd size="xs">{MOD_LABEL}Enter</Kbd>{' '}
      {submitHint}; pasting a link over selected text links it.
    </>
  );
}

/**
 * The Markdown editor of every post: a textarea with a Preview tab, @mention and #tag
 * suggestions (a listbox the keyboard drives: arrows, Enter or Tab to pick, Escape to close),
 * formatting shortcuts and paste-to-link. The textarea stays a textbox for assistive
 * technology (a multi-line field may not take the combobox role) and carries the combobox
 * pattern's other parts: `aria-autocomplete`, `aria-controls` and `aria-activedescendant`
 * pointing into the listbox, with the number of suggestions announced.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  error,
  description = 'Markdown: **bold**, *italic*, `code`, lists, > quotes and [links](https://…).',
  required = false,
  autoFocus = false,
  minRows = 6,
  maxRows = 24,
  maxLength = POST_BODY_MAX_LENGTH,
  submitHint = 'sends',
  previewLevel = 3,
  renderPreview,
  onPreviewOpen,
  suggestMentions,
  suggestTags,
  onTagPick,
  ref,
}: MarkdownEditorProps) {
  const [tab, setTab] = useState<string | null>('write');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const listId = `${useId()}-suggestions`;

  const [trigger, setTrigger] = useState<Trigger | null>(null);
  const [position, setPosition] = useState({ top: 0, left: 0 });
  const [focused, setFocused] = useState(false);
  // The trigger (kind and where it starts) the person closed with Escape: stays closed while they type on.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [found, setFound] = useState<{ key: string; items: Suggestion[] } | null>(null);
  const [active, setActive] = useState(0);
  // Per kind, a query that found nothing: longer queries starting with it are not asked for.
  const fruitless = useRef<Partial<Record<TriggerKind, string>>>({});

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

  const kinds: TriggerKind[] = [...(suggestMentions ? (['mention'] as const) : []), ...(suggestTags ? (['tag'] as const) : [])];
  const triggerKey = keyOf(trigger);
  const items = trigger && found?.key === triggerKey ? found.items : [];
  const open = focused && tab === 'write' && trigger !== null && dismissed !== triggerKey && items.length > 0;
  const activeIndex = Math.min(active, items.length - 1);

  /** Finds the @ or # being typed at the caret and where its list goes. */
  const track = (element: HTMLTextAreaElement) => {
    const next = kinds.length > 0 && element.selectionStart === element.selectionEnd ? findTrigger(element.value, element.selectionStart, kinds) : null;
    setTrigger((current) => (sameTrigger(current, next) ? current : next));
    if (next && keyOf(next) !== triggerKey && wrapper.current) {
      const caret = caretCoordinates(element, next.from);
      const box = wrapper.current.getBoundingClientRect();
      const field = element.getBoundingClientRect();
      setPosition({
        top: field.top - box.top + Math.min(caret.top + caret.height, element.clientHeight) + 4,
        left: Math.max(0, Math.min(field.left - box.left + caret.left, box.width - LIST_WIDTH)),
      });
    }
  };

  // The latest suggestion sources, whatever their identity from one render to the next.
  const sources = useRef({ mention: suggestMentions, tag: suggestTags });
  useEffect(() => {
    sources.current = { mention: suggestMentions, tag: suggestTags };
  });

  // Suggestions for what is typed, once typing pauses; an answer for an older query is dropped.
  const query = trigger?.query ?? '';
  useEffect(() => {
    if (!triggerKey || !query) return;
    const kind = triggerKey.split(':')[0] as TriggerKind;
    const source = sources.current[kind];
    if (!source) return;
    const search = kind === 'tag' ? normalizeTag(query) : query.trim().toLowerCase();
    const none = fruitless.current[kind];
    if (search === '' || (none !== undefined && search.startsWith(none))) {
      const timer = setTimeout(() => setFound({ key: triggerKey, items: [] }), 0);
      return () => clearTimeout(timer);
    }
    let current = true;
    const timer = setTimeout(() => {
      source(search).then(
        (answer) => {
          if (!current) return;
          if (answer.length === 0) fruitless.current[kind] = search;
          else if (fruitless.current[kind] !== undefined && !search.startsWith(fruitless.current[kind] as string)) delete fruitless.current[kind];
          setFound({ key: triggerKey, items: answer });
          setActive(0);
        },
        // Suggestions are a help: when they cannot be loaded the list stays closed.
        () => current && setFound({ key: triggerKey, items: [] }),
      );
    }, SUGGESTION_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [triggerKey, query]);

  // The active suggestion stays in sight as the arrows move through a long list.
  useEffect(() => {
    if (open) document.getElementById(`${listId}-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, listId, activeIndex]);

  const edit = (change: TextEdit) => {
    const element = textarea.current;
    if (!element) return;
    applyToTextarea(element, change, onChange);
    track(element);
  };

  const pick = (item: Suggestion) => {
    const element = textarea.current;
    if (!element || !trigger) return;
    // The caret may have moved on since the list was filled: read the trigger again.
    const at = findTrigger(element.value, element.selectionStart, [trigger.kind]) ?? trigger;
    if (trigger.kind === 'mention') {
      edit(insertPick(element.value, at, mentionMarkdown(item.label, item.id)));
    } else {
      edit(insertPick(element.value, at, tagMarkdown(item.id)));
      const tag = normalizeTag(item.id);
      if (tag) onTagPick?.(tag);
    }
    setFound(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    const element = event.currentTarget;
    const mod = (APPLE ? event.metaKey : event.ctrlKey) && !event.altKey;
    if (open && !mod && !event.altKey) {
      const move = (by: number) => {
        event.preventDefault();
        setActive((activeIndex + by + items.length) % items.length);
      };
      if (event.key === 'ArrowDown') return move(1);
      if (event.key === 'ArrowUp') return move(-1);
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
        event.preventDefault();
        return pick(items[activeIndex]);
      }
      if (event.key === 'Escape') {
        // Closes the list only, not a dialog around the editor.
        event.preventDefault();
        event.stopPropagation();
        setDismissed(triggerKey);
        return;
      }
    }
    const state: TextState = { value: element.value, start: element.selectionStart, end: element.selectionEnd };
    if (event.key === 'Enter' && !mod && !event.shiftKey && !event.altKey) {
      const listItem = continueList(state);
      if (listItem) {
        event.preventDefault();
        edit(listItem);
      }
      return;
    }
    if (!mod || event.shiftKey) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i' || key === 'k') {
      event.preventDefault();
      edit(key === 'k' ? insertLink(state) : toggleEmphasis(state, key === 'b' ? '**' : '*'));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setFound(null);
      element.form?.requestSubmit();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const element = event.currentTarget;
    const change = pasteAsLink({ value: element.value, start: element.selectionStart, end: element.selectionEnd }, event.clipboardData.getData('text/plain'));
    if (!change) return;
    event.preventDefault();
    edit(change);
  };

  const people = trigger?.kind === 'mention';
  const announcement = open ? `${items.length} ${people ? (items.length === 1 ? 'person' : 'people') : items.length === 1 ? 'tag' : 'tags'} found: up and down arrows to choose, Enter to insert, Escape to close.` : '';

  return (
    <Tabs
      value={tab}
      onChange={(next) => {
        setTab(next);
        if (next === 'preview') onPreviewOpen?.();
      }}
      variant="outline"
      keepMounted
    >
      <Tabs.List aria-label={`${label}: write or preview`}>
        <Tabs.Tab value="write">Write</Tabs.Tab>
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Box ref={wrapper} pos="relative">
          <Textarea
            ref={textarea}
            label={label}
            description={
              <>
                {description} <ShortcutHints mentions={Boolean(suggestMentions)} tags={Boolean(suggestTags)} submitHint={submitHint} />
              </>
            }
            autosize
            minRows={minRows}
            maxRows={maxRows}
            value={value}
            onChange={(event) => {
              onChange(event.currentTarget.value);
              track(event.currentTarget);
            }}
            onSelect={(event) => track(event.currentTarget)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            error={error}
            required={required}
            autoFocus={autoFocus}
            aria-autocomplete={kinds.length > 0 ? 'list' : undefined}
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
            aria-keyshortcuts={`${MOD_ARIA}+B ${MOD_ARIA}+I ${MOD_ARIA}+K ${MOD_ARIA}+Enter`}
          />
          {open && (
            <Paper
              role="listbox"
              id={listId}
              aria-label={people ? 'People to mention' : 'Tags'}
              shadow="md"
              withBorder
              p={4}
              style={{ position: 'absolute', top: position.top, left: position.left, width: LIST_WIDTH, maxHeight: 280, overflowY: 'auto', zIndex: 300 }}
            >
              {items.map((item, i) => (
                <Box
                  key={item.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === activeIndex}
                  // Keeps the focus (and the caret) in the textarea.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => pick(item)}
                  px="sm"
                  py={6}
                  style={{ borderRadius: 'var(--mantine-radius-sm)', cursor: 'pointer', background: i === activeIndex ? 'var(--mantine-color-blue-light)' : undefined }}
                >
                  <Text size="sm" fw={500}>
                    {people ? item.label : `#${item.label}`}
                  </Text>
                  {item.detail && (
                    <Text size="xs" c="dimmed">
                      {item.detail}
                    </Text>
                  )}
                </Box>
              ))}
            </Paper>
          )}
        </Box>
        <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
        <Text size="xs" c="dimmed" mt={4} aria-live="polite">
          {value.length > maxLength * 0.9 ? `${value.length.toLocaleString('en')} of ${maxLength.toLocaleString('en')} characters` : ''}
        </Text>
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Stack gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', minHeight: 96 }}>
          {tab === 'preview' && (renderPreview ? renderPreview(value) : <MarkdownView markdown={value} topLevel={previewLevel} />)}
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
