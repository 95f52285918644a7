import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthorizationService } from '@commons/server-core';
import { CommunitiesModule } from '@commons/server-communities';
import { IdentityModule } from '@commons/server-identity';
import { ChampionsResolver } from './champions.resolver';
import { ChampionsService } from './champions.service';
import { ChampionEntity } from './entities/champion.entity';
import { ExpertiseProfileEntity } from './entities/expertise-profile.entity';
import { ExpertiseTagEntity } from './entities/expertise-tag.entity';
import { expertsRules } from './experts-access';
import { ExpertsRepository } from './experts.repository';
import { ExpertiseLoader } from './expertise.loader';
import { ExpertiseResolver } from './expertise.resolver';
import { ExpertiseService } from './expertise.service';

export const expertsEntities = [ExpertiseProfileEntity, ExpertiseTagEntity, ChampionEntity];

/** Center of Excellence: declared expertise, finding experts by topic, and champions with their dashboard. */
@Module({
  imports: [TypeOrmModule.forFeature(expertsEntities), IdentityModule, CommunitiesModule],
  providers: [ExpertsRepository, ExpertiseLoader, ExpertiseService, ChampionsService, ExpertiseResolver, ChampionsResolver],
  exports: [ExpertiseService],
})
export class ExpertsModule implements OnModuleInit {
  constructor(private readonly authorization: AuthorizationService) {}

  onModuleInit(): void {
    this.authorization.registerRules(expertsRules);
  }
}
