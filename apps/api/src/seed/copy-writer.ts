import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | Date | null | undefined | readonly string[];

/** Where generated rows of one table go: COPY for large loads, INSERTs inside a transaction for small ones. */
export interface RowSink {
  write(values: readonly Cell[]): Promise<void>;
  close(): Promise<number>;
}

/** A value in COPY's text format: NULL as \N, arrays as literals, specials escaped. */
function cell(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escape(`{${value.map((v) => `"${String(v).replace(/["\\]/gu, '\\$&')}"`).join(',')}}`);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escape(String(value));
}

function escape(text: string): string {
  return /[\\\t\n\r]/u.test(text) ? text.replace(/\\/gu, '\\\\').replace(/\t/gu, '\\t').replace(/\n/gu, '\\n').replace(/\r/gu, '\\r') : text;
}

/**
 * Streams rows into one table with `COPY … FROM STDIN` on its own connection, buffering a few
 * hundred kilobytes per write and waiting when PostgreSQL falls behind.
 */
export class CopyWriter implements RowSink {
  private buffer: string[] = [];
  private bufferedBytes = 0;
  private rows = 0;
  /** What PostgreSQL refused (a bad row ends the COPY): reported on the next write. */
  private failure: unknown = null;

  private constructor(
    private readonly table: string,
    private readonly stream: NodeJS.WritableStream & { end(cb?: () => void): void },
    private readonly done: Promise<unknown>,
  ) {
    done.catch((error: unknown) => (this.failure = error));
  }

  static async open(client: PoolClient, table: string, columns: readonly string[]): Promise<CopyWriter> {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
    const done = new Promise((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    return new CopyWriter(table, stream, done);
  }

  get count(): number {
    return this.rows;
  }

  async write(values: readonly Cell[]): Promise<void> {
    const line = values.map(cell).join('\t') + '\n';
    this.buffer.push(line);
    this.bufferedBytes += line.length;
    this.rows++;
    if (this.bufferedBytes > 256 * 1024) await this.flush();
  }

  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw new Error(`COPY into ${this.table} failed: ${this.failure instanceof Error ? this.failure.message : String(this.failure)}`, { cause: this.failure });
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedBytes = 0;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }
}
