import { Injectable } from '@nestjs/common';
import type { ConsumerTransaction, EventConsumer, PublishedEvent } from '@commons/server-realtime';
import { NOTIFICATION_CHANGED, NotificationKind, NotificationTargetKind } from './notification-kinds';
import { READS_COMMUNITY_SQL, wantsSql } from './recipient-rules';

/**
 * Who is told, for one kind of event: a SELECT of candidate rows with the columns recipient_id,
 * kind, community_id, target_kind, target_id, actor_ids, group_key, rank (the lowest wins when
 * one person is a candidate several ways: the thread's author who also follows it hears
 * "replied to your thread" once) and personal (about the recipient themselves, so told whatever
 * their access to the community: a moderation notice after a ban, an invitation to a private
 * community); and ord, the place of its event in the batch (notifications of one batch keep the
 * events' order: each is timed a millisecond after the one before).
 */
interface Candidates {
  sql: string;
  params: unknown[];
}

const VISIBLE_THREAD = `t.moderation_state = 'VISIBLE' AND t.deleted_at IS NULL`;
const VISIBLE_REPLY = `r.moderation_state = 'VISIBLE' AND r.deleted_at IS NULL AND ${VISIBLE_THREAD}`;
const LIVE_POST = `p.state = 'PUBLISHED' AND p.moderation_state = 'VISIBLE' AND p.published_at <= now()`;
/** Times at millisecond precision, so keyset cursors made from JavaScript dates find them again. */
const NOW = `date_trunc('milliseconds', now())`;
/** People named on a notification; `actor_count` keeps the total. */
const ACTORS_KEPT = 5;

/** The content kinds moderation names, as notification targets. */
const CONTENT_TARGETS = `CASE e.content_kind
  WHEN 'forum-thread' THEN '${NotificationTargetKind.THREAD}' WHEN 'forum-reply' THEN '${NotificationTargetKind.REPLY}'
  WHEN 'blog-post' THEN '${NotificationTargetKind.BLOG_POST}' WHEN 'blog-comment' THEN '${NotificationTargetKind.BLOG_COMMENT}' END`;

const K = NotificationKind;
const T = NotificationTargetKind;

/**
 * Stored notifications, made from the events the relay publishes, in the relay's transaction
 * (exactly once across instances). Each kind of event is one INSERT … SELECT for the whole batch,
 * whatever the number of recipients: recipients are chosen in SQL, only those who may read the
 * content at this moment, never the actor, and only as their preferences allow. Held content
 * tells nobody until it is approved (its moderated-to-VISIBLE event then does).
 */
@Injectable()
export class NotificationConsumer implements EventConsumer {
  readonly name = 'notifications';

  async consume(tx: ConsumerTransaction, events: readonly PublishedEvent[]): Promise<void> {
    const of = (...types: string[]) => events.filter((e) => types.includes(e.type));
    const visible = (e: PublishedEvent) => e.payload['state'] === 'VISIBLE';
    const ids = (list: PublishedEvent[], key: string) => [...new Set(list.map((e) => String(e.payload[key])))];
    const notified: Array<{ id: string; recipient_id: string }> = [];
    const insert = async (candidates: Candidates | null, aggregate = false) => {
      if (candidates) notified.push(...(await tx.query<{ id: string; recipient_id: string }>(insertSql(candidates.sql, aggregate), candidates.params)));
    };

    const replies = ids(of('forum.reply.created', 'forum.reply.moderated').filter(visible), 'replyId');
    await insert(replies.length ? replyCandidates(replies) : null);
    const threads = [...new Set(of('forum.thread.created', 'forum.thread.moderated').filter(visible).map((e) => e.subjectId as string))];
    await insert(threads.length ? threadCandidates(threads) : null);
    const accepted = of('forum.answer.accepted');
    await insert(accepted.length ? answerCandidates(accepted) : null);
    const reactions = of('reaction.changed').filter((e) => e.payload['on'] === true);
    await insert(reactions.length ? reactionCandidates(reactions) : null, true);
    const posts = [...new Set(of('blog.post.published', 'blog.post.moderated').filter(visible).map((e) => e.subjectId as string))];
    await insert(posts.length ? blogPostCandidates(posts) : null);
    const comments = ids(of('blog.comment.created', 'blog.comment.moderated').filter(visible), 'commentId');
    await insert(comments.length ? blogCommentCandidates(comments) : null);
    const holds = of('moderation.decision.recorded').filter((e) => e.payload['action'] === 'HOLD');
    await insert(holds.length ? heldCandidates(holds) : null);
    const notices = ids(of('moderation.notice.created'), 'noticeId');
    await insert(notices.length ? noticeCandidates(notices) : null);
    const invitations = ids(of('community.invitation.created'), 'invitationId');
    await insert(invitations.length ? invitationCandidates(invitations) : null);
    const requests = ids(of('community.join-request.created'), 'requestId');
    await insert(requests.length ? joinRequestCandidates(requests) : null);
    const decided = ids(of('community.join-request.decided'), 'requestId');
    await insert(decided.length ? joinDecisionCandidates(decided) : null);
    const asked = of(...KNOWLEDGE_REQUESTS);
    await insert(asked.length ? knowledgeRequestCandidates(asked) : null);
    const guidelines = of('knowledge.guideline.version-published').filter((e) => e.payload['material'] === true);
    await insert(guidelines.length ? guidelineAudienceCandidates(guidelines) : null);
    const breaches = ids(of('analytics.sla.breached'), 'threadId');
    await insert(breaches.length ? slaBreachCandidates(breaches) : null);

    // One event per person whose notifications changed, naming the newest: open subscriptions update from it.
    const newest = new Map<string, string>();
    for (const row of notified) newest.set(row.recipient_id, row.id);
    for (const [recipientId, notificationId] of newest) {
      tx.record({ type: NOTIFICATION_CHANGED, communityId: null, subjectId: recipientId, payload: { notificationId } });
    }
  }
}

