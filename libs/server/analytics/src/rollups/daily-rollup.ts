import { Injectable } from '@nestjs/common';

/** What a daily rollup may do: SQL in the day's rollup transaction. */
export interface RollupTransaction {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

/** The organisation's day being rolled up: its date, and its bounds in the organisation's time zone. */
export interface RollupDay {
  /** YYYY-MM-DD */
  day: string;
  /** The day's first instant (its midnight in the organisation's time zone). */
  start: Date;
  /** The next day's first instant. */
  end: Date;
  timeZone: string;
}

/**
 * One part of the day's rollup: replaces everything it writes for that day (delete, then
 * insert), so running a day again gives the same rows, and reads only that day and the windows
 * that end on it, so adding a day never recomputes history. Each part writes its own metrics'
 * rows into metric_daily (and its own tables, if any).
 */
export interface DailyRollup {
  /** For logs and run status. */
  readonly name: string;
  /** Rolls up the day; returns how many rows it wrote. Runs after the parts registered before it. */
  rollDay(tx: RollupTransaction, day: RollupDay): Promise<number>;
}

/** The rollup parts, in order; a module registers its own when it starts (onModuleInit). */
@Injectable()
export class DailyRollups {
  private readonly parts: DailyRollup[] = [];

  register(part: DailyRollup): void {
    this.parts.push(part);
  }

  get all(): readonly DailyRollup[] {
    return this.parts;
  }
}
