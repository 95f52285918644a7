import Sentiment from 'sentiment';
import { TermIndex, tokenize } from '@commons/server-moderation';
import { crossLinks, keyPhrases, plainText } from './post-text';

export const TermListKind = { Own: 'OWN', Competitor: 'COMPETITOR' } as const;
export type TermListKind = (typeof TermListKind)[keyof typeof TermListKind];
export const TERM_LIST_KINDS: readonly TermListKind[] = Object.values(TermListKind);

/** One analyzer for the process: the AFINN word list is loaded once, and analyze() keeps no state. */
const sentiment = new Sentiment();

/** A post's sentiment as the metrics count it: the AFINN sum, capped so a long post weighs like a short one. */
export const MAX_POST_SCORE = 5;

export interface TermListTerms {
  kind: TermListKind;
  terms: readonly string[];
}

export interface PostAnalysis {
  /** The sum of the AFINN values (−5…+5 each) of the post's words, negations flipped ("not good" is −3). */
  score: number;
  /** score ÷ the number of words. */
  comparative: number;
  words: number;
  /** Places the post names an own brand or product, and a competitor. */
  ownMentions: number;
  competitorMentions: number;
  /** Distinct links to the platform's own content (see crossLinks). */
  crossLinks: number;
  phrases: string[];
}

const RULE_OF: Record<TermListKind, number> = { OWN: 0, COMPETITOR: 1 };

/**
 * Reads one post for listening: sentiment with the AFINN-165 lexicon (the `sentiment` package,
 * no network), mentions of the organisation's term lists — whole words and phrases, case-,
 * accent- and look-alike-insensitive, with moderation's matcher — and the key phrases. Built
 * once per scoring run from the term lists as they are then.
 */
export class PostAnalyzer {
  private readonly terms = new TermIndex();

  /** `origin`: the platform's public URL, whose absolute links count as links to its content. */
  constructor(
    lists: readonly TermListTerms[],
    private readonly origin = '',
  ) {
    for (const list of lists) for (const term of list.terms) this.terms.add(RULE_OF[list.kind], term);
  }

  analyze(title: string | null, markdown: string): PostAnalysis {
    const body = plainText(markdown);
    const text = title ? `${title}\n\n${body}` : body;
    const result = sentiment.analyze(text);
    const own = new Set<number>();
    const competitor = new Set<number>();
    if (!this.terms.isEmpty) {
      // A place named by several terms ("Acme", "Acme Cloud") is one mention.
      for (const hit of this.terms.find(tokenize(text))) (hit.entry.rule === RULE_OF.OWN ? own : competitor).add(hit.start);
    }
    return {
      score: result.score,
      comparative: result.comparative,
      words: result.tokens.length,
      ownMentions: own.size,
      competitorMentions: competitor.size,
      crossLinks: crossLinks(markdown, this.origin),
      phrases: keyPhrases(text),
    };
  }
}

/** Whether a term can be matched at all: it must fold to two letters or more (else it would match noise). */
export function isMatchableTerm(term: string): boolean {
  return new TermIndex().add(0, term);
}
