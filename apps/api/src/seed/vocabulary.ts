/**
 * The words a generated organisation is made of. Plain lists, kept apart from the generator so
 * they can grow without touching it. The demo's own content owns a few words (its end-to-end
 * journeys search for them), so they stay out of these lists: "review", "quarantined".
 */

export const FIRST_NAMES = [
  'Aaliyah', 'Aarav', 'Abebe', 'Adaeze', 'Aiko', 'Akira', 'Alejandro', 'Aleksander', 'Alice', 'Amara', 'Amelia', 'Ana',
  'Andrea', 'Anika', 'Arjun', 'Astrid', 'Ava', 'Ayesha', 'Bao', 'Beatriz', 'Ben', 'Bilal', 'Bjorn', 'Camila', 'Carlos',
  'Catalina', 'Chen', 'Chiara', 'Chloe', 'Chinedu', 'Daniel', 'Daria', 'David', 'Deepa', 'Diego', 'Dmitri', 'Elena',
  'Elif', 'Elijah', 'Emeka', 'Emil', 'Emma', 'Esther', 'Fatima', 'Felix', 'Fernando', 'Freya', 'Gabriel', 'Giulia',
  'Hana', 'Hannah', 'Hassan', 'Helena', 'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid', 'Isaac', 'Isabel', 'Ivan', 'Jakub',
  'Javier', 'Jia', 'Jonas', 'Jorge', 'Julia', 'Kai', 'Kamala', 'Karin', 'Kenji', 'Kwame', 'Lars', 'Layla', 'Leila',
  'Leon', 'Lina', 'Lucas', 'Lucia', 'Luis', 'Maja', 'Malik', 'Mara', 'Marco', 'Maria', 'Mateo', 'Maya', 'Mei', 'Mehmet',
  'Mia', 'Mikael', 'Mina', 'Mohammed', 'Nadia', 'Naomi', 'Nia', 'Nikhil', 'Nils', 'Noah', 'Nora', 'Olga', 'Oliver',
  'Omar', 'Oscar', 'Paula', 'Pedro', 'Priya', 'Rafael', 'Rahul', 'Rania', 'Ravi', 'Rosa', 'Ruth', 'Sakura', 'Samuel',
  'Sara', 'Sebastian', 'Sofia', 'Soren', 'Sven', 'Tariq', 'Tomas', 'Uma', 'Valentina', 'Vera', 'Victor', 'Wei', 'Yara',
  'Yusuf', 'Zainab', 'Zara', 'Zoe',
];

export const LAST_NAMES = [
  'Abara', 'Adeyemi', 'Ahmed', 'Andersen', 'Bauer', 'Becker', 'Bianchi', 'Brown', 'Carvalho', 'Castillo', 'Chen', 'Costa',
  'Dahl', 'Das', 'Dubois', 'Eriksen', 'Fernandes', 'Fischer', 'Garcia', 'Gomez', 'Gupta', 'Haddad', 'Hansen', 'Hoffmann',
  'Hughes', 'Ibrahim', 'Ito', 'Jansen', 'Jensen', 'Kaur', 'Khan', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Laurent', 'Lee',
  'Lindqvist', 'Lopez', 'Martin', 'Meyer', 'Moreau', 'Mueller', 'Murphy', 'Nakamura', 'Nguyen', 'Nielsen', 'Novak',
  'Okafor', 'Okonkwo', 'Olsen', 'Ortiz', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quinn', 'Ramirez', 'Rao',
  'Reyes', 'Ricci', 'Rossi', 'Santos', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Sousa', 'Suzuki', 'Tanaka',
  'Thomas', 'Torres', 'Tran', 'Varga', 'Vogel', 'Wagner', 'Walker', 'Wang', 'Weber', 'Williams', 'Wong', 'Yamamoto',
  'Yilmaz', 'Young', 'Zhang', 'Zielinski',
];

/** Departments, largest first in a typical company; titles per kind of department. */
export const DEPARTMENTS = [
  'Engineering', 'Customer Success', 'Sales', 'Product', 'Operations', 'Marketing', 'Finance', 'People & Culture',
  'Legal', 'Security', 'Data & Analytics', 'Design', 'IT Services', 'Procurement', 'Facilities', 'Research',
  'Quality Assurance', 'Platform Engineering', 'Mobile Engineering', 'Site Reliability', 'Partnerships', 'Field Marketing',
  'Brand & Communications', 'Customer Education', 'Professional Services', 'Solutions Engineering', 'Revenue Operations',
  'Internal Audit', 'Corporate Development', 'Investor Relations', 'Treasury', 'Tax', 'Payroll', 'Talent Acquisition',
  'Learning & Development', 'Workplace Experience', 'Sustainability', 'Public Policy', 'Supply Chain', 'Manufacturing',
];

export const TITLES = [
  'Analyst', 'Senior Analyst', 'Specialist', 'Senior Specialist', 'Lead', 'Manager', 'Senior Manager', 'Director',
  'Engineer', 'Senior Engineer', 'Staff Engineer', 'Coordinator', 'Consultant', 'Partner Manager', 'Associate',
];

/** Customer and partner organisations: their people sign in from these domains. */
export const CUSTOMER_ORGANISATIONS = [
  ['Northwind Traders', 'northwind.example'], ['Contoso Retail', 'contoso.example'], ['Adatum Health', 'adatum.example'],
  ['Tailspin Toys', 'tailspin.example'], ['Wide World Importers', 'wideworld.example'], ['Woodgrove Bank', 'woodgrove.example'],
  ['Litware Labs', 'litware.example'], ['Proseware', 'proseware.example'], ['Alpine Ski House', 'alpineski.example'],
  ['Coho Vineyard', 'coho.example'], ['Lamna Healthcare', 'lamna.example'], ['Margie Travel', 'margie.example'],
  ['Trey Research', 'treyresearch.example'], ['Relecloud', 'relecloud.example'], ['Bellows College', 'bellows.example'],
] as const;
export const PARTNER_ORGANISATIONS = [
  ['Fabrikam Consulting', 'fabrikam.example'], ['Blue Yonder Systems', 'blueyonder.example'],
  ['Graphic Design Institute', 'gdi.example'], ['Humongous Insurance', 'humongous.example'],
  ['School of Fine Art', 'fineart.example'], ['VanArsdel Integrators', 'vanarsdel.example'],
] as const;