/**
 * Chooses among the candidates (readers of the content only, never the actor, preferences
 * respected, one row per person and group) and inserts them. A group notified before is not
 * notified again; with `aggregate`, an unread notification of the same group gathers the new
 * actors instead (reactions), and says nothing when they were all counted already.
 */
function insertSql(candidates: string, aggregate: boolean): string {
  return `WITH candidates AS (${candidates}),
    chosen AS (
      SELECT DISTINCT ON (x.recipient_id, x.group_key) x.*
        FROM candidates x
        JOIN accounts a ON a.id = x.recipient_id
        LEFT JOIN communities c ON c.id = x.community_id
        LEFT JOIN notification_preferences p ON p.account_id = x.recipient_id
       WHERE x.recipient_id IS NOT NULL
         AND x.recipient_id <> ALL(x.actor_ids)
         AND (x.personal OR (c.id IS NOT NULL AND ${READS_COMMUNITY_SQL}))
         AND ${wantsSql('x.kind')}
       ORDER BY x.recipient_id, x.group_key, x.rank
    )
    INSERT INTO notifications (id, recipient_id, kind, community_id, target_kind, target_id, actor_ids, actor_count, group_key, created_at, updated_at)
    SELECT gen_random_uuid(), x.recipient_id, x.kind::notification_kind, x.community_id, x.target_kind::notification_target_kind, x.target_id,
           x.actor_ids[1:${ACTORS_KEPT}], cardinality(x.actor_ids), x.group_key, ${NOW} + (x.ord - 1) * interval '1 millisecond', ${NOW} + (x.ord - 1) * interval '1 millisecond'
      FROM chosen x
    ${
      aggregate
        ? `ON CONFLICT (recipient_id, group_key) WHERE read_at IS NULL DO UPDATE SET
             -- Only newcomers go in front, latest first: someone already named who reacts again keeps their place.
             actor_ids = (ARRAY(SELECT u FROM unnest(EXCLUDED.actor_ids) WITH ORDINALITY AS a(u, i) WHERE u <> ALL(notifications.actor_ids) ORDER BY i)
                          || notifications.actor_ids)[1:${ACTORS_KEPT}],
             actor_count = notifications.actor_count + EXCLUDED.actor_count
                           - (SELECT count(*) FROM unnest(EXCLUDED.actor_ids) u WHERE u = ANY(notifications.actor_ids))::int,
             updated_at = EXCLUDED.updated_at
           WHERE EXISTS (SELECT 1 FROM unnest(EXCLUDED.actor_ids) u WHERE u <> ALL(notifications.actor_ids))`
        : `WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.recipient_id = x.recipient_id AND n.group_key = x.group_key)
           ON CONFLICT DO NOTHING`
    }
    RETURNING id, recipient_id`;
}

/** Follow `f` is of one of the tags of post `post` (a thread or a blog post; tags are followed per community). */
function followsTagOf(post: string): string {
  return `(f.target_kind = 'TAG' AND f.target_key = ANY(ARRAY(SELECT ${post}.community_id || ':' || tag FROM unnest(${post}.tags) tag)))`;
}

