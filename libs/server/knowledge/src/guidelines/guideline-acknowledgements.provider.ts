import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GuidelineAcknowledgements, type GuidelineReference } from '@commons/server-core';
import { GuidelineRepository } from './guideline.repository';
import { guidelinePath } from './guidelines.service';

/** Acknowledgements as moderation's GUIDELINE_ACKNOWLEDGEMENT rules read them: by guideline key. */
@Injectable()
export class RecordedGuidelineAcknowledgements extends GuidelineAcknowledgements {
  constructor(private readonly repository: GuidelineRepository) {
    super();
  }

  acknowledged(manager: EntityManager, accountId: string): Promise<readonly string[]> {
    return this.repository.acknowledgedKeys(manager, accountId);
  }

  async reference(manager: EntityManager, key: string): Promise<GuidelineReference | null> {
    const title = await this.repository.titleOfKey(manager, key);
    return title === null ? null : { key, title, path: guidelinePath(key) };
  }
}
