import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PublishedEvent } from '../bus/event-bus';
import { poolOf } from '../pool-of';
import { publishedEventOf, type OutboxRow } from './outbox-relay';

/** What a reconnecting subscriber missed, or that it must refetch instead. */
export type MissedEvents = { complete: true; events: PublishedEvent[] } | { complete: false; latestSeq: number };

/**
 * Published events as the outbox keeps them for the retention window: a client that comes back
 * with the last sequence it saw is sent what it missed, or told to refetch when that is gone
 * (older than the window) or too much to replay.
 */
@Injectable()
export class EventHistory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async after(subjectId: string, types: readonly string[], since: number, limit: number): Promise<MissedEvents> {
    const pool = poolOf(this.dataSource);
    // Events are removed oldest first: when the oldest kept one is past `since`, some may be gone.
    const { rows: [bounds] } = await pool.query<{ oldest: string | null; latest: string }>(
      `SELECT (SELECT min(seq) FROM outbox_events) AS oldest, (SELECT last_value FROM outbox_events_seq_seq) AS latest`,
    );
    const latestSeq = Number(bounds.latest);
    const oldest = bounds.oldest === null ? latestSeq + 1 : Number(bounds.oldest);
    if (since < oldest - 1) return { complete: false, latestSeq };
    const { rows } = await pool.query<OutboxRow>(
      `SELECT seq, type, community_id, subject_id, payload, created_at FROM outbox_events
        WHERE subject_id = $1 AND seq > $2 AND type = ANY($3::text[])
        ORDER BY seq LIMIT $4`,
      [subjectId, since, types, limit + 1],
    );
    if (rows.length > limit) return { complete: false, latestSeq };
    return { complete: true, events: rows.map(publishedEventOf) };
  }
}
