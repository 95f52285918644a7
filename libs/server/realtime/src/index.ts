export * from './realtime.module';
export * from './bus/event-bus';
export * from './bus/postgres-event-bus';
export * from './bus/redis-event-bus';
export * from './outbox/outbox-relay';
export * from './stream/event-stream';
export * from './entities/outbox-event.entity';
