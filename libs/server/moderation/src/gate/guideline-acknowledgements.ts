import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Which guidelines an author acknowledged, for GUIDELINE_ACKNOWLEDGEMENT rules. The Center of
 * Excellence provides acknowledgements; until it replaces this provider, nobody has acknowledged
 * anything (null), so such a rule refuses every post and the policy editor says why.
 */
@Injectable()
export class GuidelineAcknowledgements {
  async acknowledged(_manager: EntityManager, _accountId: string): Promise<readonly string[] | null> {
    return null;
  }
}
