import type { PublishedEvent } from '@commons/server-realtime';
import { activityRowsOf } from './activity-consumer';

const event = (seq: number, type: string, payload: Record<string, unknown>, subjectId: string | null = 's', communityId: string | null = 'c'): PublishedEvent => ({
  seq,
  type,
  communityId,
  subjectId,
  payload,
  occurredAt: '2026-01-05T10:00:00.000Z',
});

describe('activityRowsOf', () => {
  it('records who did what, where, from the events analytics listens to, and ignores the others', () => {
    const rows = activityRowsOf([
      event(1, 'forum.thread.created', { authorId: 'a1', kind: 'QUESTION', state: 'VISIBLE', categoryId: 'x' }),
      event(2, 'forum.reply.created', { authorId: 'a2', replyId: 'r1', state: 'HELD' }),
      event(3, 'reaction.changed', { accountId: 'a3', targetId: 'r1', kind: 'LIKE', on: false }),
      event(4, 'reaction.changed', { accountId: 'a3', targetId: 'r1', kind: 'LIKE', on: true, authorId: 'a2' }),
      event(5, 'community.membership.changed', { accountId: 'a4', kind: 'ROLE_CHANGED' }),
      event(6, 'community.membership.changed', { accountId: 'a4', kind: 'BANNED' }),
      event(7, 'notification.changed', { recipientId: 'a1' }),
      event(8, 'content.viewed', { thing: 'thread', views: [['t1', 'a5', 'c1'], ['t2', 'a5', null]] }, null, null),
      event(9, 'identity.session.started', { sessionId: 'x' }, 'a6', null),
    ]);
    expect(rows.map((r) => [r.seq, r.kind, r.accountId, r.communityId, r.subjectId, r.contentId])).toEqual([
      [1, 'THREAD', 'a1', 'c', 's', null],
      [2, 'REPLY', 'a2', 'c', 's', 'r1'],
      [4, 'REACTION', 'a3', 'c', 's', 'r1'],
      [6, 'LEAVE', 'a4', 'c', null, null],
      [8, 'VIEW', 'a5', 'c1', 't1', null],
      [8, 'VIEW', 'a5', null, 't2', null],
      [9, 'SIGN_IN', 'a6', null, null, null],
    ]);
    expect(rows[0].detail).toEqual({ kind: 'QUESTION', state: 'VISIBLE' });
    expect(rows.every((r) => r.occurredAt === '2026-01-05T10:00:00.000Z')).toBe(true);
  });
});
