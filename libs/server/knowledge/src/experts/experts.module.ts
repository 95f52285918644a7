import { Module } from '@nestjs/common';

/** Center of Excellence: experts. Owns its entities (TypeOrmModule.forFeature), services, resolvers and rules. */
@Module({})
export class ExpertsModule {}
