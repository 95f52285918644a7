import type { EntityManager } from 'typeorm';

/** A guideline as a rejection names it: its title and where to read and acknowledge it. */
export interface GuidelineReference {
  key: string;
  title: string;
  /** The web client's path of the guideline's page. */
  path: string;
}

/**
 * Which guidelines an author acknowledged, for moderation's GUIDELINE_ACKNOWLEDGEMENT rules.
 * Declared here so moderation never imports the Center of Excellence, which provides it.
 */
export abstract class GuidelineAcknowledgements {
  /**
   * Keys of the guidelines whose current material version (or a later one) the account
   * acknowledged, read in the caller's transaction; null when acknowledgements are unknown.
   */
  abstract acknowledged(manager: EntityManager, accountId: string): Promise<readonly string[] | null>;

  /** The guideline a rule names, for the rejection's message and link (null: no such guideline). */
  abstract reference(manager: EntityManager, key: string): Promise<GuidelineReference | null>;
}