/** A visible reply: the thread's author, the author of the reply it quotes, the people it mentions, the thread's followers. */
function replyCandidates(replyIds: string[]): Candidates {
  return {
    sql: `SELECT x.recipient_id, x.kind, r.community_id, '${T.REPLY}' AS target_kind, r.id AS target_id, ARRAY[r.author_id] AS actor_ids,
                 'reply:' || r.id AS group_key, x.rank, false AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord)
            JOIN forum_replies r ON r.id = e.id
            JOIN forum_threads t ON t.id = r.thread_id
            CROSS JOIN LATERAL (
              SELECT t.author_id AS recipient_id, '${K.THREAD_REPLY}' AS kind, 1 AS rank
              UNION ALL SELECT q.author_id, '${K.REPLY_QUOTED}', 2 FROM forum_replies q WHERE q.id = r.reply_to_id AND q.deleted_at IS NULL
              UNION ALL SELECT m.account_id, '${K.MENTION}', 3 FROM content_mentions m WHERE m.content_id = r.id
              UNION ALL SELECT f.account_id, '${K.FOLLOWED_THREAD_REPLY}', 4 FROM forum_follows f WHERE f.target_kind = 'THREAD' AND f.target_key = t.id::text
            ) x
           WHERE ${VISIBLE_REPLY}`,
    params: [replyIds],
  };
}

/** A visible new thread: the people it mentions, the followers of its category and of its tags. */
function threadCandidates(threadIds: string[]): Candidates {
  return {
    sql: `SELECT x.recipient_id, x.kind, t.community_id, '${T.THREAD}' AS target_kind, t.id AS target_id, ARRAY[t.author_id] AS actor_ids,
                 'thread:' || t.id AS group_key, x.rank, false AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord)
            JOIN forum_threads t ON t.id = e.id
            CROSS JOIN LATERAL (
              SELECT m.account_id AS recipient_id, '${K.MENTION}' AS kind, 1 AS rank FROM content_mentions m WHERE m.content_id = t.id
              UNION ALL SELECT f.account_id, '${K.FOLLOWED_NEW_THREAD}', 2 FROM forum_follows f WHERE f.target_kind = 'CATEGORY' AND f.target_key = t.category_id::text
              UNION ALL SELECT f.account_id, '${K.FOLLOWED_NEW_THREAD}', 2 FROM forum_follows f WHERE ${followsTagOf('t')}
            ) x
           WHERE ${VISIBLE_THREAD}`,
    params: [threadIds],
  };
}

/** An accepted answer: the reply's author, and the asker when someone else (a moderator) chose it. */
function answerCandidates(events: PublishedEvent[]): Candidates {
  return {
    sql: `SELECT x.recipient_id, x.kind, r.community_id, '${T.REPLY}' AS target_kind, r.id AS target_id, ARRAY[e.by_id] AS actor_ids,
                 'answer:' || r.id AS group_key, x.rank, false AS personal, e.ord
            FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS e(reply_id, by_id, ord)
            JOIN forum_replies r ON r.id = e.reply_id
            JOIN forum_threads t ON t.id = r.thread_id AND t.accepted_reply_id = r.id
            CROSS JOIN LATERAL (
              SELECT r.author_id AS recipient_id, '${K.ANSWER_ACCEPTED}' AS kind, 1 AS rank
              UNION ALL SELECT t.author_id, '${K.QUESTION_ANSWERED}', 2
            ) x
           WHERE ${VISIBLE_REPLY}`,
    params: [events.map((e) => e.payload['replyId']), events.map((e) => e.payload['by'])],
  };
}

/**
 * Reactions still in place on visible posts, gathered per post and person reacted to: the
 * newest reactors first. Reacting again, or with another kind, adds nobody new and moves nobody.
 */
