import { CommunityLifecycle, CommunityRole, REACTION_KINDS, UseCase } from '@commons/shared-contracts';
import type { RowSink } from './copy-writer';
import type { Community, Member, Organisation } from './organisation';
import { growingTime } from './organisation';
import { type Random, WeightedPicker } from './random';
import type { SizeProfile } from './profiles';
import { POST_MIX } from './profiles';
import { type Text, type TextMaker, topicTag } from './text';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const THREAD_COLUMNS = [
  'id', 'community_id', 'category_id', 'author_id', 'kind', 'title', 'body', 'body_html', 'tags', 'locked_at', 'pinned_at', 'duplicate_of_id',
  'reply_count', 'first_response_at', 'accepted_reply_id', 'resolved_at', 'created_at', 'last_activity_at', 'deleted_at', 'view_count',
] as const;
export const REPLY_COLUMNS = ['id', 'thread_id', 'community_id', 'author_id', 'reply_to_id', 'body', 'body_html', 'created_at', 'deleted_at'] as const;
export const REACTION_COLUMNS = ['target_id', 'account_id', 'kind', 'community_id', 'created_at'] as const;
export const MENTION_COLUMNS = ['content_id', 'account_id', 'community_id', 'created_at'] as const;
export const FOLLOW_COLUMNS = ['account_id', 'target_kind', 'target_key', 'community_id', 'created_at'] as const;
export const BLOG_POST_COLUMNS = [
  'id', 'community_id', 'author_id', 'slug', 'title', 'body', 'body_html', 'excerpt', 'tags', 'state', 'published_at', 'announced_at', 'comment_count', 'created_at', 'updated_at',
] as const;
export const BLOG_COMMENT_COLUMNS = ['id', 'post_id', 'community_id', 'parent_id', 'author_id', 'body', 'body_html', 'created_at', 'deleted_at'] as const;

export interface ContentWriters {
  threads: RowSink;
  replies: RowSink;
  reactions: RowSink;
  mentions: RowSink;
  follows: RowSink;
  blogPosts: RowSink;
  blogComments: RowSink;
}

/** The table each writer fills, and its columns. */
export const CONTENT_TABLES: Record<keyof ContentWriters, { table: string; columns: readonly string[] }> = {
  threads: { table: 'forum_threads', columns: THREAD_COLUMNS },
  replies: { table: 'forum_replies', columns: REPLY_COLUMNS },
  reactions: { table: 'forum_reactions', columns: REACTION_COLUMNS },
  mentions: { table: 'content_mentions', columns: MENTION_COLUMNS },
  follows: { table: 'forum_follows', columns: FOLLOW_COLUMNS },
  blogPosts: { table: 'blog_posts', columns: BLOG_POST_COLUMNS },
  blogComments: { table: 'blog_comments', columns: BLOG_COMMENT_COLUMNS },
};

/** Opens one writer per content table, generates, and closes them: the rows written per table. */
export async function writeContent(open: (table: string, columns: readonly string[]) => Promise<RowSink>, generate: (writers: ContentWriters) => Promise<void>): Promise<Record<string, number>> {
  const writers = {} as ContentWriters;
  for (const [key, { table, columns }] of Object.entries(CONTENT_TABLES) as Array<[keyof ContentWriters, { table: string; columns: readonly string[] }]>) writers[key] = await open(table, columns);
  await generate(writers);
  const rows: Record<string, number> = {};
  for (const key of Object.keys(CONTENT_TABLES) as Array<keyof ContentWriters>) rows[CONTENT_TABLES[key].table] = await writers[key].close();
  return rows;
}

/** Reaction kinds as people use them: mostly likes. */
const REACTION_WEIGHTS = new WeightedPicker([0.55, 0.25, 0.12, 0.08]);

interface PlannedThread {
  community: number;
  at: number;
  replies: number;
  long: boolean;
}

/**
 * Forum threads with their replies, reactions, mentions and follows, then blog posts with their
 * comments, streamed to the writers in time order. Distributions: communities and people post
 * along long tails; reply counts are log-normal with a few very long threads; a question's first
 * answer comes after minutes to days, or never; about half the answered questions get an
 * accepted answer.
 */
export class ContentGenerator {
  private readonly forumCommunities: Community[];
  private posted = 0;

  constructor(
    private readonly random: Random,
    private readonly organisation: Organisation,
    private readonly size: SizeProfile,
    private readonly text: TextMaker,
    private readonly writers: ContentWriters,
    private readonly onPosts: (count: number) => void,
  ) {
    this.forumCommunities = organisation.communities.filter((c) => c.useCases.includes(UseCase.Forums) && c.lifecycle !== CommunityLifecycle.Draft && c.members.length > 1);
  }

