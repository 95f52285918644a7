/** Who an account is to the organisation; communities say which audiences they serve. */
export const Audience = {
  Employee: 'EMPLOYEE',
  Customer: 'CUSTOMER',
  Partner: 'PARTNER',
} as const;
export type Audience = (typeof Audience)[keyof typeof Audience];
export const AUDIENCES: readonly Audience[] = Object.values(Audience);

/** OPEN: anyone in the audience joins. PRIVATE: listed, join by approved request. SECRET: unlisted, invitation only. */
export const CommunityVisibility = {
  Open: 'OPEN',
  Private: 'PRIVATE',
  Secret: 'SECRET',
} as const;
export type CommunityVisibility = (typeof CommunityVisibility)[keyof typeof CommunityVisibility];
export const COMMUNITY_VISIBILITIES: readonly CommunityVisibility[] = Object.values(CommunityVisibility);

/** The business purpose a community is stated to serve, chosen before any strategy. */
export const SocialIntent = {
  Collaboration: 'COLLABORATION',
  Innovation: 'INNOVATION',
  Revenue: 'REVENUE',
  CustomerService: 'CUSTOMER_SERVICE',
  BrandManagement: 'BRAND_MANAGEMENT',
  KnowledgeSharing: 'KNOWLEDGE_SHARING',
} as const;
export type SocialIntent = (typeof SocialIntent)[keyof typeof SocialIntent];
export const SOCIAL_INTENTS: readonly SocialIntent[] = Object.values(SocialIntent);

/** The use cases a community enables to serve its intent. */
export const UseCase = {
  Forums: 'FORUMS',
  Blogs: 'BLOGS',
  Knowledge: 'KNOWLEDGE',
  Listening: 'LISTENING',
} as const;
export type UseCase = (typeof UseCase)[keyof typeof UseCase];
export const USE_CASES: readonly UseCase[] = Object.values(UseCase);

/** DRAFT → PILOT → ACTIVE → ARCHIVED; archived communities are read-only. */
export const CommunityLifecycle = {
  Draft: 'DRAFT',
  Pilot: 'PILOT',
  Active: 'ACTIVE',
  Archived: 'ARCHIVED',
} as const;
export type CommunityLifecycle = (typeof CommunityLifecycle)[keyof typeof CommunityLifecycle];
export const COMMUNITY_LIFECYCLES: readonly CommunityLifecycle[] = Object.values(CommunityLifecycle);

export const CommunityRole = {
  Member: 'MEMBER',
  Moderator: 'MODERATOR',
  Manager: 'MANAGER',
} as const;
export type CommunityRole = (typeof CommunityRole)[keyof typeof CommunityRole];
export const COMMUNITY_ROLES: readonly CommunityRole[] = Object.values(CommunityRole);

/** Metrics an objective can target; the metrics domain computes their current values. */
export const MetricKey = {
  MonthlyActiveMembersRatio: 'MONTHLY_ACTIVE_MEMBERS_RATIO',
  MedianFirstResponseMinutes: 'MEDIAN_FIRST_RESPONSE_MINUTES',
  ResolutionRate: 'RESOLUTION_RATE',
  PostsPerActiveMember: 'POSTS_PER_ACTIVE_MEMBER',
  ShareOfVoice: 'SHARE_OF_VOICE',
  TrainingCompletionRatio: 'TRAINING_COMPLETION_RATIO',
} as const;
export type MetricKey = (typeof MetricKey)[keyof typeof MetricKey];
export const METRIC_KEYS: readonly MetricKey[] = Object.values(MetricKey);

export const ObjectiveDirection = {
  /** Higher values are better. */
  Up: 'UP',
  /** Lower values are better (e.g. response times). */
  Down: 'DOWN',
} as const;
export type ObjectiveDirection = (typeof ObjectiveDirection)[keyof typeof ObjectiveDirection];
export const OBJECTIVE_DIRECTIONS: readonly ObjectiveDirection[] = Object.values(ObjectiveDirection);

export const COMMUNITY_NAME_MAX_LENGTH = 80;
export const COMMUNITY_SLUG_MAX_LENGTH = 60;
export const COMMUNITY_DESCRIPTION_MAX_LENGTH = 500;
export const COMMUNITY_CHARTER_MAX_LENGTH = 20_000;
export const INTENT_STATEMENT_MAX_LENGTH = 1_000;
export const COHORT_NAME_MAX_LENGTH = 80;
export const REASON_MAX_LENGTH = 500;
/** Lower-case letters, digits and single hyphens, starting with a letter or digit. */
export const COMMUNITY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** A slug proposed from a community name: "Customer Success Hub!" → "customer-success-hub". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, COMMUNITY_SLUG_MAX_LENGTH)
    .replace(/-+$/u, '');
}

export const ThreadKind = { Discussion: 'DISCUSSION', Question: 'QUESTION' } as const;
export type ThreadKind = (typeof ThreadKind)[keyof typeof ThreadKind];
export const THREAD_KINDS: readonly ThreadKind[] = Object.values(ThreadKind);

/** The small fixed set of reactions. */
export const ReactionKind = { Like: 'LIKE', Helpful: 'HELPFUL', Insightful: 'INSIGHTFUL', Celebrate: 'CELEBRATE' } as const;
export type ReactionKind = (typeof ReactionKind)[keyof typeof ReactionKind];
export const REACTION_KINDS: readonly ReactionKind[] = Object.values(ReactionKind);

export const POST_TITLE_MAX_LENGTH = 200;
export const POST_BODY_MAX_LENGTH = 50_000;
export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX = 10;

/** "#Café Ops" → "café-ops": lower-case, Unicode letters and digits joined by single hyphens. */
export function normalizeTag(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^#+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, TAG_MAX_LENGTH)
    .replace(/-+$/u, '');
}

export const BlogPostState = { Draft: 'DRAFT', Published: 'PUBLISHED', Unpublished: 'UNPUBLISHED' } as const;
export type BlogPostState = (typeof BlogPostState)[keyof typeof BlogPostState];
export const BLOG_POST_STATES: readonly BlogPostState[] = Object.values(BlogPostState);

/** Who may write posts in a community's blog: its managers, or every member who may take part. */
export const BlogAuthors = { Managers: 'MANAGERS', Members: 'MEMBERS' } as const;
export type BlogAuthors = (typeof BlogAuthors)[keyof typeof BlogAuthors];
export const BLOG_AUTHORS: readonly BlogAuthors[] = Object.values(BlogAuthors);
export const EXCERPT_MAX_LENGTH = 500;
export const COMMENT_MAX_LENGTH = 10_000;
