import { ActivityKind } from '../activity/activity-kinds';

/**
 * Where past activity is read from: one INSERT … SELECT per kind of act, from the tables that
 * keep it. Each gives rows shaped exactly as the live consumer writes them from the matching
 * domain event (same kind, account, community, subject, content and detail keys), so rollups
 * cannot tell imported history from live activity. Imported rows have no event (event_seq is
 * null): that is how a re-import finds, and replaces, only its own rows.
 *
 * Parameters: $1 the range's first instant, $2 the instant it ends before (exclusive).
 */
export interface HistorySource {
  /** What the rows are, for the import's report. */
  readonly name: string;
  readonly kind: ActivityKind;
  /** A SELECT of (occurred_at, kind, account_id, community_id, subject_id, content_id, detail). */
  readonly select: string;
}

const IN_RANGE = (column: string) => `${column} >= $1 AND ${column} < $2`;

/** Content held by the policy when it was written: the creation event said HELD (it may be visible now). */
const HELD_AT_CREATION = `(SELECT DISTINCT content_id FROM moderation_decisions WHERE action = 'HOLD' AND NOT is_edit)`;

export const HISTORY_SOURCES: readonly HistorySource[] = [
  {
    name: 'threads',
    kind: ActivityKind.Thread,
    // forum.thread.created: the author, the thread; detail { kind, state }.
    select: `SELECT t.created_at, 'THREAD', t.author_id, t.community_id, t.id, NULL::uuid,
                    jsonb_build_object('kind', t.kind, 'state', CASE WHEN h.content_id IS NULL THEN 'VISIBLE' ELSE 'HELD' END)
               FROM forum_threads t LEFT JOIN ${HELD_AT_CREATION} h ON h.content_id = t.id
              WHERE ${IN_RANGE('t.created_at')}`,
  },
  {
    name: 'replies',
    kind: ActivityKind.Reply,
    // forum.reply.created: subject is the thread, content the reply; detail { state }.
    select: `SELECT r.created_at, 'REPLY', r.author_id, r.community_id, r.thread_id, r.id,
                    jsonb_build_object('state', CASE WHEN h.content_id IS NULL THEN 'VISIBLE' ELSE 'HELD' END)
               FROM forum_replies r LEFT JOIN ${HELD_AT_CREATION} h ON h.content_id = r.id
              WHERE ${IN_RANGE('r.created_at')}`,
  },
  {
    name: 'accepted answers',
    kind: ActivityKind.AcceptedAnswer,
    // forum.answer.accepted at the first acceptance (resolved_at); who accepted is not kept, and
    // is the asker but for a moderator's rare choice. detail { replyAuthorId }.
    select: `SELECT t.resolved_at, 'ACCEPTED_ANSWER', t.author_id, t.community_id, t.id, t.accepted_reply_id,
                    jsonb_build_object('replyAuthorId', r.author_id)
               FROM forum_threads t JOIN forum_replies r ON r.id = t.accepted_reply_id
              WHERE t.accepted_reply_id IS NOT NULL AND ${IN_RANGE('t.resolved_at')}`,
  },
  {
    name: 'blog posts',
    kind: ActivityKind.BlogPost,
    // blog.post.published at its publication; detail { state }.
    select: `SELECT p.published_at, 'BLOG_POST', p.author_id, p.community_id, p.id, NULL::uuid,
                    jsonb_build_object('state', CASE WHEN h.content_id IS NULL THEN 'VISIBLE' ELSE 'HELD' END)
               FROM blog_posts p LEFT JOIN ${HELD_AT_CREATION} h ON h.content_id = p.id
              WHERE p.published_at IS NOT NULL AND ${IN_RANGE('p.published_at')}`,
  },
  {
    name: 'comments',
    kind: ActivityKind.Comment,
    // blog.comment.created: subject is the post, content the comment; detail { state }.
    select: `SELECT c.created_at, 'COMMENT', c.author_id, c.community_id, c.post_id, c.id,
                    jsonb_build_object('state', CASE WHEN h.content_id IS NULL THEN 'VISIBLE' ELSE 'HELD' END)
               FROM blog_comments c LEFT JOIN ${HELD_AT_CREATION} h ON h.content_id = c.id
              WHERE ${IN_RANGE('c.created_at')}`,
  },
  {
    name: 'reactions',
    kind: ActivityKind.Reaction,
    // reaction.changed (on): subject is what the post's readers follow (the thread of a reply,
    // the post of a comment, else the post itself), content the post; detail { kind, authorId }.
    select: `SELECT x.created_at, 'REACTION', x.account_id, x.community_id,
                    coalesce(t.id, r.thread_id, p.id, c.post_id, x.target_id), x.target_id,
                    jsonb_build_object('kind', x.kind, 'authorId', coalesce(t.author_id, r.author_id, p.author_id, c.author_id))
               FROM forum_reactions x
               LEFT JOIN forum_threads t ON t.id = x.target_id
               LEFT JOIN forum_replies r ON r.id = x.target_id
               LEFT JOIN blog_posts p ON p.id = x.target_id
               LEFT JOIN blog_comments c ON c.id = x.target_id
              WHERE ${IN_RANGE('x.created_at')}`,
  },
  {
    name: 'thread views',
    kind: ActivityKind.View,
    // content.viewed: one per person, thread and day, kept by day only: placed at the day's noon (UTC).
    select: `SELECT (v.day + time '12:00') AT TIME ZONE 'UTC', 'VIEW', v.account_id, t.community_id, v.thread_id, NULL::uuid, '{"thing": "thread"}'::jsonb
               FROM forum_thread_views v JOIN forum_threads t ON t.id = v.thread_id
              WHERE ${IN_RANGE(`((v.day + time '12:00') AT TIME ZONE 'UTC')`)}`,
  },
  {
    name: 'article views',
    kind: ActivityKind.View,
    select: `SELECT (v.day + time '12:00') AT TIME ZONE 'UTC', 'VIEW', v.account_id, a.community_id, v.article_id, NULL::uuid, '{"thing": "article"}'::jsonb
               FROM knowledge_article_views v JOIN knowledge_articles a ON a.id = v.article_id
              WHERE ${IN_RANGE(`((v.day + time '12:00') AT TIME ZONE 'UTC')`)}`,
  },
  {
    name: 'joins',
    kind: ActivityKind.Join,
    // community.membership.changed JOINED; memberships older than the membership history count from joined_at.
    select: `SELECT e.occurred_at, 'JOIN', e.account_id, e.community_id, NULL::uuid, NULL::uuid, NULL::jsonb
               FROM community_membership_events e
              WHERE e.kind = 'JOINED' AND ${IN_RANGE('e.occurred_at')}
             UNION ALL
             SELECT m.joined_at, 'JOIN', m.account_id, m.community_id, NULL::uuid, NULL::uuid, NULL::jsonb
               FROM community_memberships m
              WHERE ${IN_RANGE('m.joined_at')}
                AND NOT EXISTS (SELECT 1 FROM community_membership_events e
                                 WHERE e.community_id = m.community_id AND e.account_id = m.account_id AND e.kind = 'JOINED')`,
  },
  {
    name: 'leaves',
    kind: ActivityKind.Leave,
    // A removal or ban is a leave too; detail { kind }.
    select: `SELECT e.occurred_at, 'LEAVE', e.account_id, e.community_id, NULL::uuid, NULL::uuid, jsonb_build_object('kind', e.kind)
               FROM community_membership_events e
              WHERE e.kind IN ('LEFT', 'REMOVED', 'BANNED') AND ${IN_RANGE('e.occurred_at')}`,
  },
  {
    name: 'flags',
    kind: ActivityKind.Flag,
    select: `SELECT f.created_at, 'FLAG', f.flagger_id, f.community_id, f.content_id, NULL::uuid,
                    jsonb_build_object('contentKind', f.content_kind, 'reason', f.reason)
               FROM content_flags f WHERE ${IN_RANGE('f.created_at')}`,
  },
  {
    name: 'moderation decisions',
    kind: ActivityKind.ModerationDecision,
    // moderation.decision.recorded is told for holds and rejections only (allowed posts are their own events).
    select: `SELECT d.created_at, 'MODERATION_DECISION', d.author_id, d.community_id, d.content_id, NULL::uuid,
                    jsonb_build_object('action', d.action, 'ruleId', d.rule_id, 'contentKind', d.content_kind)
               FROM moderation_decisions d WHERE d.action IN ('HOLD', 'REJECT') AND ${IN_RANGE('d.created_at')}`,
  },
  {
    name: 'review queue entries',
    kind: ActivityKind.QueueEntered,
    // The queue's comings and goings are the platform's acts: no account.
    select: `SELECT q.created_at, 'QUEUE_ENTERED', NULL::uuid, q.community_id, q.content_id, q.id, jsonb_build_object('source', q.source)
               FROM moderation_queue_items q WHERE ${IN_RANGE('q.created_at')}`,
  },
  {
    name: 'review queue decisions',
    kind: ActivityKind.QueueLeft,
    select: `SELECT q.decided_at, 'QUEUE_LEFT', NULL::uuid, q.community_id, q.content_id, q.id, jsonb_build_object('status', q.status)
               FROM moderation_queue_items q WHERE q.status <> 'PENDING' AND ${IN_RANGE('q.decided_at')}`,
  },
  {
    name: 'appeal decisions',
    kind: ActivityKind.AppealDecided,
    select: `SELECT a.decided_at, 'APPEAL_DECIDED', NULL::uuid, a.community_id, a.id, NULL::uuid, jsonb_build_object('status', a.status)
               FROM moderation_appeals a WHERE a.status <> 'PENDING' AND ${IN_RANGE('a.decided_at')}`,
  },
  {
    name: 'guideline acknowledgements',
    kind: ActivityKind.Acknowledgement,
    select: `SELECT k.acknowledged_at, 'ACKNOWLEDGEMENT', k.account_id, g.community_id, k.guideline_id, NULL::uuid, NULL::jsonb
               FROM guideline_acknowledgements k JOIN guidelines g ON g.id = k.guideline_id
              WHERE ${IN_RANGE('k.acknowledged_at')}`,
  },
  {
    name: 'course completions',
    kind: ActivityKind.CourseCompletion,
    // Courses are platform-wide: no community, as the live event has none.
    select: `SELECT e.completed_at, 'COURSE_COMPLETION', e.account_id, NULL::uuid, e.course_id, NULL::uuid, NULL::jsonb
               FROM training_enrolments e WHERE ${IN_RANGE('e.completed_at')}`,
  },
  {
    name: 'sign-ins',
    kind: ActivityKind.SignIn,
    select: `SELECT s.created_at, 'SIGN_IN', s.account_id, NULL::uuid, NULL::uuid, NULL::uuid, NULL::jsonb
               FROM sessions s WHERE ${IN_RANGE('s.created_at')}`,
  },
];

