import type { EntityManager } from 'typeorm';
import { uuidv7 } from '@commons/server-core';

interface DemoCommunity {
  slug: string;
  name: string;
  description: string;
  charter: string;
  audiences: string[];
  visibility: 'OPEN' | 'PRIVATE' | 'SECRET';
  intent: string;
  intentStatement: string;
  useCases: string[];
  lifecycle: 'PILOT' | 'ACTIVE' | 'ARCHIVED';
  /** E-mail of the owner (a manager). */
  owner: string;
  /** Other members by e-mail, with their role. */
  staff?: Record<string, 'MODERATOR' | 'MANAGER'>;
  /** Which other people join: a department, an audience's e-mail domain, or explicit addresses. */
  members: (email: string, department: string) => boolean;
  objectives: Array<{ metricKey: string; title: string; baseline: number; target: number; direction: 'UP' | 'DOWN'; monthsAhead: number }>;
}

const CHARTER = (purpose: string) =>
  `## Why we are here\n\n${purpose}\n\n## How we work\n\n- Search before you ask; link what you found.\n- Be kind, assume good intent, and credit others.\n- Mark the answer that solved your question.\n\nSee the [social-media guidelines](https://commons.example/guidelines) for what may be shared outside.`;

const COMMUNITIES: DemoCommunity[] = [
  {
    slug: 'engineering-guild',
    name: 'Engineering Guild',
    description: 'Engineers across teams sharing practices, reviews and hard-won lessons.',
    charter: CHARTER('Make every engineer better by sharing what works, and what did not.'),
    audiences: ['EMPLOYEE'],
    visibility: 'OPEN',
    intent: 'KNOWLEDGE_SHARING',
    intentStatement: 'Cut the time engineers spend rediscovering solutions by half.',
    useCases: ['FORUMS', 'BLOGS', 'KNOWLEDGE'],
    lifecycle: 'ACTIVE',
    owner: 'ada.lovelace@commons.example',
    staff: { 'grace.hopper@commons.example': 'MODERATOR' },
    members: (_email, department) => department === 'Engineering' || department === 'Product',
    objectives: [
      { metricKey: 'MEDIAN_FIRST_RESPONSE_MINUTES', title: 'Answer questions within two hours', baseline: 300, target: 120, direction: 'DOWN', monthsAhead: 6 },
      { metricKey: 'MONTHLY_ACTIVE_MEMBERS_RATIO', title: 'Most members active each month', baseline: 0.35, target: 0.6, direction: 'UP', monthsAhead: 9 },
    ],
  },
  {
    slug: 'innovation-lab',
    name: 'Innovation Lab',
    description: 'Early ideas, experiments and the people willing to try them.',
    charter: CHARTER('Turn ideas from anywhere in the company into tested experiments.'),
    audiences: ['EMPLOYEE'],
    visibility: 'PRIVATE',
    intent: 'INNOVATION',
    intentStatement: 'Run twelve employee-sourced experiments a year.',
    useCases: ['FORUMS', 'BLOGS'],
    lifecycle: 'ACTIVE',
    owner: 'steering@commons.example',
    members: (_email, department) => department === 'Product' || department === 'Marketing',
    objectives: [{ metricKey: 'POSTS_PER_ACTIVE_MEMBER', title: 'Ideas flowing', baseline: 1.2, target: 3, direction: 'UP', monthsAhead: 12 }],
  },
  {
    slug: 'sales-enablement',
    name: 'Sales Enablement',
    description: 'Playbooks, competitive notes and deal reviews for everyone who sells.',
    charter: CHARTER('Help every seller win more often with what the best sellers know.'),
    audiences: ['EMPLOYEE'],
    visibility: 'OPEN',
    intent: 'REVENUE',
    intentStatement: 'Shorten ramp-up for new account executives from six months to four.',
    useCases: ['FORUMS', 'KNOWLEDGE'],
    lifecycle: 'ACTIVE',
    owner: 'admin@commons.example',
    members: (_email, department) => department === 'Sales' || department === 'Customer Success',
    objectives: [{ metricKey: 'RESOLUTION_RATE', title: 'Questions get answered', baseline: 0.55, target: 0.8, direction: 'UP', monthsAhead: 6 }],
  },
  {
    slug: 'customer-support-hub',
    name: 'Customer Support Hub',
    description: 'Ask questions, share fixes and learn from other customers and our support team.',
    charter: CHARTER('Get customers answers fast, from us and from each other.'),
    audiences: ['CUSTOMER'],
    visibility: 'OPEN',
    intent: 'CUSTOMER_SERVICE',
    intentStatement: 'Resolve 40% of customer questions in the community instead of tickets.',
    useCases: ['FORUMS', 'KNOWLEDGE'],
    lifecycle: 'ACTIVE',
    owner: 'ada.lovelace@commons.example',
    members: (email, department) => department === 'Customer Success' || email.endsWith('@northwind.example') || email.endsWith('@contoso.example'),
    objectives: [
      { metricKey: 'RESOLUTION_RATE', title: 'Questions resolved in the community', baseline: 0.2, target: 0.4, direction: 'UP', monthsAhead: 12 },
      { metricKey: 'MEDIAN_FIRST_RESPONSE_MINUTES', title: 'First answer within an hour', baseline: 180, target: 60, direction: 'DOWN', monthsAhead: 6 },
    ],
  },
  {
    slug: 'product-advisory-board',
    name: 'Product Advisory Board',
    description: 'A small circle of customers shaping the roadmap under NDA.',
    charter: CHARTER('Hear early from the customers who use the product hardest.'),
    audiences: ['CUSTOMER'],
    visibility: 'SECRET',
    intent: 'INNOVATION',
    intentStatement: 'Validate every major roadmap bet with at least five customers.',
    useCases: ['FORUMS', 'LISTENING'],
    lifecycle: 'ACTIVE',
    owner: 'steering@commons.example',
    members: (email) => email === 'casey.customer@northwind.example' || email === 'mia.chen@contoso.example',
    objectives: [],
  },
  {
    slug: 'partner-network',
    name: 'Partner Network',
    description: 'Resellers and integrators: enablement, co-selling and certification.',
    charter: CHARTER('Grow revenue through partners who know the product as well as we do.'),
    audiences: ['PARTNER'],
    visibility: 'PRIVATE',
    intent: 'REVENUE',
    intentStatement: 'Source a quarter of new business through partners.',
    useCases: ['FORUMS', 'BLOGS'],
    lifecycle: 'ACTIVE',
    owner: 'admin@commons.example',
    members: (email, department) => department === 'Sales' || email.endsWith('@fabrikam.example'),
    objectives: [{ metricKey: 'SHARE_OF_VOICE', title: 'Partners talk about us', baseline: 0.1, target: 0.25, direction: 'UP', monthsAhead: 12 }],
  },
  {
    slug: 'brand-ambassadors',
    name: 'Brand Ambassadors',
    description: 'Employees who speak for the brand online, with the guidelines to do it well.',
    charter: CHARTER('Give employees the confidence and the guidelines to share our story.'),
    audiences: ['EMPLOYEE'],
    visibility: 'OPEN',
    intent: 'BRAND_MANAGEMENT',
    intentStatement: 'Double the reach of company news through employees’ own networks.',
    useCases: ['BLOGS', 'LISTENING'],
    lifecycle: 'PILOT',
    owner: 'steering@commons.example',
    members: () => false,
    objectives: [{ metricKey: 'TRAINING_COMPLETION_RATIO', title: 'Everyone trained on the guidelines', baseline: 0, target: 0.9, direction: 'UP', monthsAhead: 3 }],
  },
  {
    slug: 'hybrid-work',
    name: 'Hybrid Work Collaboration',
    description: 'How we worked out hybrid work in 2024; kept for reference.',
    charter: CHARTER('Agree on how teams work across offices and homes.'),
    audiences: ['EMPLOYEE'],
    visibility: 'OPEN',
    intent: 'COLLABORATION',
    intentStatement: 'Settle the hybrid-work practices every team follows.',
    useCases: ['FORUMS'],
    lifecycle: 'ARCHIVED',
    owner: 'admin@commons.example',
    members: (_email, department) => department === 'People & Culture' || department === 'Finance',
    objectives: [],
  },
];

