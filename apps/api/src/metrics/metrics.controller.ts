import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@commons/server-core';
import { StatementCounter } from '@commons/server-database';
import { GraphqlWsServer, subscriptionExecutions } from '@commons/server-graphql';
import { PresenceBoard } from '@commons/server-realtime';
import { GraphqlValidationsPlugin } from './graphql-validations.plugin';
import { PROMETHEUS_CONTENT_TYPE, toPrometheusText, type MetricFamily } from './prometheus-text';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Prometheus metrics for operators and the benchmark harness. Registered only when
 * METRICS_TOKEN is set, and then answers only requests bearing it: anyone else gets the
 * same 404 as for a path that does not exist.
 */
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly validations: GraphqlValidationsPlugin,
    // The WebSocket server belongs to the GraphQL module, which this one does not import.
    private readonly modules: ModuleRef,
  ) {
    this.expected = digest(`Bearer ${config.metricsToken ?? ''}`);
  }

  @Get()
  metrics(@Req() req: Request, @Res() res: Response): void {
    const given = req.headers.authorization;
    // Comparing digests keeps the comparison constant-time whatever the header's length.
    if (given === undefined || !timingSafeEqual(digest(given), this.expected)) {
      throw new NotFoundException(`Cannot ${req.method} ${req.originalUrl}`);
    }
    res.status(200).setHeader('Content-Type', PROMETHEUS_CONTENT_TYPE).setHeader('Cache-Control', 'no-store').send(toPrometheusText(this.collect()));
  }

  private collect(): MetricFamily[] {
    const logger = this.dataSource.logger;
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const families: MetricFamily[] = [];
    if (logger instanceof StatementCounter) {
      families.push({
        name: 'commons_sql_statements_total',
        help: 'SQL statements this process sent to PostgreSQL (every TypeORM query, including transaction control).',
        type: 'counter',
        samples: [{ value: logger.total }],
      });
    }
    families.push(
      {
        name: 'commons_graphql_validations_total',
        help: 'GraphQL documents validated; operations served from a document cache (Apollo Server on HTTP, its own on WebSocket) are not validated again.',
        type: 'counter',
        samples: [
          { labels: { transport: 'http' }, value: this.validations.total },
          { labels: { transport: 'ws' }, value: this.modules.get(GraphqlWsServer, { strict: false }).validations },
        ],
      },
      {
        name: 'commons_subscription_events_total',
        help: 'Subscription events delivered to subscribers (outcome=delivered), the GraphQL executions they took (outcome=executed) and the results serialized for the socket (outcome=serialized): one of each per class of subscribers who see an event alike; deliveries of a burst held back to share one write with the next (outcome=gathered).',
        type: 'counter',
        samples: [
          { labels: { outcome: 'delivered' }, value: subscriptionExecutions.delivered },
          { labels: { outcome: 'executed' }, value: subscriptionExecutions.executed },
          { labels: { outcome: 'serialized' }, value: subscriptionExecutions.serialized },
          { labels: { outcome: 'gathered' }, value: subscriptionExecutions.gathered },
        ],
      },
      {
        name: 'commons_presence_threads',
        help: 'Threads whose presence this instance keeps: someone here reads one, writes a reply in one, or watches who does.',
        type: 'gauge',
        samples: [{ value: this.modules.get(PresenceBoard, { strict: false }).size }],
      },
      {
        name: 'process_cpu_user_seconds_total',
        help: 'User CPU time spent in seconds.',
        type: 'counter',
        samples: [{ value: cpu.user / 1e6 }],
      },
      {
        name: 'process_cpu_system_seconds_total',
        help: 'System CPU time spent in seconds.',
        type: 'counter',
        samples: [{ value: cpu.system / 1e6 }],
      },
      {
        name: 'process_cpu_seconds_total',
        help: 'Total user and system CPU time spent in seconds.',
        type: 'counter',
        samples: [{ value: (cpu.user + cpu.system) / 1e6 }],
      },
      {
        name: 'process_resident_memory_bytes',
        help: 'Resident memory size in bytes.',
        type: 'gauge',
        samples: [{ value: memory.rss }],
      },
      {
        name: 'nodejs_heap_used_bytes',
        help: 'V8 heap in use, in bytes.',
        type: 'gauge',
        samples: [{ value: memory.heapUsed }],
      },
      {
        name: 'process_start_time_seconds',
        help: 'Start time of the process since the Unix epoch, in seconds.',
        type: 'gauge',
        samples: [{ value: Math.round(Date.now() / 1000 - process.uptime()) }],
      },
    );
    return families;
  }
}
