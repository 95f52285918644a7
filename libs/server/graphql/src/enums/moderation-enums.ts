import { registerEnumType } from '@nestjs/graphql';
import { ContentKind, MODERATION_STATES } from '@commons/shared-contracts';
import { graphqlEnum } from '../inputs/input-helpers';

// Enums more than one domain puts in its types (content carries its moderation state; the
// review queue names content kinds), registered once here.

export const ModerationStateEnum = graphqlEnum(MODERATION_STATES);
registerEnumType(ModerationStateEnum, {
  name: 'ModerationState',
  description: 'VISIBLE to everyone who may read the community; otherwise seen only by its author and the moderators.',
  valuesMap: {
    HELD: { description: 'Held by the policy: awaiting review.' },
    HIDDEN: { description: 'Hidden after flags: awaiting review.' },
    REJECTED: { description: 'Rejected by a moderator.' },
  },
});

/** GraphQL names for content kinds ('forum-thread' is FORUM_THREAD). */
export const ContentKindEnum = {
  FORUM_THREAD: ContentKind.ForumThread,
  FORUM_REPLY: ContentKind.ForumReply,
  BLOG_POST: ContentKind.BlogPost,
  BLOG_COMMENT: ContentKind.BlogComment,
  KNOWLEDGE_FEEDBACK: ContentKind.KnowledgeFeedback,
} as const;
registerEnumType(ContentKindEnum, { name: 'ContentKind' });
