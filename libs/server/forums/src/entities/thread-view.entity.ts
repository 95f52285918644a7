import { Entity, PrimaryColumn } from 'typeorm';

/** One row per thread, person and day: the unique views a thread's counter is made of. */
@Entity('forum_thread_views')
export class ThreadViewEntity {
  @PrimaryColumn('uuid', { name: 'thread_id' })
  threadId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @PrimaryColumn('date')
  day: string;
}
