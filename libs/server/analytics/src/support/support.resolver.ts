import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { SetSupportSlaInput, UnansweredQuestionsArgs } from './dto/support.inputs';
import { SupportSlaType, UnansweredAgesType, UnansweredQuestionConnection } from './dto/support.types';
import { SupportSlaService } from './support-sla.service';

/** A community's support SLA and unanswered backlog; every rule is in SupportSlaService. */
@Resolver()
export class SupportResolver {
  constructor(private readonly service: SupportSlaService) {}

  @Query(() => SupportSlaType, { nullable: true, description: "The community's first-response SLA, if set. Its managers and the steering committee." })
  @Authorize(PlatformAction.SignedIn)
  supportSla(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    return this.service.sla(viewer, communityId);
  }

  @Mutation(() => SupportSlaType, { description: "Sets the community's first-response SLA; questions waiting longer alert its managers. Its managers." })
  @Authorize(PlatformAction.SignedIn)
  setSupportSla(@CurrentViewer() viewer: Viewer, @Args('input') input: SetSupportSlaInput) {
    return this.service.setSla(viewer, input.communityId, input.firstResponseMinutes);
  }

  @Mutation(() => Boolean, { description: "Removes the community's SLA; true when there was one. Its managers." })
  @Authorize(PlatformAction.SignedIn)
  removeSupportSla(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    return this.service.removeSla(viewer, communityId);
  }

  @Query(() => UnansweredQuestionConnection, {
    description: 'Open questions with no answer from anyone else yet, oldest first, with their age and whether they breach the SLA. Its managers and the steering committee.',
  })
  @Authorize(PlatformAction.SignedIn)
  unansweredQuestions(@CurrentViewer() viewer: Viewer, @Args() args: UnansweredQuestionsArgs) {
    return this.service.unanswered(viewer, args.communityId, args.first, args.after);
  }

  @Query(() => UnansweredAgesType, { description: 'The open unanswered questions by age band (< 1 h, 1–4 h, 4–24 h, 1–3 d, > 3 d). Its managers and the steering committee.' })
  @Authorize(PlatformAction.SignedIn)
  unansweredQuestionAges(@CurrentViewer() viewer: Viewer, @Args('communityId', { type: () => ID }, ParseUUIDPipe) communityId: string) {
    return this.service.ages(viewer, communityId);
  }
}
