import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Fixed-window counters for rate limits, kept in PostgreSQL so every API instance
 * sees the same counts. Old windows are swept periodically.
 */
@Entity('rate_limit_buckets')
export class RateLimitBucketEntity {
  @PrimaryColumn('text')
  key: string;

  @Index('rate_limit_buckets_window_start_idx')
  @PrimaryColumn('timestamptz', { name: 'window_start' })
  windowStart: Date;

  @Column('integer')
  hits: number;
}