/** What communities are about; each community takes a handful as its tags. */
export const TOPICS = [
  'onboarding', 'release planning', 'on-call', 'incident response', 'postmortems', 'design systems', 'accessibility',
  'performance', 'observability', 'logging', 'dashboards', 'data quality', 'data pipelines', 'machine learning',
  'experimentation', 'pricing', 'renewals', 'forecasting', 'pipeline hygiene', 'discovery calls', 'demos', 'objections',
  'procurement', 'contracts', 'invoicing', 'expenses', 'travel', 'hybrid work', 'mentoring', 'career paths', 'hiring',
  'interviewing', 'wellbeing', 'inclusion', 'volunteering', 'sustainability', 'security awareness', 'phishing',
  'access requests', 'password managers', 'laptops', 'vpn', 'mobile apps', 'api design', 'integrations', 'webhooks',
  'single sign-on', 'permissions', 'reporting', 'exports', 'time zones', 'notifications', 'search', 'migrations',
  'upgrades', 'billing', 'support tickets', 'knowledge base', 'community events', 'webinars', 'certification',
  'training', 'brand voice', 'social media', 'press', 'campaigns', 'newsletters', 'localisation', 'product feedback',
  'roadmap', 'beta programme', 'customer stories', 'partner enablement', 'co-selling', 'implementation', 'sandbox',
  'deployment', 'kubernetes', 'databases', 'caching', 'testing', 'code style', 'documentation', 'architecture',
  'budgets', 'okrs', 'quarterly planning', 'all-hands', 'office moves', 'parking', 'lunch and learn',
];

/** Products and features the organisation talks about (brand mentions for listening). */
export const PRODUCTS = ['Commons', 'Commons Mobile', 'Commons Analytics', 'Commons Connect', 'the admin console', 'the reporting API'];
/** Competitors people compare against (share of voice). */
export const COMPETITORS = ['Globex', 'Initech', 'Hooli', 'Vandelay Cloud', 'Soylent Suite', 'Umbra Systems'];

export const TOOLS = ['the wiki', 'the ticket queue', 'the staging cluster', 'the CI pipeline', 'the CRM', 'the data warehouse', 'the feature flag service', 'the status page', 'the expense tool', 'the HR portal'];
export const PLACES = ['in production', 'for new starters', 'across regions', 'before the quarter ends', 'for enterprise customers', 'on mobile', 'in the EU region', 'for the partner portal', 'during peak season', 'without downtime'];
export const VERBS = ['set up', 'roll out', 'speed up', 'automate', 'measure', 'document', 'plan', 'simplify', 'migrate', 'secure', 'share', 'budget for', 'prioritise', 'hand over', 'test'];

/** Sentences with a feeling, for sentiment analysis to find. */
export const POSITIVE = [
  'This worked really well for us and the team loved it.',
  'Huge thanks to everyone who helped, this is a great improvement.',
  'We saw a clear win: faster, simpler and easier to explain.',
  'Honestly impressed by how smooth the rollout was.',
  'Great question, and a great answer below.',
  'The new setup is excellent and saves us hours every week.',
  'Customers told us they love the change.',
];
export const NEGATIVE = [
  'Frankly this has been frustrating and slow for weeks.',
  'We keep hitting the same problem and it is getting annoying.',
  'The current process is confusing and nobody owns it.',
  'This broke again last night, which is disappointing.',
  'Customers are complaining that it is too complicated.',
  'I am worried we are losing time on manual work here.',
];
export const NEUTRAL = [
  'Here is what we tried so far.',
  'Some context: we are a team of eight across two time zones.',
  'The steps are written up in the runbook.',
  'We will revisit this at the next planning session.',
  'For reference, the numbers come from last month.',
  'Happy to pair on this if anyone wants to.',
  'The details are in the linked ticket.',
  'We compared three options before choosing one.',
  'The change applies to every region from next week.',
];

export const CODE_SNIPPETS = [
  'kubectl rollout undo deployment/api --to-revision=42',
  'SELECT count(*) FROM orders WHERE created_at > now() - interval \'1 day\';',
  'npm run build && npm test',
  'curl -s https://status.example/api/health | jq .status',
  'git log --oneline --since="2 weeks ago" -- services/billing',
];

/** Community name patterns per social intent; `{topic}` is filled with a topic in title case. */
export const COMMUNITY_PATTERNS: Record<string, string[]> = {
  COLLABORATION: ['{topic} Guild', '{topic} Working Group', '{topic} Circle', '{department} Hub'],
  INNOVATION: ['{topic} Lab', 'Ideas: {topic}', '{topic} Innovation Network'],
  REVENUE: ['{topic} Sales Network', 'Deal Desk: {topic}', '{topic} Revenue Room'],
  CUSTOMER_SERVICE: ['{topic} Customer Forum', '{topic} Help Centre', 'Ask Us: {topic}'],
  BRAND_MANAGEMENT: ['{topic} Ambassadors', '{topic} Storytellers', '{topic} Voices'],
  KNOWLEDGE_SHARING: ['{topic} Practice', '{topic} Knowledge Exchange', '{topic} Academy'],
};