/**
 * Imported rows the consumer also wrote: content is stamped by the application a moment before
 * its transaction (whose start stamps the event), and instances' clocks differ, so the content
 * of the first live events can fall just before the range's end. Such an act is the live row's
 * (same kind, person, subject and content, minutes apart; a view on the same day).
 */
export const IMPORTED_TWICE = `
  DELETE FROM activity_log i USING activity_log l
   WHERE i.event_seq IS NULL AND i.occurred_at >= $1::timestamptz - interval '1 day' AND i.occurred_at < $1
     AND l.event_seq IS NOT NULL AND l.occurred_at >= $1 AND l.occurred_at < $1::timestamptz + interval '1 day'
     AND l.kind = i.kind AND l.account_id IS NOT DISTINCT FROM i.account_id
     AND l.subject_id IS NOT DISTINCT FROM i.subject_id AND l.content_id IS NOT DISTINCT FROM i.content_id
     AND CASE WHEN i.kind = 'VIEW' THEN (i.occurred_at AT TIME ZONE 'UTC')::date = (l.occurred_at AT TIME ZONE 'UTC')::date
              ELSE l.occurred_at - i.occurred_at < interval '10 minutes' END`;

/**
 * Daily presence for the days people did something but did not sign in (a session kept open):
 * one PRESENCE per person and day (in the organisation's time zone, $3), at their first act that
 * day, from the rows just imported. Joins and leaves do not count: a manager may have added them.
 */
