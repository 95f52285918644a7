import type { ThreadKind } from '@commons/web-data-access';

/** Words for the forum's enums, and a line explaining each where a choice is made. */
export const THREAD_KIND: Record<ThreadKind, { label: string; description: string }> = {
  DISCUSSION: { label: 'Discussion', description: 'Share something or talk it through; there is no single answer.' },
  QUESTION: { label: 'Question', description: 'Ask for help; you can accept the reply that answers it.' },
};