function reactionCandidates(events: PublishedEvent[]): Candidates {
  return {
    sql: `WITH ev AS (
            SELECT e.target_id, e.recipient_id, e.actor_id, e.ord
              FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS e(target_id, recipient_id, actor_id, ord)
             WHERE EXISTS (SELECT 1 FROM forum_reactions x WHERE x.target_id = e.target_id AND x.account_id = e.actor_id)
               -- Your own reaction tells you nothing; left in, it would drop the others gathered with it in this batch.
               AND e.actor_id IS DISTINCT FROM e.recipient_id
          ),
          -- Each person counts from their first reaction in the batch, as they would across batches.
          per_actor AS (SELECT target_id, recipient_id, actor_id, min(ord) AS ord FROM ev GROUP BY 1, 2, 3),
          grouped AS (SELECT target_id, recipient_id, array_agg(actor_id ORDER BY ord DESC) AS actor_ids, max(ord) AS ord FROM per_actor GROUP BY 1, 2),
          targets AS (
            SELECT t.id, t.community_id, '${T.THREAD}' AS target_kind FROM forum_threads t
             WHERE t.id IN (SELECT target_id FROM grouped) AND ${VISIBLE_THREAD}
            UNION ALL
            SELECT r.id, r.community_id, '${T.REPLY}' FROM forum_replies r JOIN forum_threads t ON t.id = r.thread_id
             WHERE r.id IN (SELECT target_id FROM grouped) AND ${VISIBLE_REPLY}
            UNION ALL
            SELECT p.id, p.community_id, '${T.BLOG_POST}' FROM blog_posts p
             WHERE p.id IN (SELECT target_id FROM grouped) AND ${LIVE_POST}
            UNION ALL
            SELECT bc.id, bc.community_id, '${T.BLOG_COMMENT}' FROM blog_comments bc JOIN blog_posts p ON p.id = bc.post_id
             WHERE bc.id IN (SELECT target_id FROM grouped) AND bc.moderation_state = 'VISIBLE' AND bc.deleted_at IS NULL AND ${LIVE_POST}
          )
          SELECT g.recipient_id, '${K.REACTION}' AS kind, tg.community_id, tg.target_kind, g.target_id, g.actor_ids,
                 'reaction:' || g.target_id AS group_key, 1 AS rank, false AS personal, g.ord
            FROM grouped g JOIN targets tg ON tg.id = g.target_id`,
    params: [events.map((e) => e.payload['targetId']), events.map((e) => e.payload['authorId']), events.map((e) => e.payload['accountId'])],
  };
}

/**
 * A blog post that is live now: the people it mentions and the followers of its blog and of its
 * tags. A post scheduled for later tells nobody yet; ScheduledPostAnnouncer records its event
 * again when its time comes.
 */
function blogPostCandidates(postIds: string[]): Candidates {
  return {
    sql: `SELECT x.recipient_id, x.kind, p.community_id, '${T.BLOG_POST}' AS target_kind, p.id AS target_id, ARRAY[p.author_id] || p.co_author_ids AS actor_ids,
                 'post:' || p.id AS group_key, x.rank, false AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord)
            JOIN blog_posts p ON p.id = e.id
            CROSS JOIN LATERAL (
              SELECT m.account_id AS recipient_id, '${K.MENTION}' AS kind, 1 AS rank FROM content_mentions m WHERE m.content_id = p.id
              UNION ALL SELECT f.account_id, '${K.FOLLOWED_BLOG_POST}', 2 FROM forum_follows f
                         WHERE (f.target_kind = 'BLOG' AND f.target_key = p.community_id::text)
                            OR ${followsTagOf('p')}
            ) x
           WHERE ${LIVE_POST}`,
    params: [postIds],
  };
}

/** A visible comment: the post's authors, the author of the comment it answers, the people it mentions. */
function blogCommentCandidates(commentIds: string[]): Candidates {
  return {
    sql: `SELECT x.recipient_id, x.kind, bc.community_id, '${T.BLOG_COMMENT}' AS target_kind, bc.id AS target_id, ARRAY[bc.author_id] AS actor_ids,
                 'comment:' || bc.id AS group_key, x.rank, false AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord)
            JOIN blog_comments bc ON bc.id = e.id
            JOIN blog_posts p ON p.id = bc.post_id
            CROSS JOIN LATERAL (
              SELECT author AS recipient_id, '${K.BLOG_COMMENT}' AS kind, 1 AS rank FROM unnest(ARRAY[p.author_id] || p.co_author_ids) author
              UNION ALL SELECT parent.author_id, '${K.COMMENT_REPLY}', 2 FROM blog_comments parent WHERE parent.id = bc.parent_id AND parent.deleted_at IS NULL
              UNION ALL SELECT m.account_id, '${K.MENTION}', 3 FROM content_mentions m WHERE m.content_id = bc.id
            ) x
           WHERE bc.moderation_state = 'VISIBLE' AND bc.deleted_at IS NULL AND ${LIVE_POST}`,
    params: [commentIds],
  };
}

