import type { MigrationInterface } from 'typeorm';
import { Foundation1795426444440 } from './1795426444440-foundation';
import { Communities1795436773400 } from './1795436773400-communities';
import { Forums1795438959239 } from './1795438959239-forums';
import { ForumSearch1795439235465 } from './1795439235465-forum-search';
import { Blogs1795439700172 } from './1795439700172-blogs';
import { ThreadViews1795439900643 } from './1795439900643-thread-views';
import { Mentions1795440001684 } from './1795440001684-mentions';
import { NameTrigrams1795441317519 } from './1795441317519-name-trigrams';
import { Moderation1795451776765 } from './1795451776765-moderation';
import { DryRunHeartbeat1795458947035 } from './1795458947035-dry-run-heartbeat';
import { DecisionsWithoutCommunityIndex1796422507248 } from './1796422507248-decisions-without-community-index';
import { Outbox1796424624947 } from './1796424624947-outbox';
import { Notifications1796434384386 } from './1796434384386-notifications';
import { BlogFollowsAndAnnouncements1796437757180 } from './1796437757180-blog-follows-and-announcements';
import { CoeRole1796507580673 } from './1796507580673-coe-role';
import { KnowledgeArticles1796507600000 } from './1796507600000-knowledge-articles';
import { Guidelines1796507700000 } from './1796507700000-guidelines';
import { Training1796507800000 } from './1796507800000-training';
import { Experts1796507900000 } from './1796507900000-experts';
import { BlogPostTags1796508100000 } from './1796508100000-blog-post-tags';
import { KnowledgeNotifications1796508200000 } from './1796508200000-knowledge-notifications';
import { ReadPathIndexes1795443900000 } from './1795443900000-read-path-indexes';

import { Analytics1796600000000 } from './1796600000000-analytics';
import { Listening1796600100000 } from './1796600100000-listening';
import { SupportSla1796600200000 } from './1796600200000-support-sla';
import { MetricSnapshots1796600300000 } from './1796600300000-metric-snapshots';
import { MetricDailyBreakdown1796600400000 } from './1796600400000-metric-daily-breakdown';
import { CrossLinks1796600500000 } from './1796600500000-cross-links';
import { SearchWeeks1796600600000 } from './1796600600000-search-weeks';
import { EmailDelivery1796600700000 } from './1796600700000-email-delivery';
import { CommunityAccessVersions1796600800000 } from './1796600800000-community-access-versions';
/**
 * Every migration, oldest first. Listed explicitly (no glob) so the built API,
 * the tests and the migration tool all run exactly the same set.
 */
export const migrations: Array<new () => MigrationInterface> = [
  Foundation1795426444440,
  Communities1795436773400,
  Forums1795438959239,
  ForumSearch1795439235465,
  Blogs1795439700172,
  ThreadViews1795439900643,
  Mentions1795440001684,
  NameTrigrams1795441317519,
  ReadPathIndexes1795443900000,
  Moderation1795451776765,
  DryRunHeartbeat1795458947035,
  DecisionsWithoutCommunityIndex1796422507248,
  Outbox1796424624947,
  Notifications1796434384386,
  BlogFollowsAndAnnouncements1796437757180,
  CoeRole1796507580673,
  KnowledgeArticles1796507600000,
  Guidelines1796507700000,
  Training1796507800000,
  Experts1796507900000,
  BlogPostTags1796508100000,
  KnowledgeNotifications1796508200000,
  Analytics1796600000000,
  Listening1796600100000,
  SupportSla1796600200000,
  MetricSnapshots1796600300000,
  MetricDailyBreakdown1796600400000,
  CrossLinks1796600500000,
  SearchWeeks1796600600000,
  EmailDelivery1796600700000,
  CommunityAccessVersions1796600800000,
];
