import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HistoryImportService } from '@commons/server-analytics';
import { AccountRepository, AccountsService } from '@commons/server-identity';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import { seedDemoCommunities } from './demo-communities';
import { seedDemoContent } from './demo-content';
import { seedDemoActivity } from '../seed/demo-activity';
import { DEMO_COE_EMAIL, DemoKnowledge } from './demo-knowledge';

export const DEMO_PASSWORD = 'commons-demo';
/** Days of the demo's history rolled up for the dashboards: its 90 generated days and the 30 their windows read. */
const DEMO_ROLLED_DAYS = 120;

/** The sign-ins printed at start-up, one per platform role. */
export const DEMO_LOGINS = [
  { role: 'Admin', email: 'admin@commons.example', password: DEMO_PASSWORD },
  { role: 'Steering', email: 'steering@commons.example', password: DEMO_PASSWORD },
  { role: 'Member', email: 'ada.lovelace@commons.example', password: DEMO_PASSWORD },
  { role: 'Customer', email: 'casey.customer@northwind.example', password: DEMO_PASSWORD },
  { role: 'Partner', email: 'pat.partner@fabrikam.example', password: DEMO_PASSWORD },
  { role: 'CoE', email: DEMO_COE_EMAIL, password: DEMO_PASSWORD },
] as const;

const DEPARTMENTS: Record<string, string[]> = {
  Engineering: ['Software Engineer', 'Staff Engineer', 'Engineering Manager', 'Site Reliability Engineer'],
  Product: ['Product Manager', 'Product Designer', 'UX Researcher'],
  Sales: ['Account Executive', 'Sales Engineer', 'Sales Director'],
  'Customer Success': ['Customer Success Manager', 'Support Specialist', 'Support Lead'],
  Marketing: ['Content Strategist', 'Brand Manager', 'Community Manager'],
  'People & Culture': ['HR Business Partner', 'Talent Partner', 'Learning Specialist'],
  Finance: ['Financial Analyst', 'Controller'],
  Legal: ['Counsel', 'Compliance Officer'],
};

const FIRST_NAMES = [
  'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Tim', 'Barbara', 'Dennis', 'Frances', 'Ken', 'Radia', 'Donald',
  'Hedy', 'John', 'Annie', 'Edsger', 'Shafi', 'Leslie', 'Karen', 'Niklaus', 'Sophie', 'Guido', 'Adele', 'Bjarne',
  'Mary', 'James', 'Evelyn', 'Vint', 'Jean', 'Whitfield', 'Lynn', 'Yukihiro', 'Joan', 'Brian', 'Carol', 'Robert',
];
const LAST_NAMES = [
  'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Berners-Lee', 'Liskov', 'Ritchie', 'Allen', 'Thompson',
  'Perlman', 'Knuth', 'Lamarr', 'McCarthy', 'Easley', 'Dijkstra', 'Goldwasser', 'Lamport', 'Spärck Jones', 'Wirth',
  'Wilson', 'van Rossum', 'Goldberg', 'Stroustrup', 'Keller', 'Gosling', 'Boyd Granville', 'Cerf', 'Bartik', 'Diffie',
  'Conway', 'Matsumoto', 'Clarke', 'Kernighan', 'Shaw', 'Tarjan',
];

/**
 * A small organisation for `npm start`: an admin, a steering-committee member and a few
 * dozen employees across departments, customers and a partner, and their communities.
 * Deterministic, written in one transaction, and only to an empty database.
 */
@Injectable()
export class DemoOrganisation {
  private readonly logger = new Logger(DemoOrganisation.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly repository: AccountRepository,
    private readonly knowledge: DemoKnowledge,
    private readonly modules: ModuleRef,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    if ((await this.repository.count()) > 0) return false;
    const now = new Date();
    const seeded = await this.dataSource.transaction(async (manager) => {
      // Serialise concurrent first starts of several instances.
      await manager.query('SELECT pg_advisory_xact_lock(727110003)');
      if ((await manager.query('SELECT 1 FROM accounts LIMIT 1')).length > 0) return false;
      for (const person of demoPeople()) await this.accounts.create(manager, { ...person, password: DEMO_PASSWORD });
      await seedDemoCommunities(manager, now);
      await seedDemoContent(manager, now);
      await seedDemoActivity(manager, now.getTime());
      return true;
    });
    if (!seeded) return false;
    // Written through the Center of Excellence's own services, each in its own transaction.
    await this.knowledge.seed();
    // The demo's history was written without events: analytics imports it (up to the moment the
    // seeding began; what the services wrote since reaches it live) and rolls it up, so the
    // dashboards show the demo's past on first start.
    const history = this.modules.get(HistoryImportService, { strict: false });
    await history.rollUp(history.daysToRoll(await history.importHistory({ before: now }), DEMO_ROLLED_DAYS));
    this.logger.log('Seeded the demo organisation');
    return true;
  }
}

interface DemoPerson {
  email: string;
  displayName: string;
  department: string;
  title: string;
  role: PlatformRole;
  audience?: Audience;
}

export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [
    { email: DEMO_LOGINS[0].email, displayName: 'Alex Admin', department: 'IT', title: 'Platform Administrator', role: PlatformRole.Admin },
    { email: DEMO_LOGINS[1].email, displayName: 'Sam Steering', department: 'Executive Office', title: 'Chief of Staff', role: PlatformRole.Steering },
    { email: DEMO_LOGINS[2].email, displayName: 'Ada Lovelace', department: 'Engineering', title: 'Principal Engineer', role: PlatformRole.Member },
  ];
  const departments = Object.entries(DEPARTMENTS);
  for (let i = 0; i < FIRST_NAMES.length; i++) {
    const first = FIRST_NAMES[i];
    const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
    const [department, titles] = departments[i % departments.length];
    const slug = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/gu, '');
    people.push({
      email: `${slug}@commons.example`,
      displayName: `${first} ${last}`,
      department,
      title: titles[i % titles.length],
      // One of the community managers runs the Center of Excellence.
      role: `${slug}@commons.example` === DEMO_COE_EMAIL ? PlatformRole.Coe : PlatformRole.Member,
    });
  }
  people.push(
    { email: DEMO_LOGINS[3].email, displayName: 'Casey Customer', department: 'Northwind Traders', title: 'Operations Lead', role: PlatformRole.Member, audience: Audience.Customer },
    { email: 'jordan.lee@northwind.example', displayName: 'Jordan Lee', department: 'Northwind Traders', title: 'IT Manager', role: PlatformRole.Member, audience: Audience.Customer },
    { email: 'mia.chen@contoso.example', displayName: 'Mia Chen', department: 'Contoso Retail', title: 'Store Systems Analyst', role: PlatformRole.Member, audience: Audience.Customer },
    { email: DEMO_LOGINS[4].email, displayName: 'Pat Partner', department: 'Fabrikam Consulting', title: 'Alliance Manager', role: PlatformRole.Member, audience: Audience.Partner },
    { email: 'noor.haddad@fabrikam.example', displayName: 'Noor Haddad', department: 'Fabrikam Consulting', title: 'Solutions Architect', role: PlatformRole.Member, audience: Audience.Partner },
  );
  return people;
}
