/**
 * What listening reads in a post: its Markdown source reduced to the words people wrote (code,
 * link targets and emphasis marks removed), and the post's key phrases.
 */

const FENCED_CODE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)/gu;
const INLINE_CODE = /`[^`\n]*`/gu;
/** [text](target) and ![alt](target): keeps the text. */
const LINK = /!?\[([^\]\n]*)\]\([^)\n]*\)/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMPHASIS = /[*_~]+/gu;
/** Heading and quote marks at a line's start, and a tag's # ("#Deploys" is the word "Deploys"). */
const MARKS = /^[ \t]*(?:#{1,6}|>+)[ \t]+|#(?=[\p{L}\p{N}])/gmu;

/** Link targets: [text](target), and bare URLs. */
const LINK_TARGET = /!?\[[^\]\n]*\]\(([^)\s]+)[^)\n]*\)|\b(https?:\/\/[^\s<>)\]]+)/gu;
/** Paths of the platform's own content: a community's threads and posts, blogs, knowledge. */
const CONTENT_PATH = /^\/(?:communities|blog|knowledge)\/\S+/u;

/**
 * How many distinct places on the platform itself a post links to (a thread, a post, an article):
 * people pointing others to content, the advocacy proxy. Relative links, and absolute ones to
 * `origin` (the platform's public URL), count; code blocks do not.
 */
export function crossLinks(markdown: string, origin: string): number {
  const text = markdown.replace(FENCED_CODE, '\n').replace(INLINE_CODE, ' ');
  const targets = new Set<string>();
  for (const match of text.matchAll(LINK_TARGET)) {
    let target = match[1] ?? match[2] ?? '';
    if (origin && target.startsWith(`${origin}/`)) target = target.slice(origin.length);
    if (CONTENT_PATH.test(target)) targets.add(target.replace(/[#?].*$/u, '').replace(/[.,;:!]+$/u, ''));
  }
  return targets.size;
}

/** The words of a Markdown text, without code, link targets, URLs or emphasis marks. */
export function plainText(markdown: string): string {
  return markdown
    .replace(FENCED_CODE, '\n')
    .replace(INLINE_CODE, ' ')
    .replace(LINK, '$1')
    .replace(URL, ' ')
    .replace(EMPHASIS, '')
    .replace(MARKS, '');
}

/**
 * A small English stop-word list: words that say nothing about a topic. Key phrases never
 * contain one, so they also split phrases ("expense tool for the new VPN" → "expense tool", "new vpn").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both but by
  can can't cannot could couldn't did didn't do does doesn't doing don't down during each either else even ever every few for from
  further get gets getting got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
  his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just let's like made make many may me might more
  most much must mustn't my myself need no nor not now of off often on once one only or other ought our ours ourselves out over own
  please quite rather really same see shall shan't she she'd she'll she's should shouldn't since so some still such than that that's
  the their theirs them themselves then there there's these they they'd they'll they're they've thing things this those though
  through thus to too under until up upon us use used using very via want was wasn't way we we'd we'll we're we've well were weren't
  what what's when when's where where's whether which while who who's whom whose why why's will with within without won't would
  wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves anyone anything everyone everything someone
  something nothing today tomorrow yesterday thanks thank hi hello hey ok okay lot lots bit etc`
    .split(/\s+/u)
    .filter(Boolean),
);

/** A word: letters and digits, with inner apostrophes and hyphens ("don't", "follow-up"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** Only spaces between two words keep them in one phrase; punctuation or a line break ends it. */
const SAME_PHRASE = /^[ \t]*$/u;
const NUMBER = /^[\p{N}'’-]+$/u;
/** Longer "words" are identifiers, hashes or noise, not topics. */
const MAX_WORD = 40;

/** Most key phrases kept per post: the first ones (the title comes first). */
export const MAX_PHRASES_PER_POST = 20;

/**
 * The post's key phrases: every run of two or three consecutive content words (not stop words,
 * not numbers, at least two letters) within a sentence, lower-cased, each once. Longer runs give
 * their two- and three-word parts. Counted over many posts, they are the topics people write
 * about beyond tags.
 */
export function keyPhrases(text: string, max = MAX_PHRASES_PER_POST): string[] {
  const phrases = new Set<string>();
  let run: string[] = [];
  let lastEnd = 0;
  const add = (phrase: string) => {
    if (phrases.size < max) phrases.add(phrase);
  };
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (!SAME_PHRASE.test(text.slice(lastEnd, start))) run = [];
    lastEnd = start + match[0].length;
    const word = match[0].toLowerCase().replaceAll('’', "'");
    if (word.length < 2 || word.length > MAX_WORD || STOP_WORDS.has(word) || NUMBER.test(word)) {
      run = [];
      continue;
    }
    run.push(word);
    const n = run.length;
    if (n >= 2) add(`${run[n - 2]} ${word}`);
    if (n >= 3) add(`${run[n - 3]} ${run[n - 2]} ${word}`);
    if (phrases.size >= max) break;
  }
  return [...phrases];
}