  async generate(): Promise<void> {
    await this.forums();
    await this.blogs();
    await this.topicFollows();
  }

  private async forums(): Promise<void> {
    const random = this.random.fork('forums');
    const threadCount = Math.round(this.size.posts * POST_MIX.threads);
    const longReplies = this.size.longThreads.reduce((a, b) => a + b, 0);
    const replyBudget = Math.round(this.size.posts * (1 - POST_MIX.threads - POST_MIX.blogPosts - POST_MIX.comments)) - longReplies;
    const communityPicker = new WeightedPicker(this.forumCommunities.map((c) => Math.pow(c.members.length, 1.1)));
    const plans: PlannedThread[] = [];
    let weightSum = 0;
    const weights: number[] = [];
    for (let i = 0; i < threadCount - this.size.longThreads.length; i++) {
      const community = communityPicker.index(random);
      const c = this.forumCommunities[community];
      plans.push({ community, at: growingTime(random, c.createdAt + HOUR, this.endOf(c) - HOUR), replies: 0, long: false });
      const weight = random.chance(0.1) ? 0 : random.logNormal(1, 1.1);
      weights.push(weight);
      weightSum += weight;
    }
    plans.forEach((plan, i) => (plan.replies = Math.floor((weights[i] / weightSum) * replyBudget + random.next())));
    // The very long threads: in the largest community, from its early days until today.
    for (const replies of this.size.longThreads) {
      const c = this.forumCommunities[0];
      plans.push({ community: 0, at: c.createdAt + random.int(1, 10) * DAY, replies, long: true });
    }
    plans.sort((a, b) => a.at - b.at);
    const latestThread = new Map<number, string>();
    for (const plan of plans) latestThread.set(plan.community, await this.thread(random, plan, latestThread.get(plan.community) ?? null));
  }

  /** A member who had joined by `at`, drawn by how much members post (the author if none is found). */
  private memberAt(random: Random, c: Community, at: number, fallback: Member): Member {
    for (let attempt = 0; attempt < 8; attempt++) {
      const member = c.members[c.authors.index(random)];
      if (member.joinedAt < at) return member;
    }
    return fallback;
  }

  private endOf(c: Community): number {
    return c.archivedAt ?? this.organisation.now;
  }

