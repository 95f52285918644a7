import { Module } from '@nestjs/common';

/** Center of Excellence: articles. Owns its entities (TypeOrmModule.forFeature), services, resolvers and rules. */
@Module({})
export class ArticlesModule {}
