import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, ConnectionArgs, CurrentViewer } from '@commons/server-graphql';
import { GuidelineComplianceService } from './guideline-compliance.service';
import { GuidelinesService } from './guidelines.service';
import {
  AcknowledgeGuidelineInput,
  CreateGuidelineInput,
  GuidelineComplianceFilter,
  GuidelinePeopleArgs,
  PublishGuidelineVersionInput,
  SaveGuidelineDraftInput,
} from './dto/guideline.inputs';
import { GuidelineComplianceType, GuidelineConnection, GuidelinePersonConnection, GuidelineType, GuidelineVersionConnection, GuidelineVersionType } from './dto/guideline.types';

/** Guidelines, their versions, acknowledgements and compliance. Every rule is decided in the services. */
@Resolver(() => GuidelineType)
export class GuidelinesResolver {
  constructor(
    private readonly service: GuidelinesService,
    private readonly compliance: GuidelineComplianceService,
  ) {}

  @Query(() => GuidelineConnection, { description: 'Guidelines you may read, by title.' })
  @Authorize(PlatformAction.SignedIn)
  guidelines(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.service.list(viewer, args, false);
  }

  @Query(() => GuidelineConnection, { description: 'Guidelines you must (re-)acknowledge: their latest material version is newer than your acknowledgement.' })
  @Authorize(PlatformAction.SignedIn)
  pendingGuidelines(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.service.list(viewer, args, true);
  }

  @Query(() => GuidelineType, { description: 'One guideline by its key, with its current version and your acknowledgement.' })
  @Authorize(PlatformAction.SignedIn)
  guideline(@CurrentViewer() viewer: Viewer, @Args('key') key: string) {
    return this.service.guideline(viewer, key);
  }

  @Query(() => GuidelineVersionConnection, { description: "A guideline's published versions, newest first." })
  @Authorize(PlatformAction.SignedIn)
  guidelineVersions(@CurrentViewer() viewer: Viewer, @Args('guidelineId', { type: () => ID }, ParseUUIDPipe) guidelineId: string, @Args() args: ConnectionArgs) {
    return this.service.versions(viewer, guidelineId, args);
  }

  @Query(() => GuidelineVersionType, { nullable: true, description: 'The draft of the next version, for those who manage the guideline.' })
  @Authorize(PlatformAction.SignedIn)
  guidelineDraft(@CurrentViewer() viewer: Viewer, @Args('guidelineId', { type: () => ID }, ParseUUIDPipe) guidelineId: string) {
    return this.service.draft(viewer, guidelineId);
  }

  @Mutation(() => GuidelineType, { description: 'Creates a guideline: platform-wide (programme team) or a community’s own (its managers).' })
  @Authorize(PlatformAction.SignedIn)
  createGuideline(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateGuidelineInput) {
    return this.service.create(viewer, input);
  }

  @Mutation(() => GuidelineVersionType, { description: 'Writes the draft of the next version (creating it when there is none).' })
  @Authorize(PlatformAction.SignedIn)
  saveGuidelineDraft(@CurrentViewer() viewer: Viewer, @Args('input') input: SaveGuidelineDraftInput) {
    return this.service.saveDraft(viewer, input);
  }

  @Mutation(() => GuidelineType, { description: 'Publishes the draft as material (everyone acknowledges again) or editorial.' })
  @Authorize(PlatformAction.SignedIn)
  publishGuidelineVersion(@CurrentViewer() viewer: Viewer, @Args('input') input: PublishGuidelineVersionInput) {
    return this.service.publish(viewer, input);
  }

  @Mutation(() => GuidelineType, { description: 'You read and acknowledge this version. An outdated version is CONFLICT with extensions.currentVersionId.' })
  @Authorize(PlatformAction.SignedIn)
  acknowledgeGuideline(@CurrentViewer() viewer: Viewer, @Args('input') input: AcknowledgeGuidelineInput) {
    return this.service.acknowledge(viewer, input);
  }

  @Query(() => GuidelineComplianceType, { description: 'Acknowledgement rate of a version, overall and by department, community and audience.' })
  @Authorize(PlatformAction.SignedIn)
  guidelineCompliance(@CurrentViewer() viewer: Viewer, @Args('filter') filter: GuidelineComplianceFilter) {
    return this.compliance.compliance(viewer, filter);
  }

  @Query(() => GuidelinePersonConnection, { description: 'Who has not acknowledged the version (nor a later one), by name.' })
  @Authorize(PlatformAction.SignedIn)
  guidelineNotAcknowledged(@CurrentViewer() viewer: Viewer, @Args() args: GuidelinePeopleArgs) {
    return this.compliance.notAcknowledged(viewer, args);
  }

  @Query(() => String, { description: 'Everyone the guideline addresses with their acknowledgement, as CSV.' })
  @Authorize(PlatformAction.SignedIn)
  guidelineComplianceCsv(@CurrentViewer() viewer: Viewer, @Args('filter') filter: GuidelineComplianceFilter) {
    return this.compliance.csv(viewer, filter);
  }

  @Mutation(() => Int, { description: 'Reminds everyone in the filter who has not acknowledged; returns how many were reminded.' })
  @Authorize(PlatformAction.SignedIn)
  remindGuideline(@CurrentViewer() viewer: Viewer, @Args('filter') filter: GuidelineComplianceFilter) {
    return this.compliance.remind(viewer, filter);
  }
}