/** A post held by the policy: its author, while it still waits in the queue. */
function heldCandidates(events: PublishedEvent[]): Candidates {
  return {
    sql: `SELECT e.author_id AS recipient_id, '${K.CONTENT_HELD}' AS kind, e.community_id, ${CONTENT_TARGETS} AS target_kind, e.content_id AS target_id,
                 '{}'::uuid[] AS actor_ids, 'held:' || e.decision_id AS group_key, 1 AS rank, true AS personal, e.ord
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[]) WITH ORDINALITY AS e(decision_id, content_id, content_kind, author_id, community_id, ord)
           WHERE ${CONTENT_TARGETS} IS NOT NULL
             AND EXISTS (SELECT 1 FROM moderation_queue_items q WHERE q.content_id = e.content_id AND q.status = 'PENDING')`,
    params: [
      events.map((e) => e.payload['decisionId']),
      events.map((e) => e.subjectId),
      events.map((e) => e.payload['contentKind']),
      events.map((e) => e.payload['authorId']),
      events.map((e) => e.communityId),
    ],
  };
}

/** What moderation told someone: the notification points at the notice, which holds the words. */
function noticeCandidates(noticeIds: string[]): Candidates {
  return {
    sql: `SELECT n.account_id AS recipient_id, '${K.MODERATION_NOTICE}' AS kind, n.community_id, '${T.MODERATION_NOTICE}' AS target_kind, n.id AS target_id,
                 '{}'::uuid[] AS actor_ids, 'notice:' || n.id AS group_key, 1 AS rank, true AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord) JOIN moderation_notices n ON n.id = e.id`,
    params: [noticeIds],
  };
}

/** An invitation still pending, to the account it names. */
function invitationCandidates(invitationIds: string[]): Candidates {
  return {
    sql: `SELECT i.account_id AS recipient_id, '${K.COMMUNITY_INVITATION}' AS kind, i.community_id, '${T.COMMUNITY_INVITATION}' AS target_kind, i.id AS target_id,
                 ARRAY[i.invited_by_id] AS actor_ids, 'invitation:' || i.id AS group_key, 1 AS rank, true AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord) JOIN community_invitations i ON i.id = e.id
           WHERE i.status = 'PENDING' AND i.account_id IS NOT NULL`,
    params: [invitationIds],
  };
}

/** A request to join, still pending, to the community's managers. */
function joinRequestCandidates(requestIds: string[]): Candidates {
  return {
    sql: `SELECT m.account_id AS recipient_id, '${K.JOIN_REQUESTED}' AS kind, r.community_id, '${T.JOIN_REQUEST}' AS target_kind, r.id AS target_id,
                 ARRAY[r.account_id] AS actor_ids, 'join-request:' || r.id AS group_key, 1 AS rank, false AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord)
            JOIN community_join_requests r ON r.id = e.id
            JOIN community_memberships m ON m.community_id = r.community_id AND m.role = 'MANAGER'
           WHERE r.status = 'PENDING'`,
    params: [requestIds],
  };
}

/**
 * What the Center of Excellence asks of named people, each event naming its recipients: a review,
 * a review's outcome, a review that is due, a reminder to acknowledge, an assigned or due course.
 */
const KNOWLEDGE_REQUESTS = [
  'knowledge.article.review-requested',
  'knowledge.article.reviewed',
  'knowledge.article.review-due',
  'knowledge.guideline.reminder-sent',
  'knowledge.course.assigned',
  'knowledge.course.due-soon',
];

