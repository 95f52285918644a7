import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, ReadableWithParent } from '@commons/server-graphql';
import { EmailDigest, NotificationKind, NotificationTargetKind } from '../notification-kinds';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification tells you.',
  valuesMap: {
    THREAD_REPLY: { description: 'Someone replied to your thread.' },
    REPLY_QUOTED: { description: 'Someone replied quoting your reply.' },
    FOLLOWED_THREAD_REPLY: { description: 'A new reply in a thread you follow.' },
    FOLLOWED_NEW_THREAD: { description: 'A new thread in a category or under a tag you follow.' },
    FOLLOWED_BLOG_POST: { description: 'A new post in a blog, or under a tag, you follow.' },
    MENTION: { description: 'Someone mentioned you.' },
    ANSWER_ACCEPTED: { description: 'Your reply was accepted as the answer.' },
    QUESTION_ANSWERED: { description: 'A moderator accepted an answer to your question.' },
    REACTION: { description: 'People reacted to your post (gathered while unread).' },
    BLOG_COMMENT: { description: 'Someone commented on your blog post.' },
    COMMENT_REPLY: { description: 'Someone answered your comment.' },
    CONTENT_HELD: { description: 'Your post waits for a moderator’s review.' },
    MODERATION_NOTICE: { description: 'Moderation told you something; the target is the notice.' },
    COMMUNITY_INVITATION: { description: 'You were invited to a community.' },
    JOIN_REQUESTED: { description: 'Someone asked to join a community you manage.' },
    JOIN_REQUEST_APPROVED: { description: 'Your request to join was approved.' },
    JOIN_REQUEST_DENIED: { description: 'Your request to join was declined.' },
    SLA_BREACHED: { description: 'A question in a community you manage waited for a first answer past its SLA.' },
  },
});
registerEnumType(NotificationTargetKind, { name: 'NotificationTargetKind', description: 'What a notification is about.' });
registerEnumType(EmailDigest, { name: 'EmailDigest', description: 'How often unread notifications are e-mailed to you: never, daily or weekly.' });

@ObjectType('NotificationActor', { description: 'Someone who did what a notification tells.' })
@ReadableWithParent()
export class NotificationActorType {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType('NotificationCommunity')
@ReadableWithParent()
export class NotificationCommunityType {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;
}

@ObjectType('NotificationTarget', { description: 'What a notification is about, as you may see it now, and where it opens.' })
@ReadableWithParent()
export class NotificationTargetType {
  @Field(() => NotificationTargetKind)
  kind: NotificationTargetKind;

  @Field(() => ID)
  id: string;

  @Field({ description: 'The page that shows it, from the site root (e.g. /communities/guild/forum/threads/…#reply-…).' })
  path: string;

  @Field(() => String, { nullable: true, description: 'The title of the thread or blog post it belongs to.' })
  title: string | null;

  @Field(() => NotificationCommunityType, { nullable: true })
  community: NotificationCommunityType | null;

  @Field(() => String, { nullable: true, description: 'The community’s slug, as `community.slug`, one level up: lists of notifications stay shallow.' })
  communitySlug: string | null;

  @Field(() => String, { nullable: true, description: 'The community’s name, as `community.name`.' })
  communityName: string | null;

  @Field(() => ID, { nullable: true, description: 'The thread, for threads and replies.' })
  threadId: string | null;

  @Field(() => ID, { nullable: true, description: 'The reply, for replies.' })
  replyId: string | null;

  @Field(() => ID, { nullable: true, description: 'The blog post, for posts and comments.' })
  blogPostId: string | null;

  @Field(() => String, { nullable: true })
  blogPostSlug: string | null;

  @Field(() => ID, { nullable: true, description: 'The comment, for comments.' })
  commentId: string | null;

  @Field(() => String, { nullable: true, description: 'The moderation notice’s words, for moderation notices.' })
  message: string | null;

  @Field(() => String, { nullable: true, description: 'The invitation’s or request’s status now (PENDING, ACCEPTED, APPROVED…), or the moderation notice’s kind (CONTENT_APPROVED, SANCTIONED…).' })
  status: string | null;
}

@ObjectType('Notification')
@ReadableWithParent()
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field()
  read: boolean;

  @Field()
  createdAt: Date;

  @Field({ description: 'When it last gathered someone new (the list’s order).' })
  updatedAt: Date;

  @Field(() => [NotificationActorType], { description: 'Who did it, latest first (the first few).' })
  actors: NotificationActorType[];

  @Field(() => Int, { description: 'How many people did it in all: "Ana and 4 others" is 5.' })
  actorCount: number;

  @Field({ description: 'One sentence saying what happened.' })
  summary: string;

  @Field(() => NotificationTargetType)
  target: NotificationTargetType;
}

export const NotificationConnection = ConnectionType(NotificationType, 'Notification');

@ObjectType('NotificationsChange', { description: 'Your notifications changed: the unread count now, and the newest notification when one arrived.' })
@ReadableWithParent()
export class NotificationsChangeType {
  @Field(() => Int)
  unreadCount: number;

  @Field(() => NotificationType, { nullable: true })
  notification: NotificationType | null;
}

@ObjectType('NotificationPreferences', { description: 'Which notifications you get in the app, and how often they are e-mailed. Moderation outcomes always arrive.' })
@ReadableWithParent()
export class NotificationPreferencesType {
  @Field({ description: 'Replies to your threads and replies, comments on your blog posts, accepted answers.' })
  replies: boolean;

  @Field()
  mentions: boolean;

  @Field()
  reactions: boolean;

  @Field({ description: 'New posts in threads, categories and tags you follow.' })
  followed: boolean;

  @Field({ description: 'Invitations, requests to join and their decisions.' })
  communities: boolean;

  @Field(() => EmailDigest)
  emailDigest: EmailDigest;
}
