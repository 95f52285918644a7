import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryRunner } from 'typeorm';

/** Rows for one table, as plain SQL values in `columns` order. */
export interface RidingRows {
  table: string;
  columns: readonly string[];
  rows: ReadonlyArray<readonly unknown[]>;
}

/** An INSERT of the rows, `bind` giving each value's placeholder. */
function insertSql({ table, columns, rows }: RidingRows, bind: (value: unknown) => string): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map((row) => `(${row.map(bind).join(', ')})`).join(', ')}`;
}

/** The INSERT with $1, $2… placeholders, as the arguments of `query`. */
function positional(rows: RidingRows): [string, unknown[]] {
  const params: unknown[] = [];
  return [insertSql(rows, (value) => `$${params.push(value)}`), params];
}

/**
 * Rows a write's transaction must also store — the moderation decision that let a post through,
 * the events that report it — carried by the post's own INSERT as data-modifying WITH clauses:
 * one round trip for all of them on every post. Rows no content insert carried (an edit, a
 * state change) are written just before the transaction commits; a rollback drops them.
 */
@Injectable()
export class RidingWrites implements OnModuleInit {
  private readonly pending = new WeakMap<QueryRunner, RidingRows[]>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push({
      beforeTransactionCommit: async ({ queryRunner }) => {
        for (const rows of this.take(queryRunner)) await queryRunner.query(...positional(rows));
      },
      afterTransactionRollback: ({ queryRunner }) => {
        this.pending.delete(queryRunner);
      },
    });
  }

  /** Stores rows with the transaction's next content insert, or before it commits; outside a transaction, now. */
  async add(manager: EntityManager, rows: RidingRows): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      await manager.query(...positional(rows));
      return;
    }
    const queue = this.pending.get(runner) ?? [];
    queue.push(rows);
    this.pending.set(runner, queue);
  }

  /** Inserts a new post's row, carrying every row waiting in the transaction, in one statement. */
  async insertWith<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, row: T): Promise<void> {
    const insert = manager.createQueryBuilder().insert().into(target).values(row);
    const riders = manager.queryRunner ? this.take(manager.queryRunner) : [];
    const parameters: Record<string, unknown> = {};
    const bind = (value: unknown) => {
      const name = `riding_${Object.keys(parameters).length}`;
      parameters[name] = value;
      return `:${name}`;
    };
    riders.forEach((rows, i) => insert.addCommonTableExpression(insertSql(rows, bind), `riding_${i}`));
    if (riders.length > 0) insert.setParameters(parameters);
    await insert.execute();
  }

  private take(runner: QueryRunner): RidingRows[] {
    const rows = this.pending.get(runner) ?? [];
    this.pending.delete(runner);
    return rows;
  }
}
