import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, ConnectionArgs, CurrentViewer } from '@commons/server-graphql';
import { GroupComparisonType } from './dto/comparison.types';
import { PilotComparisonInput, RetentionCohortsInput, SaveMetricSnapshotInput, TrainingImpactInput } from './dto/programme.inputs';
import { RetentionCohortsType } from './dto/retention.types';
import { MetricSnapshotConnection, MetricSnapshotType } from './dto/snapshot.types';
import { GroupComparisonsService } from './group-comparisons.service';
import { MetricSnapshotsService } from './metric-snapshots.service';
import { RetentionService } from './retention.service';

@Resolver()
export class ProgrammeResolver {
  constructor(
    private readonly comparisons: GroupComparisonsService,
    private readonly retention: RetentionService,
    private readonly snapshots: MetricSnapshotsService,
  ) {}

  @Query(() => GroupComparisonType, {
    description: "A pilot cohort's members against comparable non-members (same audience and department) over the same days. The steering committee.",
  })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  pilotComparison(@CurrentViewer() viewer: Viewer, @Args('input') input: PilotComparisonInput): Promise<GroupComparisonType> {
    return this.comparisons.pilot(viewer, input);
  }

  @Query(() => GroupComparisonType, { description: 'People who completed a course (or any course) against those who had not, over the same days. The steering committee.' })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  trainingImpact(@CurrentViewer() viewer: Viewer, @Args('input') input: TrainingImpactInput): Promise<GroupComparisonType> {
    return this.comparisons.training(viewer, input);
  }

  @Query(() => RetentionCohortsType, {
    description: "Of the people who joined in each month, the share active in each week after joining. A community: its managers and the steering committee; the organisation: the steering committee.",
  })
  @Authorize(PlatformAction.SignedIn)
  retentionCohorts(@CurrentViewer() viewer: Viewer, @Args('input') input: RetentionCohortsInput): Promise<RetentionCohortsType> {
    return this.retention.cohorts(viewer, input);
  }

  @Mutation(() => MetricSnapshotType, { description: "Saves the month's programme overview (YYYY-MM); saving a month again adds a version. The steering committee." })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  saveMetricSnapshot(@CurrentViewer() viewer: Viewer, @Args('input') input: SaveMetricSnapshotInput): Promise<MetricSnapshotType> {
    return this.snapshots.save(viewer, input);
  }

  @Query(() => MetricSnapshotConnection, { description: 'Saved monthly snapshots, newest first. The steering committee.' })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  metricSnapshots(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.snapshots.list(viewer, args);
  }

  @Query(() => MetricSnapshotType, { description: 'One saved snapshot. The steering committee.' })
  @Authorize(PlatformAction.ReadOrganisationMetrics)
  metricSnapshot(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string): Promise<MetricSnapshotType> {
    return this.snapshots.get(viewer, id);
  }
}
