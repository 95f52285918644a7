export { CommunitiesModule, communityEntities } from './communities.module';
export { CommunityAccessService } from './community-access.service';
export { ReadersAccess } from './readers-access';
export { CommunitiesService } from './communities.service';
export { MembershipsService } from './memberships.service';
export {
  CommunityAction,
  COMMUNITY_RESOURCE_ACTIONS,
  communityRules,
  oncePerStanding,
  readableCommunityIdsSql,
  type CommunityAccess,
  type CommunityResource,
} from './community-access';
export { CohortAction } from './cohort-access';
export type { LoadedCommunity } from './community.repository';
export * from './community-access.expected';
export { CommunityActivity } from './community-activity';
export { MEMBERSHIP_CHANGED } from './membership-history';
export { ObjectiveType } from './dto/objective.type';
