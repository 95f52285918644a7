import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/** Statement names by text; texts come from code, so the map stays small (bounded anyway). */
const names = new Map<string, string>();
const NAMES_KEPT = 1_000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `commons_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size < NAMES_KEPT) names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement of the write path as a named prepared statement on the connection of the
 * manager's transaction: PostgreSQL parses it once per connection and, after a few runs, reuses
 * a generic plan, where planning it each time would cost as much as running it. Counted like
 * every other statement. Only for statements whose plan does not depend on their values.
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) return manager.query(text, params);
  // The query runner's connection is node-postgres' client (a transaction's runner is connected already).
  const client = (await runner.connect()) as PoolClient;
  manager.connection.logger.logQuery(text, params, runner);
  const result = await client.query({ name: nameOf(text), text, values: params });
  return result.rows as T[];
}
