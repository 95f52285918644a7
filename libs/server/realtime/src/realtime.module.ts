import { Global, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { APP_CONFIG, DomainEvents, type AppConfig } from '@commons/server-core';
import type { DataSource } from 'typeorm';
import { EventBus } from './bus/event-bus';
import { PostgresEventBus } from './bus/postgres-event-bus';
import { RedisEventBus } from './bus/redis-event-bus';
import { OutboxEventEntity } from './entities/outbox-event.entity';
import { EventConsumers } from './outbox/event-consumers';
import { EventHistory } from './outbox/event-history';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxService } from './outbox/outbox.service';
import { poolOf } from './pool-of';
import { EndedSessions } from './stream/ended-sessions';
import { EventStream } from './stream/event-stream';
import { PresenceBoard } from './presence/presence-board';

/**
 * Realtime: the outbox every domain records its events in (DomainEvents), the relay that
 * publishes them after commit, and the event bus between API instances — Redis pub/sub when
 * REDIS_URL is set, PostgreSQL LISTEN/NOTIFY otherwise. Global, because every domain records
 * events and none imports this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventEntity])],
  providers: [
    {
      provide: EventBus,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource): EventBus =>
        config.redisUrl ? new RedisEventBus(config.redisUrl) : new PostgresEventBus(config.databaseUrl, poolOf(dataSource)),
    },
    EventConsumers,
    EventHistory,
    OutboxRelay,
    OutboxService,
    { provide: DomainEvents, useExisting: OutboxService },
    EventStream,
    EndedSessions,
    PresenceBoard,
  ],
  exports: [DomainEvents, EventBus, EventConsumers, EventHistory, OutboxRelay, EventStream, PresenceBoard],
})
export class RealtimeModule implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly modules: ModuleRef) {}

  /** Listening starts before the relay's first run (application bootstrap), so nothing published is missed here. */
  async onModuleInit(): Promise<void> {
    await this.modules.get(EventBus).start();
  }

  /** After the relay (a provider) has stopped: Nest shuts modules' providers down before the module itself. */
  async onApplicationShutdown(): Promise<void> {
    await this.modules.get(EventBus).stop();
  }
}
