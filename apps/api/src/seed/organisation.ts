import { Audience, CommunityLifecycle, CommunityRole, CommunityVisibility, SocialIntent, UseCase, normalizeTag } from '@commons/shared-contracts';
import { Random, WeightedPicker } from './random';
import type { SizeProfile } from './profiles';
import { COMMUNITY_PATTERNS, CUSTOMER_ORGANISATIONS, DEPARTMENTS, FIRST_NAMES, LAST_NAMES, PARTNER_ORGANISATIONS, TITLES, TOPICS } from './vocabulary';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface Person {
  id: string;
  email: string;
  displayName: string;
  department: string | null;
  title: string;
  role: 'MEMBER' | 'STEERING' | 'ADMIN';
  audience: Audience;
  createdAt: Date;
  lastSignInAt: Date;
  /** How much this person posts, relative to others (Zipf-like over a shuffled order). */
  activity: number;
}

export interface Member {
  person: number;
  role: CommunityRole;
  joinedAt: number;
}

export interface Community {
  id: string;
  slug: string;
  name: string;
  audiences: Audience[];
  visibility: CommunityVisibility;
  intent: SocialIntent;
  useCases: UseCase[];
  lifecycle: CommunityLifecycle;
  ownerId: string;
  createdAt: number;
  archivedAt: number | null;
  topics: string[];
  members: Member[];
  /** Draws a member index weighted by how much each member posts. */
  authors: WeightedPicker;
  categories: Array<{ id: string; name: string; slug: string }>;
  blogAuthors: 'MANAGERS' | 'MEMBERS';
  cohortId: string | null;
}

export interface Cohort {
  id: string;
  name: string;
  createdAt: number;
  members: number[];
}

export interface Organisation {
  people: Person[];
  communities: Community[];
  cohorts: Cohort[];
  start: number;
  now: number;
}

const titleCase = (s: string) => s.replace(/(^|\s)\S/gu, (c) => c.toUpperCase());

/** A moment in [from, to], more likely late: activity on the platform grows over time. */
export function growingTime(random: Random, from: number, to: number): number {
  return from + (to - from) * Math.pow(random.next(), 0.6);
}

/**
 * People, communities, memberships and pilot cohorts of a generated organisation: employees in
 * departments of Zipf-like sizes, customers and partners from a handful of organisations, and
 * communities whose sizes also follow a long tail (a few large, many small).
 */
export function generateOrganisation(random: Random, size: SizeProfile, now: number): Organisation {
  const start = now - size.days * DAY;
  const people = generatePeople(random.fork('people'), size, start, now);
  const cohorts = generateCohorts(random.fork('cohorts'), size, people, start, now);
  const communities = generateCommunities(random.fork('communities'), size, people, cohorts, start, now);
  return { people, communities, cohorts, start, now };
}