/** The pilot cohort of Brand Ambassadors: people across departments, Ada included. */
const WAVE_ONE = (email: string, index: number) => email === 'ada.lovelace@commons.example' || (email.endsWith('@commons.example') && index % 4 === 1);

const DAY = 86_400_000;

/**
 * Writes the demo communities with the demo organisation, in its transaction. Joins are spread
 * over the last months so the adoption charts have a history to show.
 */
export async function seedDemoCommunities(manager: EntityManager, now: Date): Promise<void> {
  const people: Array<{ id: string; email: string; department: string | null }> = await manager.query(
    'SELECT id, email, department FROM accounts ORDER BY email',
  );
  const idOf = (email: string) => {
    const person = people.find((p) => p.email === email);
    if (!person) throw new Error(`Demo person ${email} is missing`);
    return person.id;
  };
  const steering = idOf('steering@commons.example');
  const cohortId = uuidv7(now.getTime());
  await manager.query(`INSERT INTO cohorts (id, name, sort_name, description, created_by_id, created_at, updated_at) VALUES ($1, $2, lower($2), $3, $4, $5, $5)`, [
    cohortId,
    'Wave 1 early adopters',
    'Thirty-odd volunteers across departments who try new communities first.',
    steering,
    new Date(now.getTime() - 30 * DAY),
  ]);
  let index = 0;
  for (const person of people) {
    if (WAVE_ONE(person.email, index++)) {
      await manager.query('INSERT INTO cohort_members (cohort_id, account_id, added_at) VALUES ($1, $2, $3)', [cohortId, person.id, new Date(now.getTime() - 30 * DAY)]);
    }
  }

  for (const [n, c] of COMMUNITIES.entries()) {
    const id = uuidv7(now.getTime() + n);
    const createdAt = new Date(now.getTime() - (200 - n * 10) * DAY);
    const ownerId = idOf(c.owner);
    await manager.query(
      `INSERT INTO communities (id, slug, name, sort_name, description, charter, audiences, visibility, intent, intent_statement, use_cases,
                                lifecycle, lifecycle_before_archive, owner_id, created_at, updated_at, archived_at)
       VALUES ($1, $2, $3, lower($3), $4, $5, $6::audience[], $7, $8, $9, $10::use_case[], $11, $12, $13, $14, $14, $15)`,
      [
        id, c.slug, c.name, c.description, c.charter, c.audiences, c.visibility, c.intent, c.intentStatement, c.useCases,
        c.lifecycle, c.lifecycle === 'ARCHIVED' ? 'ACTIVE' : null, ownerId, createdAt,
        c.lifecycle === 'ARCHIVED' ? new Date(now.getTime() - 20 * DAY) : null,
      ],
    );
    const roles = new Map<string, string>([[ownerId, 'MANAGER']]);
    for (const [email, role] of Object.entries(c.staff ?? {})) roles.set(idOf(email), role);
    for (const person of people) if (!roles.has(person.id) && c.members(person.email, person.department ?? '')) roles.set(person.id, 'MEMBER');
    let k = 0;
    for (const [accountId, role] of roles) {
      // The owner joins on day one; the others over the months since.
      const joinedAt = new Date(createdAt.getTime() + (k === 0 ? 0 : ((k * 37) % 150) * DAY + k * 3_600_000));
      k++;
      await manager.query('INSERT INTO community_memberships (community_id, account_id, role, joined_at) VALUES ($1, $2, $3, $4)', [id, accountId, role, joinedAt]);
      await manager.query(
        `INSERT INTO community_membership_events (id, community_id, account_id, kind, role, actor_id, occurred_at) VALUES ($1, $2, $3, 'JOINED', $4, $3, $5)`,
        [uuidv7(joinedAt.getTime()), id, accountId, role, joinedAt],
      );
    }
    for (const o of c.objectives) {
      const due = new Date(now.getTime() + o.monthsAhead * 30 * DAY).toISOString().slice(0, 10);
      await manager.query(
        `INSERT INTO community_objectives (id, community_id, metric_key, title, baseline, target, direction, due_date, owner_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [uuidv7(createdAt.getTime()), id, o.metricKey, o.title, o.baseline, o.target, o.direction, due, ownerId, createdAt],
      );
    }
    if (c.lifecycle === 'PILOT') {
      await manager.query('INSERT INTO community_cohorts (community_id, cohort_id, attached_at) VALUES ($1, $2, $3)', [id, cohortId, createdAt]);
    }
    if (c.slug === 'innovation-lab') {
      // A request waiting for the manager's decision.
      await manager.query(
        `INSERT INTO community_join_requests (id, community_id, account_id, message, status, created_at) VALUES ($1, $2, $3, $4, 'PENDING', $5)`,
        [uuidv7(now.getTime()), id, idOf('alan.ritchie@commons.example'), 'I would like to pitch an idea about build caching.', new Date(now.getTime() - 2 * DAY)],
      );
    }
  }
}
