import { Injectable } from '@nestjs/common';
import { CONTENT_VIEWED } from '@commons/server-core';
import { MEMBERSHIP_CHANGED } from '@commons/server-communities';
import { ForumEvent } from '@commons/server-forums';
import { IdentityEvent } from '@commons/server-identity';
import { KnowledgeEvent } from '@commons/server-knowledge';
import type { ConsumerTransaction, EventConsumer, PublishedEvent } from '@commons/server-realtime';
import { ActivityKind } from './activity-kinds';
import { ActivityPartitions } from './activity-partitions';

/** One row of the activity log. */
export interface ActivityRow {
  occurredAt: string;
  kind: ActivityKind;
  accountId: string | null;
  communityId: string | null;
  subjectId: string | null;
  contentId: string | null;
  seq: number | null;
  detail: Record<string, unknown> | null;
}

type Payload = Record<string, unknown>;
const str = (p: Payload, key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);

/** The events analytics listens to, and the activity rows each becomes. */
const RECORDERS: Record<string, (e: PublishedEvent, p: Payload) => Array<Omit<ActivityRow, 'occurredAt' | 'seq'>>> = {
  [IdentityEvent.SignedIn]: (e) => [row(ActivityKind.SignIn, e.subjectId, null)],
  [IdentityEvent.Present]: (e) => [row(ActivityKind.Presence, e.subjectId, null)],
  [CONTENT_VIEWED]: (_e, p) =>
    ((p.views as Array<[string, string, string | null]> | undefined) ?? []).map(([id, accountId, communityId]) => ({
      ...row(ActivityKind.View, accountId, communityId),
      subjectId: id,
      detail: { thing: p.thing },
    })),
  [ForumEvent.ThreadCreated]: (e, p) => [{ ...row(ActivityKind.Thread, str(p, 'authorId'), e.communityId), subjectId: e.subjectId, detail: { kind: p.kind, state: p.state } }],
  [ForumEvent.ReplyCreated]: (e, p) => [{ ...row(ActivityKind.Reply, str(p, 'authorId'), e.communityId), subjectId: e.subjectId, contentId: str(p, 'replyId'), detail: { state: p.state } }],
  [ForumEvent.AnswerAccepted]: (e, p) => [
    { ...row(ActivityKind.AcceptedAnswer, str(p, 'by'), e.communityId), subjectId: e.subjectId, contentId: str(p, 'replyId'), detail: { replyAuthorId: p.replyAuthorId } },
  ],
  [ForumEvent.ReactionChanged]: (e, p) =>
    p.on === true ? [{ ...row(ActivityKind.Reaction, str(p, 'accountId'), e.communityId), subjectId: e.subjectId, contentId: str(p, 'targetId'), detail: { kind: p.kind, authorId: p.authorId } }] : [],
  'blog.post.published': (e, p) => [{ ...row(ActivityKind.BlogPost, str(p, 'authorId'), e.communityId), subjectId: e.subjectId, detail: { state: p.state } }],
  'blog.comment.created': (e, p) => [{ ...row(ActivityKind.Comment, str(p, 'authorId'), e.communityId), subjectId: e.subjectId, contentId: str(p, 'commentId'), detail: { state: p.state } }],
  [MEMBERSHIP_CHANGED]: (e, p) => {
    if (p.kind === 'JOINED') return [row(ActivityKind.Join, str(p, 'accountId'), e.communityId)];
    if (p.kind === 'LEFT' || p.kind === 'REMOVED' || p.kind === 'BANNED') return [{ ...row(ActivityKind.Leave, str(p, 'accountId'), e.communityId), detail: { kind: p.kind } }];
    return [];
  },
  'moderation.flag.created': (e, p) => [{ ...row(ActivityKind.Flag, str(p, 'flaggerId'), e.communityId), subjectId: e.subjectId, detail: { contentKind: p.contentKind, reason: p.reason } }],
  'moderation.decision.recorded': (e, p) => [
    { ...row(ActivityKind.ModerationDecision, str(p, 'authorId'), e.communityId), subjectId: e.subjectId, detail: { action: p.action, ruleId: p.ruleId, contentKind: p.contentKind } },
  ],
  // The queue's comings and goings are the platform's acts, not the author's: no account.
  'moderation.queue.entered': (e, p) => [{ ...row(ActivityKind.QueueEntered, null, e.communityId), subjectId: e.subjectId, contentId: str(p, 'itemId'), detail: { source: p.source } }],
  'moderation.queue.left': (e, p) => [{ ...row(ActivityKind.QueueLeft, null, e.communityId), subjectId: e.subjectId, contentId: str(p, 'itemId'), detail: { status: p.status } }],
  'moderation.appeal.decided': (e, p) => [{ ...row(ActivityKind.AppealDecided, null, e.communityId), subjectId: e.subjectId, detail: { status: p.status } }],
  [KnowledgeEvent.GuidelineAcknowledged]: (e, p) => [{ ...row(ActivityKind.Acknowledgement, str(p, 'accountId'), e.communityId), subjectId: str(p, 'guidelineId') }],
  [KnowledgeEvent.CourseCompleted]: (e, p) => [{ ...row(ActivityKind.CourseCompletion, str(p, 'accountId'), e.communityId), subjectId: str(p, 'courseId') }],
};