  private async thread(random: Random, plan: PlannedThread, previousId: string | null): Promise<string> {
    const c = this.forumCommunities[plan.community];
    const people = this.organisation.people;
    const end = this.endOf(c) - MINUTE;
    const authorMember = this.memberAt(random, c, plan.at, c.members[0]);
    const authorId = people[authorMember.person].id;
    const createdAt = Math.max(plan.at, authorMember.joinedAt + MINUTE);
    const support = c.intent === 'CUSTOMER_SERVICE' || c.intent === 'KNOWLEDGE_SHARING';
    const question = !plan.long && random.chance(support ? 0.6 : 0.3);
    const topic = c.topics[Math.floor(Math.pow(random.next(), 2) * c.topics.length)];
    const id = random.uuidv7(createdAt);
    const mention = await this.maybeMention(random, c, authorId, id, createdAt);
    const body = this.text.body(random.int(1, 4), topic, mention);
    const tags = [...new Set([topic, ...random.sample(c.topics, random.int(0, 2))].map(topicTag))].slice(0, random.int(0, 3));
    const category = c.categories[Math.min(c.categories.length - 1, Math.floor(Math.pow(random.next(), 1.5) * c.categories.length))];

    // Replies: the first answer to a question comes after minutes to days; the rest follow.
    const replyCount = plan.replies;
    const duration = plan.long ? end - createdAt : random.logNormal(1.5 * DAY, 1.2);
    let at = createdAt + (question ? random.logNormal(50 * MINUTE, 1.8) : random.logNormal(3 * HOUR, 1.5));
    const replyIds: string[] = [];
    const replyAuthors: string[] = [];
    const replyTimes: number[] = [];
    const replyReactions: Array<Set<string>> = [];
    let firstResponseAt: number | null = null;
    for (let n = 0; n < replyCount && at < end; n++) {
      const member = n > 0 && random.chance(0.2) ? authorMember : this.memberAt(random, c, at, authorMember);
      const replyAt = at;
      const replyAuthor = people[member.person].id;
      const replyId = random.uuidv7(replyAt);
      const replyMention = await this.maybeMention(random, c, replyAuthor, replyId, replyAt);
      const text: Text = replyMention ? this.join(this.text.reply(), replyMention) : this.text.reply();
      const replyTo = replyIds.length > 0 && random.chance(0.12) ? random.pick(replyIds) : null;
      await this.writers.replies.write([replyId, id, c.id, replyAuthor, replyTo, text.markdown, text.html, new Date(replyAt), random.chance(0.01) ? new Date(Math.min(end, replyAt + HOUR)) : null]);
      replyReactions.push(await this.react(random, c, replyId, replyAt, 0.45));
      if (firstResponseAt === null && replyAuthor !== authorId) firstResponseAt = replyAt;
      replyIds.push(replyId);
      replyAuthors.push(replyAuthor);
      replyTimes.push(replyAt);
      at = replyAt + random.exponential(duration / Math.max(1, replyCount));
    }
    this.count(replyIds.length + 1);

    // About half the answered questions get an accepted answer, some time after it was posted.
    let acceptedId: string | null = null;
    let resolvedAt: number | null = null;
    if (question && firstResponseAt !== null && random.chance(0.55)) {
      const candidates = replyIds.map((rid, i) => ({ rid, i })).filter(({ i }) => replyAuthors[i] !== authorId).slice(0, 4);
      const chosen = random.chance(0.5) ? candidates[0] : random.pick(candidates);
      const resolved = replyTimes[chosen.i] + random.logNormal(3 * HOUR, 1.5);
      if (resolved < end) {
        acceptedId = chosen.rid;
        resolvedAt = resolved;
        // An accepted answer draws more reactions (from people the reply did not have yet).
        await this.react(random, c, chosen.rid, resolved, 2, replyReactions[chosen.i]);
      }
    }
    const lastActivity = replyTimes.length > 0 ? replyTimes[replyTimes.length - 1] : createdAt;
    const duplicateOf = previousId && !plan.long && random.chance(0.003) ? previousId : null;
    await this.writers.threads.write([
      id, c.id, category.id, authorId, question ? 'QUESTION' : 'DISCUSSION', question ? this.text.questionTitle(topic) : this.text.discussionTitle(topic), body.markdown, body.html, tags,
      random.chance(0.005) || duplicateOf ? new Date(lastActivity) : null,
      random.chance(0.002) || (plan.long && random.chance(0.5)) ? new Date(createdAt) : null,
      duplicateOf, replyIds.length, firstResponseAt === null ? null : new Date(firstResponseAt), acceptedId, resolvedAt === null ? null : new Date(resolvedAt),
      new Date(createdAt), new Date(lastActivity), random.chance(0.003) ? new Date(lastActivity) : null,
      (replyIds.length + 1) * random.int(2, 12) + random.int(0, 40),
    ]);
    await this.react(random, c, id, createdAt, 1.5);
    await this.writers.follows.write([authorId, 'THREAD', id, c.id, new Date(createdAt)]);
    return id;
  }

  private async blogs(): Promise<void> {
    const random = this.random.fork('blogs');
    const blogCommunities = this.organisation.communities.filter((c) => c.useCases.includes(UseCase.Blogs) && c.lifecycle !== CommunityLifecycle.Draft && c.members.length > 1);
    if (blogCommunities.length === 0) return;
    const postCount = Math.round(this.size.posts * POST_MIX.blogPosts);
    const commentBudget = Math.round(this.size.posts * POST_MIX.comments);
    const picker = new WeightedPicker(blogCommunities.map((c) => Math.pow(c.members.length, 0.8)));
    const slugs = new Map<string, Set<string>>();
    const perPostComments = commentBudget / Math.max(1, postCount * 0.9);
    for (let n = 0; n < postCount; n++) {
      const c = blogCommunities[picker.index(random)];
      const writers = c.blogAuthors === 'MANAGERS' ? c.members.filter((m) => m.role !== CommunityRole.Member) : c.members;
      const author = writers[random.int(0, writers.length - 1)];
      const createdAt = Math.max(growingTime(random, c.createdAt + HOUR, this.endOf(c) - HOUR), author.joinedAt + MINUTE);
      const roll = random.next();
      const state = roll < 0.9 ? 'PUBLISHED' : roll < 0.97 ? 'DRAFT' : 'UNPUBLISHED';
      const topic = random.pick(c.topics);
      const title = this.text.blogTitle(topic);
      const used = slugs.get(c.id) ?? new Set<string>();
      slugs.set(c.id, used);
      let slug = topicTag(title).slice(0, 80);
      for (let k = 2; used.has(slug); k++) slug = `${topicTag(title).slice(0, 76)}-${k}`;
      used.add(slug);
      const id = random.uuidv7(createdAt);
      const publishedAt = state === 'DRAFT' ? null : createdAt + random.int(0, 48) * HOUR;
      const body = this.text.body(random.int(3, 7), topic);
      let comments = 0;
      if (state === 'PUBLISHED' && publishedAt !== null && publishedAt < this.endOf(c)) {
        comments = await this.comments(random, c, id, publishedAt, Math.floor(random.exponential(perPostComments)));
        await this.react(random, c, id, publishedAt, 3);
      }
      const published = publishedAt === null ? null : new Date(Math.min(publishedAt, this.organisation.now));
      await this.writers.blogPosts.write([
        id, c.id, idOf(this.organisation, author.person), slug, title, body.markdown, body.html, this.text.excerpt(topic), [topicTag(topic)], state,
        // Published history was announced when it was published: the API's announcer must not
        // tell followers of thousands of old posts (and rewrite every row) when it first starts.
        published, state === 'PUBLISHED' ? published : null, comments, new Date(createdAt), new Date(publishedAt ?? createdAt),
      ]);
      this.count(1 + comments);
    }
  }

