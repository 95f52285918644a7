import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvents, RidingWrites, type DomainEvent } from '@commons/server-core';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { OutboxRelay } from './outbox-relay';

/**
 * Domain events into the outbox table, in the caller's transaction; the relay is woken once
 * that transaction has committed (a rolled-back change leaves no event and wakes nobody).
 */
@Injectable()
export class OutboxService extends DomainEvents implements OnModuleInit {
  /** Transactions that wrote events, to wake the relay when they commit. */
  private readonly wrote = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly riding: RidingWrites,
  ) {
    super();
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        if (this.wrote.delete(queryRunner)) this.relay.wake();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        this.wrote.delete(queryRunner);
      },
    });
  }

  async record(manager: EntityManager, ...events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    // With the post's own INSERT when the event is recorded before it, else just before the commit.
    await this.riding.add(manager, {
      table: 'outbox_events',
      columns: ['type', 'community_id', 'subject_id', 'payload'],
      rows: events.map((e) => [e.type, e.communityId, e.subjectId, JSON.stringify(e.payload)]),
    });
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.wrote.add(runner);
    else this.relay.wake();
  }
}
