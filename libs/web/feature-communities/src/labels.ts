import type {
  Audience,
  CommunityLifecycle,
  CommunityRole,
  CommunityVisibility,
  MetricKey,
  ObjectiveDirection,
  SocialIntent,
  UseCase,
} from '@commons/web-data-access';
import { andList } from '@commons/web-ui';

/** Words for the enums the screens show, and a line explaining each where a choice is made. */
interface Described {
  label: string;
  description: string;
}

export const AUDIENCE: Record<Audience, Described & { plural: string }> = {
  EMPLOYEE: {
    label: 'Employees',
    plural: 'employees',
    description: 'People of our organisation. Employees may take part in every community they can see.',
  },
  CUSTOMER: {
    label: 'Customers',
    plural: 'customers',
    description: 'People from customer organisations. They only ever see communities opened to customers.',
  },
  PARTNER: {
    label: 'Partners',
    plural: 'partners',
    description: 'Resellers, integrators and other partners. They only ever see communities opened to partners.',
  },
};

export const INTENT: Record<SocialIntent, Described> = {
  COLLABORATION: { label: 'Collaboration', description: 'Teams get work done together across departments and places.' },
  INNOVATION: { label: 'Innovation', description: 'Ideas are gathered, discussed and tested with the people they are for.' },
  REVENUE: { label: 'Revenue', description: 'People sell more: enablement, referrals and co-selling.' },
  CUSTOMER_SERVICE: { label: 'Customer service', description: 'Customers get answers faster, from us and from each other.' },
  BRAND_MANAGEMENT: { label: 'Brand management', description: 'How people see and talk about the brand is shaped and heard.' },
  KNOWLEDGE_SHARING: { label: 'Knowledge sharing', description: 'What people know is written down so others find and reuse it.' },
};

export const USE_CASE: Record<UseCase, Described> = {
  FORUMS: { label: 'Forums', description: 'Questions, answers and discussions, with accepted answers.' },
  BLOGS: { label: 'Blogs', description: 'Longer posts and announcements that members comment on.' },
  KNOWLEDGE: { label: 'Knowledge', description: 'Articles, guidelines and courses from the Center of Excellence.' },
  LISTENING: { label: 'Listening', description: 'Sentiment, share of voice and trends in what people say.' },
};

export const VISIBILITY: Record<CommunityVisibility, Described> = {
  OPEN: { label: 'Open', description: 'Listed in the directory; anyone in its audiences joins at once.' },
  PRIVATE: { label: 'Private', description: 'Listed in the directory; people ask to join and a manager decides.' },
  SECRET: { label: 'Secret', description: 'Not listed; people join only when invited.' },
};

export const LIFECYCLE: Record<CommunityLifecycle, Described & { color: string }> = {
  DRAFT: { label: 'Draft', color: 'gray.7', description: 'Only its managers see it while they prepare it.' },
  PILOT: { label: 'Pilot', color: 'grape.8', description: 'Its pilot cohort tries it before the audience does.' },
  ACTIVE: { label: 'Active', color: 'teal.9', description: 'Open to its audiences.' },
  ARCHIVED: { label: 'Archived', color: 'dark.6', description: 'Read-only; kept for reference.' },
};

export const ROLE: Record<CommunityRole, string> = { MEMBER: 'Member', MODERATOR: 'Moderator', MANAGER: 'Manager' };

export const METRIC: Record<MetricKey, Described & { direction: ObjectiveDirection }> = {
  MONTHLY_ACTIVE_MEMBERS_RATIO: {
    label: 'Monthly active members (share)',
    description: 'Members active in a month, as a share of all members (0 to 1).',
    direction: 'UP',
  },
  MEDIAN_FIRST_RESPONSE_MINUTES: {
    label: 'Median first response (minutes)',
    description: 'How long a question waits for its first answer.',
    direction: 'DOWN',
  },
  RESOLUTION_RATE: { label: 'Resolution rate', description: 'Questions with an accepted answer, as a share (0 to 1).', direction: 'UP' },
  POSTS_PER_ACTIVE_MEMBER: { label: 'Posts per active member', description: 'Posts and replies per active member a month.', direction: 'UP' },
  SHARE_OF_VOICE: { label: 'Share of voice', description: 'Our share of the conversation in our market (0 to 1).', direction: 'UP' },
  TRAINING_COMPLETION_RATIO: {
    label: 'Training completion (share)',
    description: 'Members who completed the assigned training (0 to 1).',
    direction: 'UP',
  },
};

export const DIRECTION: Record<ObjectiveDirection, string> = { UP: 'Higher is better', DOWN: 'Lower is better' };

/** "Customers and partners" from a list of audiences. */
export function audienceList(audiences: readonly Audience[]): string {
  const text = andList(audiences.map((a) => AUDIENCE[a].plural));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A YYYY-MM-DD calendar date in words, without shifting it through a time zone. */
export function calendarDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}
