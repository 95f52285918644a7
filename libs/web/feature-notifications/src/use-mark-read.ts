import { useMutation } from '@apollo/client/react';
import { MarkAllNotificationsReadDocument, MarkNotificationsReadDocument, useAction } from '@commons/web-data-access';
import { markAllRead, markRead } from './notification-cache';

/** Marking notifications read, one or all; the answer is the unread count every place shows. */
export function useMarkRead() {
  const [markOne] = useMutation(MarkNotificationsReadDocument);
  const [markAll] = useMutation(MarkAllNotificationsReadDocument);
  const action = useAction();
  return {
    busy: action.busy,
    error: action.error,
    one: (id: string) =>
      action.run(() =>
        markOne({
          variables: { ids: [id] },
          update: (cache, { data }) => {
            if (data) markRead(cache, [id], data.markNotificationsRead);
          },
        }),
      ),
    all: () =>
      action.run(() =>
        markAll({
          update: (cache, { data }) => {
            if (data) markAllRead(cache, data.markAllNotificationsRead);
          },
        }),
      ),
  };
}