function row(kind: ActivityKind, accountId: string | null, communityId: string | null): Omit<ActivityRow, 'occurredAt' | 'seq'> {
  return { kind, accountId, communityId, subjectId: null, contentId: null, detail: null };
}

/** The activity rows a batch of events makes (pure: the consumer writes them). */
export function activityRowsOf(events: readonly PublishedEvent[]): ActivityRow[] {
  const rows: ActivityRow[] = [];
  for (const event of events) {
    const recorder = RECORDERS[event.type];
    if (!recorder) continue;
    for (const r of recorder(event, event.payload)) rows.push({ ...r, occurredAt: event.occurredAt, seq: event.seq });
  }
  return rows;
}

/**
 * Analytics listens here: the relay runs this consumer on every batch it publishes, in the
 * batch's transaction, so each event becomes activity exactly once. Nothing else writes the
 * activity log, and nothing calls analytics. It also keeps the per-question support facts.
 */
@Injectable()
export class ActivityConsumer implements EventConsumer {
  readonly name = 'analytics';

  constructor(private readonly partitions: ActivityPartitions) {}

  async consume(tx: ConsumerTransaction, events: readonly PublishedEvent[]): Promise<void> {
    const rows = activityRowsOf(events);
    if (rows.length > 0) await insertActivity(tx, this.partitions, rows);
    await recordSupportFacts(tx, events);
  }
}

/** Writes activity rows, creating the months' partitions first when they are new. */
export async function insertActivity(tx: Pick<ConsumerTransaction, 'query'>, partitions: ActivityPartitions, rows: readonly ActivityRow[]): Promise<void> {
  await partitions.ensure(tx, rows.map((r) => r.occurredAt));
  await tx.query(
    `INSERT INTO activity_log (occurred_at, kind, account_id, community_id, subject_id, content_id, event_seq, detail)
     SELECT * FROM unnest($1::timestamptz[], $2::activity_kind[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::bigint[], $8::jsonb[])`,
    [
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.kind),
      rows.map((r) => r.accountId),
      rows.map((r) => r.communityId),
      rows.map((r) => r.subjectId),
      rows.map((r) => r.contentId),
      rows.map((r) => r.seq),
      rows.map((r) => (r.detail ? JSON.stringify(r.detail) : null)),
    ],
  );
}

/**
 * Support facts per question: asked, first answered by someone other than the asker (a reply
 * that is visible: when posted, or when a moderator approves it), resolved (the first acceptance: changing the accepted answer later does not move it),
 * and removed (deleted or taken down), so unanswered backlogs do not count what is gone.
 */
async function recordSupportFacts(tx: ConsumerTransaction, events: readonly PublishedEvent[]): Promise<void> {
  const asked: PublishedEvent[] = [];
  const replies: PublishedEvent[] = [];
  const accepted: PublishedEvent[] = [];
  const removals: Array<[string, boolean]> = [];
  for (const e of events) {
    if (!e.subjectId) continue;
    const p = e.payload;
    if (e.type === ForumEvent.ThreadCreated && p.kind === 'QUESTION' && e.communityId) asked.push(e);
    // A reply answers when it is visible: at once, or when a moderator approves it.
    else if ((e.type === ForumEvent.ReplyCreated || e.type === ForumEvent.ReplyModerated) && p.state === 'VISIBLE' && typeof p.authorId === 'string') replies.push(e);
    else if (e.type === ForumEvent.AnswerAccepted) accepted.push(e);
    else if (e.type === ForumEvent.ThreadModerated) removals.push([e.subjectId, p.state !== 'VISIBLE']);
    else if (e.type === ForumEvent.ThreadEdited && p.deleted === true) removals.push([e.subjectId, true]);
  }
  if (asked.length > 0) {
    await tx.query(
      `INSERT INTO support_questions (thread_id, community_id, asker_id, asked_at, removed)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::boolean[]) ON CONFLICT (thread_id) DO NOTHING`,
      [asked.map((e) => e.subjectId), asked.map((e) => e.communityId), asked.map((e) => e.payload.authorId), asked.map((e) => e.occurredAt), asked.map((e) => e.payload.state !== 'VISIBLE')],
    );
  }
  if (replies.length > 0) {
    await tx.query(
      `UPDATE support_questions q SET first_response_at = r.at
         FROM (SELECT u.thread, min(u.at) AS at
                 FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[]) AS u(thread, at, author)
                 JOIN support_questions s ON s.thread_id = u.thread AND s.asker_id <> u.author AND s.first_response_at IS NULL
                GROUP BY u.thread) r
        WHERE q.thread_id = r.thread`,
      [replies.map((e) => e.subjectId), replies.map((e) => e.occurredAt), replies.map((e) => e.payload.authorId)],
    );
  }
  if (accepted.length > 0) {
    await tx.query(
      `UPDATE support_questions q SET resolved_at = r.at
         FROM (SELECT thread, min(at) AS at FROM unnest($1::uuid[], $2::timestamptz[]) AS u(thread, at) GROUP BY thread) r
        WHERE q.thread_id = r.thread AND q.resolved_at IS NULL`,
      [accepted.map((e) => e.subjectId), accepted.map((e) => e.occurredAt)],
    );
  }
  // In event order: the last word on a thread wins.
  for (const [threadId, removed] of removals) await tx.query(`UPDATE support_questions SET removed = $2 WHERE thread_id = $1`, [threadId, removed]);
}
