import type { EntityManager } from 'typeorm';

/**
 * Something that happened, as realtime delivery and analytics need to hear of it: ids, never
 * whole objects (a listener loads what it may show, for whom it may show it).
 */
export interface DomainEvent {
  /** What happened, `area.thing.verb`: `forum.reply.created`, `moderation.queue.entered`… */
  type: string;
  /** The community it happened in (null for platform-wide events). */
  communityId: string | null;
  /** What it happened to, for subscribers of one thing (a thread, a blog post, an account). */
  subjectId: string | null;
  /** Further ids and small facts (states, kinds); kept small, never text people wrote. */
  payload: Record<string, unknown>;
}

/**
 * Where domain services record their events: in the write's own transaction, so an event exists
 * exactly when the change it reports was committed. Publishing happens after the commit, by the
 * realtime module's relay; never in the write transaction (a NOTIFY there serializes commits).
 */
export abstract class DomainEvents {
  abstract record(manager: EntityManager, ...events: DomainEvent[]): Promise<void>;
}
