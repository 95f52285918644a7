import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, Clock, ValidationError, type Viewer } from '@commons/server-core';
import { normalizeTag } from '@commons/shared-contracts';
import { EXPERTISE_TAGS_MAX, type FindExpertsArgs, type UpdateExpertiseInput } from './dto/experts.inputs';
import type { ExpertiseType } from './dto/expertise.type';
import { ExpertsAction } from './experts-access';
import { ExpertsRepository } from './experts.repository';
import { topicTags } from './topic';

/** Declared expertise and the search for experts. */
@Injectable()
export class ExpertiseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ExpertsRepository,
    private readonly authorization: AuthorizationService,
    private readonly clock: Clock,
  ) {}

  /** Replaces the viewer's own tags (normalized, de-duplicated, in their order) and note. */
  async update(viewer: Viewer, input: UpdateExpertiseInput): Promise<ExpertiseType> {
    this.authorization.assert(viewer, ExpertsAction.DeclareExpertise);
    const tags = [...new Set(input.tags.map(normalizeTag))];
    if (tags.some((t) => t === '')) throw ValidationError.field('tags', 'Topics need letters or digits.');
    if (tags.length > EXPERTISE_TAGS_MAX) throw ValidationError.field('tags', `List at most ${EXPERTISE_TAGS_MAX} topics.`);
    const note = input.note ?? null;
    const now = this.clock.now();
    await this.dataSource.transaction((manager) => this.repository.replaceExpertise(manager, viewer.accountId, tags, note, now));
    return { tags, note, updatedAt: now };
  }

  async find(viewer: Viewer, args: FindExpertsArgs) {
    this.authorization.assert(viewer, ExpertsAction.Find);
    const { tags, prefix } = topicTags(args.topic);
    if (tags.length === 0) throw ValidationError.field('topic', 'Enter a topic with letters or digits.');
    return this.repository.findExperts(viewer, tags, prefix, args.first, args.after);
  }
}
