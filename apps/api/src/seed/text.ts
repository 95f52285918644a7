import { normalizeTag } from '@commons/shared-contracts';
import { renderMarkdown } from '@commons/server-core';
import type { Random } from './random';
import { CODE_SNIPPETS, COMPETITORS, NEGATIVE, NEUTRAL, PLACES, POSITIVE, PRODUCTS, TOOLS, TOPICS, VERBS } from './vocabulary';

/** A body as stored: its Markdown and the sanitized HTML the platform renders from it. */
export interface Text {
  markdown: string;
  html: string;
}

const titleCase = (s: string) => s.replace(/(^|\s)\S/gu, (c) => c.toUpperCase());

/**
 * Makes the text of a generated organisation. Rendering Markdown for a million posts would
 * take most of the load time, so bodies are put together from a pool of paragraphs rendered
 * once: a body of plain paragraphs renders to the concatenation of its paragraphs' HTML. At
 * most one list or code block goes in a body (two lists in a row would merge into one).
 */
export class TextMaker {
  private readonly plain: Text[] = [];
  private readonly blocks: Text[] = [];

  constructor(private readonly random: Random, poolSize: number) {
    for (let i = 0; i < poolSize; i++) this.plain.push(this.render(this.paragraph()));
    for (let i = 0; i < Math.max(50, poolSize / 10); i++) this.blocks.push(this.render(this.block()));
  }

  /** A body of `paragraphs` paragraphs about a topic, sometimes with a list or code. */
  body(paragraphs: number, topic: string, extra?: Text): Text {
    const parts: Text[] = [this.render(this.opening(topic))];
    for (let i = 1; i < paragraphs; i++) parts.push(this.random.pick(this.plain));
    if (paragraphs > 1 && this.random.chance(0.25)) parts.splice(1 + this.random.int(0, parts.length - 1), 0, this.random.pick(this.blocks));
    if (extra) parts.push(extra);
    return { markdown: parts.map((p) => p.markdown).join('\n\n'), html: parts.map((p) => p.html).join('') };
  }

  /** A short reply: one or two paragraphs from the pool, rendered already. */
  reply(): Text {
    const first = this.random.pick(this.plain);
    if (this.random.chance(0.6)) return first;
    const second = this.random.pick(this.plain);
    return { markdown: `${first.markdown}\n\n${second.markdown}`, html: first.html + second.html };
  }

  /** A paragraph thanking or asking someone by name, with the editor's mention markup. */
  mention(name: string, accountId: string): Text {
    const markdown = `${this.random.pick(['Thanks', 'Adding', 'Looping in', 'What do you think,'])} @[${name}](mention:${accountId}) ${this.random.pick(['for the pointer.', 'who knows this best.', 'here?', 'since you set it up.'])}`;
    // Rendered as the platform renders a mention the person may read: a link to their profile.
    return { markdown, html: renderMarkdown(markdown.replace(/@\[([^\]]+)\]\(mention:([0-9a-f-]{36})\)/u, '[@$1](/people/$2)')) };
  }

  questionTitle(topic: string): string {
    const r = this.random;
    return r.pick([
      () => `How do we ${r.pick(VERBS)} ${topic} ${r.pick(PLACES)}?`,
      () => `Is there a template for ${topic}?`,
      () => `Why does ${r.pick(PRODUCTS)} slow down when we ${r.pick(VERBS)} ${topic}?`,
      () => `What is the best way to ${r.pick(VERBS)} ${topic}?`,
      () => `Who owns ${topic} ${r.pick(PLACES)}?`,
      () => `Can ${r.pick(TOOLS)} help with ${topic}?`,
    ])();
  }

  discussionTitle(topic: string): string {
    const r = this.random;
    return r.pick([
      () => `${titleCase(topic)}: what worked for your team?`,
      () => `Proposal: one way to ${r.pick(VERBS)} ${topic}`,
      () => `Lessons from our ${topic} experiment`,
      () => `${titleCase(topic)} ${r.pick(PLACES)}, a write-up`,
      () => `Comparing ${r.pick(PRODUCTS)} and ${r.pick(COMPETITORS)} for ${topic}`,
    ])();
  }

  blogTitle(topic: string): string {
    const r = this.random;
    return r.pick([
      () => `What we learned about ${topic} this quarter`,
      () => `${r.int(3, 9)} tips for ${topic}`,
      () => `Inside our ${topic} work`,
      () => `How ${r.pick(PRODUCTS)} changed our ${topic}`,
      () => `${titleCase(topic)}: a year in numbers`,
    ])();
  }

  excerpt(topic: string): string {
    return `${titleCase(topic)} ${this.random.pick(PLACES)}: ${this.random.pick(NEUTRAL).toLowerCase()}`;
  }

  private opening(topic: string): string {
    const r = this.random;
    return `${r.pick([`We are trying to ${r.pick(VERBS)} ${topic} ${r.pick(PLACES)}.`, `A question about ${topic}.`, `Sharing where we are with ${topic}.`])} ${this.sentence()}`;
  }

  private paragraph(): string {
    const sentences = Array.from({ length: this.random.int(1, 4) }, () => this.sentence());
    // Some emphasis, as people write it.
    if (this.random.chance(0.2)) sentences[0] = sentences[0].replace(/(\w{5,})/u, '**$1**');
    return sentences.join(' ');
  }

  private sentence(): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.18) return r.pick(POSITIVE);
    if (roll < 0.3) return r.pick(NEGATIVE);
    if (roll < 0.38) return `We moved from ${r.pick(COMPETITORS)} to ${r.pick(PRODUCTS)} for ${r.pick(TOPICS)}.`;
    if (roll < 0.45) return `${r.pick(PRODUCTS)} handles ${r.pick(TOPICS)} better than ${r.pick(COMPETITORS)} did.`;
    if (roll < 0.6) return `Has anyone used ${r.pick(TOOLS)} to ${r.pick(VERBS)} ${r.pick(TOPICS)}?`;
    if (roll < 0.72) return `It took ${r.int(2, 40)} ${r.pick(['minutes', 'hours', 'days'])} to ${r.pick(VERBS)} ${r.pick(TOPICS)} ${r.pick(PLACES)}.`;
    return r.pick(NEUTRAL);
  }

  private block(): string {
    const r = this.random;
    if (r.chance(0.5)) return Array.from({ length: r.int(2, 5) }, () => `- ${r.chance(0.3) ? `[${r.chance(0.5) ? 'x' : ' '}] ` : ''}${titleCase(r.pick(VERBS))} ${r.pick(TOPICS)}`).join('\n');
    return '```\n' + r.pick(CODE_SNIPPETS) + '\n```';
  }

  private render(markdown: string): Text {
    return { markdown, html: renderMarkdown(markdown) };
  }
}

/** A topic as a tag, as the platform normalises tags. */
export const topicTag = (topic: string): string => normalizeTag(topic);
