import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@commons/server-core';
import { dataSourceOptions } from './data-source-options';
import { DatabaseHealthCheck } from './database-health';
import { StatementCounter } from './statement-counter';

/**
 * PostgreSQL for the whole API. Domains add their entities with TypeOrmModule.forFeature;
 * `autoLoadEntities` collects them, so this library never imports a domain.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, [], new StatementCounter()),
            autoLoadEntities: true,
            // A few quick retries at boot; a database that stays down fails start-up with its error.
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
        }),
      ],
      providers: [DatabaseHealthCheck],
      exports: [DatabaseHealthCheck],
    };
  }
}
