import { Injectable } from '@nestjs/common';
import { AuthorizationService, Clock, type Viewer } from '@commons/server-core';
import { CommunityAccessService } from '@commons/server-communities';
import { decodeCursor, toConnection } from '@commons/server-graphql';
import type { OverdueAssignmentsArgs, TrainingReportArgs } from './dto/training.inputs';
import type { CompletionGroupType, TrainingReportType } from './dto/training.types';
import { TrainingAction, type TrainingScopeResource } from './training-access';
import { TrainingRepository, type CompletionRow, type ReportScope } from './training.repository';

/**
 * Completion reports: rates by course, cohort, department and community, the median time to
 * complete, and overdue assignments. Platform-wide for the programme team, steering and admins;
 * a community's members for its managers.
 */
@Injectable()
export class TrainingReports {
  constructor(
    private readonly repository: TrainingRepository,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly clock: Clock,
  ) {}

  /** Whom a report covers: the programme team, steering and admins everyone; a community's managers its members. */
  private async reportScope(viewer: Viewer, args: TrainingReportArgs): Promise<ReportScope> {
    const access = args.communityId ? (await this.communities.visible(viewer, args.communityId)).access : null;
    this.authorization.assert(viewer, TrainingAction.ReadReports, { access } satisfies TrainingScopeResource);
    return { courseId: args.courseId ?? null, communityId: args.communityId ?? null, now: this.clock.now() };
  }

  async report(viewer: Viewer, args: TrainingReportArgs): Promise<TrainingReportType> {
    const scope = await this.reportScope(viewer, args);
    const rate = (r: CompletionRow): CompletionGroupType => ({ ...r, rate: r.enrolled === 0 ? 0 : r.completed / r.enrolled });
    const total = await this.repository.total(scope);
    // One after another: a report is one request's worth of the connection pool, not four.
    const byCourse = await this.repository.grouped(scope, 'course');
    const byCohort = await this.repository.grouped(scope, 'cohort');
    const byDepartment = await this.repository.grouped(scope, 'department');
    const byCommunity = await this.repository.grouped(scope, 'community');
    return {
      total: rate(total),
      byCourse: byCourse.map(rate),
      byCohort: byCohort.map(rate),
      byDepartment: byDepartment.map(rate),
      byCommunity: byCommunity.map(rate),
      medianHoursToComplete: total.medianHours,
    };
  }

  async overdue(viewer: Viewer, args: OverdueAssignmentsArgs) {
    const scope = await this.reportScope(viewer, args);
    const after = decodeCursor(args.after);
    const { rows, total } = await this.repository.overdue(scope, args.first, after);
    return { ...toConnection(rows, args.first, (r) => [r.dueAt.toISOString(), r.enrolmentId], after !== undefined), totalCount: total };
  }
}
