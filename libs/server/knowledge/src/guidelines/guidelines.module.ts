import { Module } from '@nestjs/common';

/** Center of Excellence: guidelines. Owns its entities (TypeOrmModule.forFeature), services, resolvers and rules. */
@Module({})
export class GuidelinesModule {}
