import type { EntityManager } from 'typeorm';
import { renderMarkdown, uuidv7 } from '@commons/server-core';

const HOUR = 3_600_000;

interface DemoThread {
  community: string;
  category: string;
  kind: 'QUESTION' | 'DISCUSSION';
  author: string;
  title: string;
  body: string;
  tags: string[];
  hoursAgo: number;
  replies: Array<{ author: string; body: string; accepted?: boolean }>;
}

const THREADS: DemoThread[] = [
  {
    community: 'engineering-guild',
    category: 'Architecture',
    kind: 'QUESTION',
    author: 'alan.ritchie@commons.example',
    title: 'How do we roll back a failed database migration in production?',
    body: 'Our deploy ran a migration that locked a large table. What is the **agreed** way to roll back, and who decides?',
    tags: ['databases', 'deployments'],
    hoursAgo: 50,
    replies: [
      { author: 'grace.hopper@commons.example', body: 'Every migration has a `down`. Run it from the release pipeline, never by hand, and page the on-call lead first.', accepted: true },
      { author: 'alan.ritchie@commons.example', body: 'Thanks, that matches the runbook. Marking it answered.' },
    ],
  },
  {
    community: 'engineering-guild',
    category: 'General',
    kind: 'DISCUSSION',
    author: 'ada.lovelace@commons.example',
    title: 'What should the guild focus on next quarter?',
    body: 'Ideas so far:\n\n- [x] code review guidelines\n- [ ] an incident write-up template\n- [ ] a mentoring rota\n\nWhat would help you most?',
    tags: ['planning'],
    hoursAgo: 20,
    replies: [{ author: 'grace.hopper@commons.example', body: 'The incident template, please: we wrote three different ones last month.' }],
  },
  {
    community: 'engineering-guild',
    category: 'General',
    kind: 'QUESTION',
    author: 'alan.ritchie@commons.example',
    title: 'Is there a shared staging environment for the mobile team?',
    body: 'We need one for the beta and could not find it on the wiki.',
    tags: ['environments'],
    hoursAgo: 3,
    replies: [],
  },
  {
    community: 'customer-support-hub',
    category: 'General',
    kind: 'QUESTION',
    author: 'casey.customer@northwind.example',
    title: 'Exported reports show the wrong time zone',
    body: 'Our CSV exports are in UTC but our team works in Seattle. Can we change that?',
    tags: ['reports', 'time-zones'],
    hoursAgo: 30,
    replies: [
      { author: 'ada.lovelace@commons.example', body: 'Yes: set the organisation time zone under **Settings → Regional**; exports follow it from then on.', accepted: true },
    ],
  },
];

const POSTS = [
  {
    community: 'engineering-guild',
    author: 'ada.lovelace@commons.example',
    title: 'What we learned from our first guild review day',
    excerpt: 'Forty engineers, twelve teams, one day of reviewing each other’s designs.',
    body: '## Why we did it\n\nDesign reviews happened inside teams only. We opened them up for a day.\n\n## What worked\n\n- Pairing reviewers from far-apart teams\n- A fixed **30 minutes** per design\n\nThanks to everyone who took part!',
    tags: ['reviews', 'culture'],
    hoursAgo: 26,
  },
  {
    community: 'brand-ambassadors',
    author: 'steering@commons.example',
    title: 'Welcome to the Brand Ambassadors pilot',
    excerpt: 'Why we are piloting with a small cohort, and what we ask of you.',
    body: 'Welcome, Wave 1! Please read the social-media guidelines before sharing, and tell us what is unclear.',
    tags: ['pilot'],
    hoursAgo: 10,
  },
];

/** Forum threads and blog posts for the demo communities, so the platform does not start empty. */
export async function seedDemoContent(manager: EntityManager, now: Date): Promise<void> {
  const ids = async (sql: string, values: unknown[]) => ((await manager.query(sql, values)) as Array<{ id: string }>)[0]?.id;
  const person = (email: string) => ids('SELECT id FROM accounts WHERE email = $1', [email]);
  const community = (slug: string) => ids('SELECT id FROM communities WHERE slug = $1', [slug]);
  const categories = new Map<string, string>();
  const category = async (communityId: string, name: string) => {
    const key = `${communityId}:${name}`;
    if (!categories.has(key)) {
      const id = uuidv7(now.getTime());
      await manager.query(
        `INSERT INTO forum_categories (id, community_id, name, slug, description, position, created_at, updated_at) VALUES ($1, $2, $3, lower($3), $4, $5, $6, $6)`,
        [id, communityId, name, name === 'General' ? 'Everything that has no better place.' : `Questions and designs about ${name.toLowerCase()}.`, categories.size + 1, now],
      );
      categories.set(key, id);
    }
    return categories.get(key) as string;
  };

  for (const t of THREADS) {
    const communityId = (await community(t.community)) as string;
    const threadId = uuidv7(now.getTime() - t.hoursAgo * HOUR);
    const createdAt = new Date(now.getTime() - t.hoursAgo * HOUR);
    const authorId = await person(t.author);
    await manager.query(
      `INSERT INTO forum_threads (id, community_id, category_id, author_id, kind, title, body, body_html, tags, created_at, last_activity_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [threadId, communityId, await category(communityId, t.category), authorId, t.kind, t.title, t.body, renderMarkdown(t.body), t.tags, createdAt],
    );
    for (const [i, r] of t.replies.entries()) {
      const at = new Date(createdAt.getTime() + (i + 1) * 2 * HOUR);
      const replyId = uuidv7(at.getTime());
      const replyAuthor = await person(r.author);
      await manager.query(
        `INSERT INTO forum_replies (id, thread_id, community_id, author_id, body, body_html, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [replyId, threadId, communityId, replyAuthor, r.body, renderMarkdown(r.body), at],
      );
      await manager.query(
        `UPDATE forum_threads SET reply_count = reply_count + 1, last_activity_at = $2,
                first_response_at = CASE WHEN first_response_at IS NULL AND author_id <> $3 THEN $2 ELSE first_response_at END,
                accepted_reply_id = CASE WHEN $4 THEN $5::uuid ELSE accepted_reply_id END,
                resolved_at = CASE WHEN $4 THEN $2 ELSE resolved_at END
          WHERE id = $1`,
        [threadId, at, replyAuthor, r.accepted === true, replyId],
      );
    }
  }

  for (const p of POSTS) {
    const communityId = await community(p.community);
    const at = new Date(now.getTime() - p.hoursAgo * HOUR);
    await manager.query(
      `INSERT INTO blog_posts (id, community_id, author_id, slug, title, body, body_html, excerpt, tags, state, published_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'PUBLISHED', $10, $10, $10)`,
      [uuidv7(at.getTime()), communityId, await person(p.author), p.title.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, ''), p.title, p.body, renderMarkdown(p.body), p.excerpt, p.tags, at],
    );
  }
}
