import { CommunityActivity } from './community-activity';
import { CommunityActivityResolver } from './community-activity.resolver';
import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@commons/server-core';
import { AccountVisibility, IdentityModule } from '@commons/server-identity';
import { cohortRules } from './cohort-access';
import { CohortRepository } from './cohort.repository';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';
import { CommunitiesResolver } from './communities.resolver';
import { CommunitiesService } from './communities.service';
import { CommunityLoaders } from './communities.loader';
import { communityRules } from './community-access';
import { ReadersAccess } from './readers-access';
import { CommunityAccessService } from './community-access.service';
import { CommunityRepository } from './community.repository';
import { externalAccountScope } from './external-account-scope';
import { MembershipHistory } from './membership-history';
import { MembershipRepository } from './membership.repository';
import { BanFieldsResolver, InvitationFieldsResolver, JoinRequestFieldsResolver, MembershipsResolver } from './memberships.resolver';
import { MembershipsService } from './memberships.service';
import { ObjectivesResolver } from './objectives.resolver';
import { ObjectivesService } from './objectives.service';
import { CohortEntity } from './entities/cohort.entity';
import { CohortMemberEntity } from './entities/cohort-member.entity';
import { CommunityBanEntity } from './entities/community-ban.entity';
import { CommunityCohortEntity } from './entities/community-cohort.entity';
import { CommunityInvitationEntity } from './entities/community-invitation.entity';
import { CommunityMembershipEntity } from './entities/community-membership.entity';
import { CommunitySlugRedirectEntity } from './entities/community-slug-redirect.entity';
import { CommunityEntity } from './entities/community.entity';
import { JoinRequestEntity } from './entities/join-request.entity';
import { MembershipEventEntity } from './entities/membership-event.entity';
import { ObjectiveEntity } from './entities/objective.entity';

export const communityEntities = [
  CommunityEntity,
  CommunitySlugRedirectEntity,
  CommunityMembershipEntity,
  MembershipEventEntity,
  JoinRequestEntity,
  CommunityInvitationEntity,
  CommunityBanEntity,
  ObjectiveEntity,
  CohortEntity,
  CohortMemberEntity,
  CommunityCohortEntity,
];

/** Communities with their social intent, membership and roles, objectives and pilot cohorts. */
@Module({
  imports: [TypeOrmModule.forFeature(communityEntities), IdentityModule],
  providers: [
    CommunityRepository,
    CommunityAccessService,
    ReadersAccess,
    CommunitiesService,
    CommunityLoaders,
    MembershipHistory,
    MembershipRepository,
    MembershipsService,
    ObjectivesService,
    CohortRepository,
    CohortsService,
    CommunitiesResolver,
    MembershipsResolver,
    JoinRequestFieldsResolver,
    InvitationFieldsResolver,
    BanFieldsResolver,
    ObjectivesResolver,
    CohortsResolver,
    CommunityActivity,
    CommunityActivityResolver,
  ],
  exports: [CommunityAccessService, CommunitiesService, MembershipsService],
})
export class CommunitiesModule implements OnModuleInit {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly accountVisibility: AccountVisibility,
  ) {}

  onModuleInit(): void {
    this.authorization.registerRules(communityRules);
    this.authorization.registerRules(cohortRules);
    this.accountVisibility.register(externalAccountScope);
  }
}