function generatePeople(random: Random, size: SizeProfile, start: number, now: number): Person[] {
  const departments = DEPARTMENTS.slice(0, size.departments);
  const departmentPicker = WeightedPicker.zipf(departments.length, 0.8);
  const customers = Math.round(size.accounts * 0.1);
  const partners = Math.round(size.accounts * 0.05);
  const used = new Set<string>();
  const people: Person[] = [];
  const email = (first: string, last: string, domain: string) => {
    const base = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/gu, '');
    let candidate = `${base}@${domain}`;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}@${domain}`;
    used.add(candidate);
    return candidate;
  };
  const person = (audience: Audience, domain: string, department: string | null, title: string, role: Person['role'] = 'MEMBER', fixed?: { first: string; last: string; email: string }): Person => {
    const first = fixed?.first ?? random.pick(FIRST_NAMES);
    const last = fixed?.last ?? random.pick(LAST_NAMES);
    const createdAt = start - random.int(0, 400) * DAY * (random.chance(0.6) ? 1 : 0) + random.int(0, Math.floor((now - start) * 0.7));
    const at = Math.min(createdAt, now - DAY);
    if (fixed) used.add(fixed.email);
    return {
      id: random.uuidv7(at),
      email: fixed?.email ?? email(first, last, domain),
      displayName: `${first} ${last}`,
      department,
      title,
      role,
      audience,
      createdAt: new Date(at),
      lastSignInAt: new Date(now - random.exponential(6) * DAY),
      activity: 0,
    };
  };
  // Known sign-ins first, so people running benchmarks and demos can use them at every size.
  people.push(person(Audience.Employee, 'commons.example', 'IT Services', 'Platform Administrator', 'ADMIN', { first: 'Alex', last: 'Admin', email: 'admin@commons.example' }));
  people.push(person(Audience.Employee, 'commons.example', 'Operations', 'Chief Operating Officer', 'STEERING', { first: 'Sam', last: 'Steering', email: 'steering@commons.example' }));
  const employees = size.accounts - customers - partners;
  while (people.length < employees) {
    const department = departments[departmentPicker.index(random)];
    const role = people.length % 500 === 7 ? 'STEERING' : people.length % 2000 === 11 ? 'ADMIN' : 'MEMBER';
    people.push(person(Audience.Employee, 'commons.example', department, random.pick(TITLES), role));
  }
  for (let i = 0; i < customers; i++) {
    const [organisation, domain] = CUSTOMER_ORGANISATIONS[Math.floor(Math.pow(random.next(), 1.5) * CUSTOMER_ORGANISATIONS.length)];
    people.push(person(Audience.Customer, domain, null, `${random.pick(TITLES)}, ${organisation}`));
  }
  for (let i = 0; i < partners; i++) {
    const [organisation, domain] = random.pick(PARTNER_ORGANISATIONS);
    people.push(person(Audience.Partner, domain, null, `${random.pick(TITLES)}, ${organisation}`));
  }
  // Activity: a Zipf-like long tail over a random order — most people read, a few write a lot.
  const order = random.sample(
    people.map((_, i) => i),
    people.length,
  );
  order.forEach((personIndex, rank) => (people[personIndex].activity = 1 / Math.pow(rank + 1, 0.9)));
  return people;
}

function generateCohorts(random: Random, size: SizeProfile, people: Person[], start: number, now: number): Cohort[] {
  const employees = people.map((p, i) => (p.audience === Audience.Employee ? i : -1)).filter((i) => i >= 0);
  return Array.from({ length: size.pilotCohorts }, (_, n) => {
    const createdAt = start + ((now - start) * (n + 1)) / (size.pilotCohorts + 1);
    return { id: random.uuidv7(createdAt), name: `Pilot wave ${n + 1}`, createdAt, members: random.sample(employees, random.int(20, Math.min(200, employees.length))) };
  });
}

const INTENTS = Object.values(SocialIntent);

function generateCommunities(random: Random, size: SizeProfile, people: Person[], cohorts: Cohort[], start: number, now: number): Community[] {
  const byAudience = (audience: Audience) => people.map((p, i) => (p.audience === audience ? i : -1)).filter((i) => i >= 0);
  const employees = byAudience(Audience.Employee);
  const customers = byAudience(Audience.Customer);
  const partners = byAudience(Audience.Partner);
  const usedSlugs = new Set<string>();
  const communities: Community[] = [];
  let pilotIndex = 0;
  for (let rank = 0; rank < size.communities; rank++) {
    const roll = random.next();
    // Every community serves employees; some also customers or partners.
    const audiences = roll < 0.65 ? [Audience.Employee] : roll < 0.87 ? [Audience.Employee, Audience.Customer] : roll < 0.97 ? [Audience.Employee, Audience.Partner] : [Audience.Employee, Audience.Customer, Audience.Partner];
    const intent = audiences.includes(Audience.Customer) && random.chance(0.6) ? SocialIntent.CustomerService : random.pick(INTENTS);
    const lifecycleRoll = random.next();
    const lifecycle =
      rank === 0 ? CommunityLifecycle.Active : lifecycleRoll < 0.04 ? CommunityLifecycle.Draft : lifecycleRoll < 0.16 && pilotIndex < cohorts.length ? CommunityLifecycle.Pilot : lifecycleRoll < 0.9 ? CommunityLifecycle.Active : CommunityLifecycle.Archived;
    const visibility = rank === 0 ? CommunityVisibility.Open : random.next() < 0.6 ? CommunityVisibility.Open : random.chance(0.75) ? CommunityVisibility.Private : CommunityVisibility.Secret;
    const topics = random.sample(TOPICS, random.int(6, 14));
    const department = DEPARTMENTS[random.int(0, size.departments - 1)];
    let name = random.pick(COMMUNITY_PATTERNS[intent]).replace('{topic}', titleCase(topics[0])).replace('{department}', department);
    let slug = normalizeTag(name);
    for (let n = 2; usedSlugs.has(slug); n++) {
      name = `${name.replace(/ \d+$/u, '')} ${n}`;
      slug = normalizeTag(name);
    }
    usedSlugs.add(slug);
    const createdAt = lifecycle === CommunityLifecycle.Draft || lifecycle === CommunityLifecycle.Pilot ? now - random.int(5, 60) * DAY : start + random.next() * (now - start) * 0.5;
    const archivedAt = lifecycle === CommunityLifecycle.Archived ? createdAt + (now - createdAt) * (0.4 + 0.5 * random.next()) : null;
    const useCases = [UseCase.Forums, ...(random.chance(0.55) || rank < 3 ? [UseCase.Blogs] : []), ...(random.chance(0.3) ? [UseCase.Knowledge] : []), ...(random.chance(0.15) ? [UseCase.Listening] : [])];
    // Members: a long tail of sizes, drawn from everyone the community serves.
    const pool = [...employees, ...(audiences.includes(Audience.Customer) ? customers : []), ...(audiences.includes(Audience.Partner) ? partners : [])];
    const cohort = lifecycle === CommunityLifecycle.Pilot ? cohorts[pilotIndex++] : null;
    const target = lifecycle === CommunityLifecycle.Draft ? 1 : cohort ? cohort.members.length : Math.max(8, Math.round((people.length * 0.45) / Math.pow(rank + 1, 0.75)));
    const chosen = cohort ? cohort.members.slice() : random.sample(pool, Math.min(target, pool.length));
    const members: Member[] = chosen.map((person, i) => ({
      person,
      role: i === 0 ? CommunityRole.Manager : i <= Math.max(1, Math.floor(chosen.length / 150)) ? CommunityRole.Moderator : CommunityRole.Member,
      // Most people join early in a community's life.
      joinedAt: Math.max(createdAt, people[person].createdAt.getTime()) + (i === 0 ? 0 : Math.pow(random.next(), 2.5) * ((archivedAt ?? now) - createdAt) * 0.8),
    }));
    const id = random.uuidv7(createdAt);
    const categories = (lifecycle === CommunityLifecycle.Draft ? ['General'] : ['General', ...topics.slice(1, random.int(2, 5)).map(titleCase)]).map((categoryName) => ({
      id: random.uuidv7(createdAt + HOUR),
      name: categoryName,
      slug: normalizeTag(categoryName),
    }));
    communities.push({
      id,
      slug,
      name,
      audiences,
      visibility,
      intent,
      useCases,
      lifecycle,
      ownerId: people[chosen[0]].id,
      createdAt,
      archivedAt,
      topics,
      members,
      authors: new WeightedPicker(members.map((m) => people[m.person].activity)),
      categories,
      blogAuthors: random.chance(0.4) ? 'MEMBERS' : 'MANAGERS',
      cohortId: cohort?.id ?? null,
    });
  }
  return communities;
}