export const PRESENCE_FROM_IMPORTED = `
  INSERT INTO activity_log (occurred_at, kind, account_id, community_id, subject_id, content_id, event_seq, detail)
  SELECT min(occurred_at), 'PRESENCE', account_id, NULL, NULL, NULL, NULL, NULL
    FROM activity_log
   WHERE event_seq IS NULL AND occurred_at >= $1 AND occurred_at < $2 AND account_id IS NOT NULL
     AND kind NOT IN ('JOIN', 'LEAVE', 'PRESENCE')
   GROUP BY account_id, (occurred_at AT TIME ZONE $3)::date
  HAVING NOT bool_or(kind = 'SIGN_IN')`;

/**
 * Support facts of the questions asked in the range, as the consumer keeps them: first answered
 * by someone else (the thread keeps that time), resolved at the first acceptance, removed when
 * deleted or taken down. Facts, not events: a question the consumer already knows is refreshed.
 */
export const SUPPORT_QUESTIONS_FROM_THREADS = `
  INSERT INTO support_questions (thread_id, community_id, asker_id, asked_at, first_response_at, resolved_at, removed)
  SELECT t.id, t.community_id, t.author_id, t.created_at, t.first_response_at, t.resolved_at, t.deleted_at IS NOT NULL OR t.moderation_state <> 'VISIBLE'
    FROM forum_threads t
   WHERE t.kind = 'QUESTION' AND t.created_at >= $1 AND t.created_at < $2
  ON CONFLICT (thread_id) DO UPDATE SET community_id = EXCLUDED.community_id, asker_id = EXCLUDED.asker_id, asked_at = EXCLUDED.asked_at,
         first_response_at = EXCLUDED.first_response_at, resolved_at = EXCLUDED.resolved_at, removed = EXCLUDED.removed`;
