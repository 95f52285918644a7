import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '@commons/server-core';
import { ArticlesService, CourseState, ExpertiseService, TrainingService } from '@commons/server-knowledge';
import { Audience, PlatformRole } from '@commons/shared-contracts';

/** The demo's programme team member (COE), who writes its Center of Excellence. */
export const DEMO_COE_EMAIL = 'margaret.bartik@commons.example';

const ARTICLES = [
  {
    kind: 'HOW_TO' as const,
    title: 'How to start a community',
    tags: ['communities', 'getting-started'],
    body: `Every community starts from a **purpose**: what should change because people talk here?

1. Pick the audience (employees, customers or partners) and the social intent.
2. Choose the use cases: forums for questions, a blog for news, a knowledge base for what lasts.
3. Write two or three objectives you can measure, with a target date.
4. Start as a **pilot** with a cohort of people who care, then open it up.`,
  },
  {
    kind: 'PLAYBOOK' as const,
    title: 'Playbook: the first ninety days of a community',
    tags: ['communities', 'playbook'],
    body: `| Weeks | What the managers do |
|---|---|
| 1–2 | Seed ten good questions and answer them well |
| 3–6 | Invite the pilot cohort, thank every first post |
| 7–12 | Name two champions, review the objectives with the steering committee |

Keep answering within a day: a question left alone teaches people not to ask.`,
  },
  {
    kind: 'FAQ' as const,
    title: 'FAQ: what may I share outside the company?',
    tags: ['social-media', 'guidelines'],
    body: `**May I post about my work on social networks?** Yes, about what is public: products, events, open positions.

**May I name a customer?** Only with the customer's written consent.

**Who speaks for the company to the press?** Only the press office.`,
  },
];

const EXPERTISE: Record<string, { tags: string[]; note: string }> = {
  'ada.lovelace@commons.example': { tags: ['postgresql', 'performance', 'mobile'], note: 'Ask me about databases and slow queries.' },
  'grace.hopper@commons.example': { tags: ['compilers', 'developer-tools'], note: 'Happy to review tooling proposals.' },
  [DEMO_COE_EMAIL]: { tags: ['community-management', 'social-media'], note: 'I run the Center of Excellence.' },
};

/**
 * The demo's Center of Excellence, written through the domain services as its programme team
 * member would: a few published articles, a published course, and people's expertise. No
 * guideline: one would ask every demo person to acknowledge it on their first sign-in.
 */
@Injectable()
export class DemoKnowledge {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
    private readonly training: TrainingService,
    private readonly expertise: ExpertiseService,
  ) {}

  async seed(): Promise<void> {
    const people = await this.people([DEMO_COE_EMAIL, ...Object.keys(EXPERTISE)]);
    const coe = people.get(DEMO_COE_EMAIL);
    if (!coe) return;
    for (const article of ARTICLES) {
      const { article: created } = await this.articles.create(coe, { ...article, ownerIds: [], reviewerIds: [], sharedExternally: false });
      await this.articles.publish(coe, { articleId: created.id, revision: created.revision, changeNote: 'First version' });
    }
    const { course } = await this.training.save(coe, {
      title: 'Speaking for the company on social media',
      description: 'What you may share, who speaks for the company, and how to answer a journalist. Ten minutes.',
      audiences: [Audience.Employee],
      targetCommunityManagers: false,
      passMark: 50,
      lessons: [
        { title: 'What is public', body: 'Products, events and open positions are public; **customers are not** unless they agreed in writing.', articleIds: [] },
        { title: 'Who speaks for us', body: 'The press office answers journalists. Send them there, kindly.', articleIds: [] },
      ],
      questions: [{ prompt: 'Who answers a journalist?', choices: [{ text: 'The press office', correct: true }, { text: 'Whoever they called', correct: false }] }],
    });
    await this.training.setState(coe, { courseId: course.id, state: CourseState.Published });
    for (const [email, entry] of Object.entries(EXPERTISE)) {
      const person = people.get(email);
      if (person) await this.expertise.update(person, entry);
    }
  }

  /** The named demo people as viewers acting for themselves. */
  private async people(emails: string[]): Promise<Map<string, Viewer>> {
    const rows: Array<{ id: string; email: string; role: PlatformRole; audience: Audience }> = await this.dataSource.query(
      'SELECT id, email, role, audience FROM accounts WHERE email = ANY($1)',
      [emails],
    );
    return new Map(rows.map((r) => [r.email, { accountId: r.id, sessionId: 'demo', role: r.role, audience: r.audience }]));
  }
}