/** One row per (event, recipient): kind, target, who acted and what groups it, from the event's own ids. */
function knowledgeRequestCandidates(events: PublishedEvent[]): Candidates {
  const rows = events.flatMap((e) => {
    const p = e.payload;
    const list = (key: string) => (Array.isArray(p[key]) ? (p[key] as string[]) : []);
    switch (e.type) {
      case 'knowledge.article.review-requested':
        return list('reviewerIds').map((to) => [to, K.ARTICLE_REVIEW_REQUESTED, T.ARTICLE, p['articleId'], null, `article-review:${p['articleId']}:${e.seq}`]);
      case 'knowledge.article.reviewed':
        return list('ownerIds').map((to) => [to, p['approved'] ? K.ARTICLE_APPROVED : K.ARTICLE_RETURNED, T.ARTICLE, p['articleId'], p['reviewerId'] ?? null, `article-reviewed:${p['articleId']}:${e.seq}`]);
      case 'knowledge.article.review-due':
        return list('ownerIds').map((to) => [to, K.ARTICLE_REVIEW_DUE, T.ARTICLE, p['articleId'], null, `article-due:${p['articleId']}:${e.seq}`]);
      case 'knowledge.guideline.reminder-sent':
        return list('accountIds').map((to) => [to, K.GUIDELINE_REMINDER, T.GUIDELINE, p['guidelineId'], null, `guideline-reminder:${p['versionId']}:${e.seq}`]);
      case 'knowledge.course.assigned':
        return list('accountIds').map((to) => [to, K.COURSE_ASSIGNED, T.COURSE, p['courseId'], p['assignedBy'] ?? null, `course-assigned:${p['courseId']}`]);
      case 'knowledge.course.due-soon':
        return list('accountIds').map((to) => [to, K.COURSE_DUE_SOON, T.COURSE, p['courseId'], null, `course-due:${p['courseId']}:${p['dueAt']}`]);
      default:
        return [];
    }
  });
  const column = (i: number) => rows.map((r) => r[i] ?? null);
  return {
    sql: `SELECT e.recipient_id, e.kind, NULL::uuid AS community_id, e.target_kind, e.target_id,
                 CASE WHEN e.actor_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[e.actor_id] END AS actor_ids,
                 e.group_key, 1 AS rank, true AS personal, e.ord
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[])
                 WITH ORDINALITY AS e(recipient_id, kind, target_kind, target_id, actor_id, group_key, ord)`,
    params: [column(0), column(1), column(2), column(3), column(4), column(5)],
  };
}

/**
 * A new material version of a guideline: everyone in its audience (members of its community, for
 * a community's guideline) who has not acknowledged that version is asked to.
 */
function guidelineAudienceCandidates(events: PublishedEvent[]): Candidates {
  return {
    sql: `SELECT a.id AS recipient_id, '${K.GUIDELINE_ACKNOWLEDGEMENT_REQUESTED}' AS kind, NULL::uuid AS community_id, '${T.GUIDELINE}' AS target_kind,
                 g.id AS target_id, '{}'::uuid[] AS actor_ids, 'guideline:' || e.version_id AS group_key, 1 AS rank, true AS personal, e.ord
            FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS e(guideline_id, version_id, ord)
            JOIN guidelines g ON g.id = e.guideline_id
            JOIN accounts a ON a.audience = ANY(g.audiences) AND a.suspended_at IS NULL
           WHERE (g.community_id IS NULL OR EXISTS (SELECT 1 FROM community_memberships m WHERE m.community_id = g.community_id AND m.account_id = a.id))
             AND NOT EXISTS (SELECT 1 FROM guideline_acknowledgements k WHERE k.version_id = e.version_id AND k.account_id = a.id)`,
    params: [events.map((e) => e.payload['guidelineId']), events.map((e) => e.payload['versionId'])],
  };
}

/** A question past its community's first-response SLA, still visible and unanswered: the community's managers. */
function slaBreachCandidates(threadIds: string[]): Candidates {
  return {
    sql: `SELECT m.account_id AS recipient_id, '${K.SLA_BREACHED}' AS kind, t.community_id, '${T.THREAD}' AS target_kind, t.id AS target_id,
                 '{}'::uuid[] AS actor_ids, 'sla:' || t.id AS group_key, 1 AS rank, false AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord)
            JOIN forum_threads t ON t.id = e.id
            JOIN community_memberships m ON m.community_id = t.community_id AND m.role = 'MANAGER'
           WHERE ${VISIBLE_THREAD} AND t.accepted_reply_id IS NULL`,
    params: [threadIds],
  };
}

/** A decided request, to the person who asked (without naming the manager who decided). */
function joinDecisionCandidates(requestIds: string[]): Candidates {
  return {
    sql: `SELECT r.account_id AS recipient_id,
                 CASE r.status WHEN 'APPROVED' THEN '${K.JOIN_REQUEST_APPROVED}' ELSE '${K.JOIN_REQUEST_DENIED}' END AS kind,
                 r.community_id, '${T.JOIN_REQUEST}' AS target_kind, r.id AS target_id,
                 '{}'::uuid[] AS actor_ids, 'join-request-decided:' || r.id AS group_key, 1 AS rank, true AS personal, e.ord
            FROM unnest($1::uuid[]) WITH ORDINALITY AS e(id, ord) JOIN community_join_requests r ON r.id = e.id
           WHERE r.status IN ('APPROVED', 'DENIED')`,
    params: [requestIds],
  };
}
