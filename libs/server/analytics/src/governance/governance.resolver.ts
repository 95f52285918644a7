import { Args, Query, Resolver } from '@nestjs/graphql';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { ModerationByRuleInput, ModerationRuleCountType } from './dto/governance.types';
import { ModerationByRuleService } from './moderation-by-rule.service';

@Resolver()
export class GovernanceResolver {
  constructor(private readonly service: ModerationByRuleService) {}

  @Query(() => [ModerationRuleCountType], {
    description: 'Posts held or rejected per moderation rule and action over a range of days, most first. The organisation: the steering committee; a community: also its managers.',
  })
  @Authorize(PlatformAction.SignedIn)
  moderationByRule(@CurrentViewer() viewer: Viewer, @Args('input') input: ModerationByRuleInput): Promise<ModerationRuleCountType[]> {
    return this.service.byRule(viewer, input);
  }
}
