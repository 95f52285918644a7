import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthorizationService, DomainEvents, NotFoundError, ValidationError, type Viewer } from '@commons/server-core';
import { CommunityAccessService } from '@commons/server-communities';
import { decodeCursor, toConnection, type KeysetPosition } from '@commons/server-graphql';
import { KnowledgeEvent } from '../knowledge-events';
import { GuidelineAction, type GuidelineResource } from './guideline-access';
import { GuidelineRepository, type ComplianceGroupRow, type ComplianceScope, type CompliancePersonRow } from './guideline.repository';
import { GuidelinesService } from './guidelines.service';
import type { GuidelineComplianceFilter, GuidelinePeopleArgs } from './dto/guideline.inputs';
import type { GuidelineComplianceGroupType, GuidelineComplianceType } from './dto/guideline.types';

/** Groups a report shows per breakdown (largest first). */
const MAX_GROUPS = 100;
/** Account ids per GuidelineReminderSent event. */
const REMINDER_BATCH = 1000;
/** Most rows one CSV export carries; narrow the filter for more. */
const CSV_MAX_ROWS = 50_000;

const rate = (acknowledged: number, expected: number) => (expected === 0 ? 0 : acknowledged / expected);
const group = (g: ComplianceGroupRow): GuidelineComplianceGroupType => ({ ...g, rate: rate(g.acknowledged, g.expected) });

/** A CSV cell; cells a spreadsheet would run as a formula are prefixed with a quote. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Who acknowledged a guideline version: rates overall and by department, community and
 * audience, who has not, reminders and the CSV export. The programme team and steering see
 * every guideline; a community's managers see their community's guidelines, and platform-wide
 * ones narrowed to their community's members.
 */
@Injectable()
export class GuidelineComplianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: GuidelineRepository,
    private readonly guidelines: GuidelinesService,
    private readonly communities: CommunityAccessService,
    private readonly authorization: AuthorizationService,
    private readonly events: DomainEvents,
  ) {}

  /** The scope a filter names, once the viewer may `action` on it. */
  private async scope(viewer: Viewer, filter: GuidelineComplianceFilter, action: string): Promise<ComplianceScope & { versionId: string }> {
    const { row } = await this.guidelines.readable(viewer, { id: filter.guidelineId });
    const communityId = row.communityId ?? filter.communityId ?? null;
    let resource: GuidelineResource = { audiences: row.audiences, communityId: row.communityId, community: null };
    if (communityId) {
      const facts = await this.communities.facts(viewer, communityId);
      if (!facts) throw new NotFoundError('The community');
      resource = { ...resource, community: facts };
    }
    this.authorization.assert(viewer, action, resource);
    const versionId = filter.versionId ?? row.requiredVersionId;
    if (!versionId) throw ValidationError.field('versionId', 'This guideline has no published version yet.');
    const version = await this.repository.version(this.dataSource.manager, versionId);
    if (!version || version.guidelineId !== row.id || !version.publishedAt) throw new NotFoundError('The version');
    return { guidelineId: row.id, audiences: row.audiences, communityId, department: filter.department ?? null, versionNumber: version.number, versionId };
  }

  async compliance(viewer: Viewer, filter: GuidelineComplianceFilter): Promise<GuidelineComplianceType> {
    const scope = await this.scope(viewer, filter, GuidelineAction.SeeCompliance);
    const totals = await this.repository.totals(scope);
    const [byDepartment, byCommunity, byAudience] = await Promise.all([
      this.repository.groups(scope, 'DEPARTMENT', MAX_GROUPS),
      this.repository.groups(scope, 'COMMUNITY', MAX_GROUPS),
      this.repository.groups(scope, 'AUDIENCE', MAX_GROUPS),
    ]);
    return {
      guidelineId: scope.guidelineId,
      versionId: scope.versionId,
      versionNumber: scope.versionNumber,
      communityId: scope.communityId,
      department: scope.department,
      expected: totals.expected,
      acknowledged: totals.acknowledged,
      rate: rate(totals.acknowledged, totals.expected),
      byDepartment: byDepartment.map(group),
      byCommunity: byCommunity.map(group),
      byAudience: byAudience.map(group),
    };
  }

  /** Who has not acknowledged the version (nor a later one), by name. */
  async notAcknowledged(viewer: Viewer, args: GuidelinePeopleArgs) {
    const scope = await this.scope(viewer, args.filter, GuidelineAction.SeeCompliance);
    const after = decodeCursor(args.after);
    const rows = await this.repository.people(scope, { pendingOnly: true, first: args.first, after });
    const totals = await this.repository.totals(scope);
    const page = toConnection(rows, args.first, (r) => [r.sortName, r.id], after !== undefined);
    return {
      ...page,
      totalCount: totals.expected - totals.acknowledged,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: personType(e.node) })),
    };
  }

  /** Reminds everyone in the scope who has not acknowledged; returns how many. */
  async remind(viewer: Viewer, filter: GuidelineComplianceFilter): Promise<number> {
    const scope = await this.scope(viewer, filter, GuidelineAction.Remind);
    return this.dataSource.transaction(async (manager) => {
      let after: KeysetPosition | undefined;
      let count = 0;
      for (;;) {
        const rows = await this.repository.people(scope, { pendingOnly: true, first: REMINDER_BATCH, after });
        const batch = rows.slice(0, REMINDER_BATCH);
        if (batch.length > 0) {
          await this.events.record(manager, {
            type: KnowledgeEvent.GuidelineReminderSent,
            communityId: scope.communityId,
            subjectId: scope.guidelineId,
            payload: { guidelineId: scope.guidelineId, versionId: scope.versionId, accountIds: batch.map((r) => r.id) },
          });
          count += batch.length;
        }
        if (rows.length <= REMINDER_BATCH) return count;
        const last = batch[batch.length - 1] as CompliancePersonRow;
        after = [last.sortName, last.id];
      }
    });
  }

  /** Everyone in the scope with their acknowledgement, as CSV (RFC 4180), by name. */
  async csv(viewer: Viewer, filter: GuidelineComplianceFilter): Promise<string> {
    const scope = await this.scope(viewer, filter, GuidelineAction.SeeCompliance);
    const lines = ['account_id,name,email,department,audience,acknowledged,acknowledged_version,acknowledged_at'];
    let after: KeysetPosition | undefined;
    for (let read = 0; read < CSV_MAX_ROWS; ) {
      const first = Math.min(REMINDER_BATCH, CSV_MAX_ROWS - read);
      const rows = await this.repository.people(scope, { pendingOnly: false, first, after });
      const page = rows.slice(0, first);
      for (const r of page) {
        lines.push(
          [r.id, r.displayName, r.email, r.department ?? '', r.audience, r.acknowledgedNumber !== null ? 'yes' : 'no', r.acknowledgedNumber?.toString() ?? '', r.acknowledgedAt?.toISOString() ?? '']
            .map(csvCell)
            .join(','),
        );
      }
      read += page.length;
      if (rows.length <= page.length || page.length === 0) break;
      const last = page[page.length - 1] as CompliancePersonRow;
      after = [last.sortName, last.id];
    }
    return `${lines.join('\r\n')}\r\n`;
  }
}

function personType(r: CompliancePersonRow) {
  return { id: r.id, displayName: r.displayName, department: r.department, audience: r.audience, acknowledgedVersionNumber: r.acknowledgedNumber, acknowledgedAt: r.acknowledgedAt };
}
