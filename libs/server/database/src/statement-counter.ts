import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so API tests can assert how many statements
 * a page costs (an N+1 regression fails a test). Counting is one increment per query.
 */
const noop = (): void => undefined;

export class StatementCounter implements TypeOrmLogger {
  private count = 0;

  constructor(private readonly onSlowQuery?: (query: string, ms: number) => void) {}

  get total(): number {
    return this.count;
  }

  /** Runs `work` and returns how many statements it sent. Only meaningful when nothing else runs meanwhile. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = this.count;
    const result = await work();
    return { result, statements: this.count - before };
  }

  logQuery(): void {
    this.count++;
  }
  logQuerySlow(time: number, query: string): void {
    this.onSlowQuery?.(query, time);
  }
  // Errors reach callers as exceptions; schema and migration chatter is not wanted.
  logQueryError = noop;
  logSchemaBuild = noop;
  logMigration = noop;
  log = noop;
}
