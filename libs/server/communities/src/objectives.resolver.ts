import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { PlatformAction, type Viewer } from '@commons/server-core';
import { Authorize, CurrentViewer } from '@commons/server-graphql';
import { CommunityAccessService } from './community-access.service';
import { toCommunityType, toObjectiveType } from './community.mapper';
import { ObjectivesService } from './objectives.service';
import { CommunityType } from './dto/community.type';
import { CreateObjectiveInput, UpdateObjectiveInput } from './dto/objective.inputs';
import { ObjectiveType } from './dto/objective.type';

@Resolver(() => ObjectiveType)
export class ObjectivesResolver {
  constructor(
    private readonly objectives: ObjectivesService,
    private readonly communities: CommunityAccessService,
  ) {}

  @Mutation(() => ObjectiveType, { description: 'Adds an objective; it must be due today or later and improve on its baseline.' })
  @Authorize(PlatformAction.SignedIn)
  async createObjective(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateObjectiveInput) {
    return toObjectiveType(await this.objectives.create(viewer, input));
  }

  @Mutation(() => ObjectiveType)
  @Authorize(PlatformAction.SignedIn)
  async updateObjective(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateObjectiveInput) {
    return toObjectiveType(await this.objectives.update(viewer, input));
  }

  @Mutation(() => CommunityType, { description: 'Deletes an objective and returns its community.' })
  @Authorize(PlatformAction.SignedIn)
  async deleteObjective(@CurrentViewer() viewer: Viewer, @Args('objectiveId', { type: () => ID }, ParseUUIDPipe) objectiveId: string) {
    const communityId = await this.objectives.delete(viewer, objectiveId);
    return toCommunityType(await this.communities.visible(viewer, communityId));
  }
}
