import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@commons/server-core';
import { GraphqlValidationsPlugin } from './graphql-validations.plugin';
import { MetricsController } from './metrics.controller';

/**
 * `/metrics` in Prometheus text, only when METRICS_TOKEN is set. Without it there is no
 * route and no counting plugin at all: nothing to find and nothing on the request path.
 */
@Module({})
export class MetricsModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (!config.metricsToken) return { module: MetricsModule };
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [GraphqlValidationsPlugin],
    };
  }
}