  /** Comments on a post, one level deep: some answer an earlier comment. */
  private async comments(random: Random, c: Community, postId: string, from: number, count: number): Promise<number> {
    const topLevel: string[] = [];
    let at = from;
    let written = 0;
    for (let n = 0; n < count; n++) {
      at += random.logNormal(5 * HOUR, 1.5);
      if (at >= this.endOf(c)) break;
      const member = this.memberAt(random, c, at, c.members[0]);
      const id = random.uuidv7(at);
      const parent = topLevel.length > 0 && random.chance(0.3) ? random.pick(topLevel) : null;
      const text = this.text.reply();
      await this.writers.blogComments.write([id, postId, c.id, parent, idOf(this.organisation, member.person), text.markdown, text.html, new Date(at), random.chance(0.01) ? new Date(at + HOUR) : null]);
      await this.react(random, c, id, at, 0.4);
      if (!parent) topLevel.push(id);
      written++;
    }
    return written;
  }

  /** Some members follow a category or a tag of their community. */
  private async topicFollows(): Promise<void> {
    const random = this.random.fork('follows');
    for (const c of this.forumCommunities) {
      for (const member of random.sample(c.members, Math.ceil(c.members.length * 0.03))) {
        const at = new Date(member.joinedAt + DAY);
        if (random.chance(0.5)) await this.writers.follows.write([idOf(this.organisation, member.person), 'CATEGORY', random.pick(c.categories).id, c.id, at]);
        else await this.writers.follows.write([idOf(this.organisation, member.person), 'TAG', topicTag(random.pick(c.topics)), c.id, at]);
      }
    }
  }

  /**
   * Reactions on a post: on average `mean` of them, from the community's members; one per
   * kind per person, counting those `given` already. Answers who reacted how.
   */
  private async react(random: Random, c: Community, targetId: string, at: number, mean: number, given = new Set<string>()): Promise<Set<string>> {
    const count = Math.min(c.members.length, Math.floor(random.exponential(mean)));
    for (let n = 0; n < count; n++) {
      const member = c.members[random.int(0, c.members.length - 1)];
      const kind = REACTION_KINDS[REACTION_WEIGHTS.index(random)];
      const key = `${member.person}:${kind}`;
      if (given.has(key)) continue;
      given.add(key);
      await this.writers.reactions.write([targetId, idOf(this.organisation, member.person), kind, c.id, new Date(Math.min(this.organisation.now, at + random.exponential(6 * HOUR)))]);
    }
    return given;
  }

  /** Sometimes a post mentions another member: the paragraph, and the mention's row. */
  private async maybeMention(random: Random, c: Community, authorId: string, contentId: string, at: number): Promise<Text | undefined> {
    if (!random.chance(0.04)) return undefined;
    const person = this.organisation.people[c.members[random.int(0, c.members.length - 1)].person];
    if (person.id === authorId) return undefined;
    await this.writers.mentions.write([contentId, person.id, c.id, new Date(at)]);
    return this.text.mention(person.displayName, person.id);
  }

  private join(a: Text, b: Text): Text {
    return { markdown: `${a.markdown}\n\n${b.markdown}`, html: a.html + b.html };
  }

  private count(posts: number): void {
    this.posted += posts;
    this.onPosts(this.posted);
  }
}

/** The account id of the person at `index`. */
const idOf = (organisation: Organisation, index: number) => organisation.people[index].id;
