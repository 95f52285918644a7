import { Module } from '@nestjs/common';

/** Center of Excellence: training. Owns its entities (TypeOrmModule.forFeature), services, resolvers and rules. */
@Module({})
export class TrainingModule {}
