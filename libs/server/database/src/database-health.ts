import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DatabaseHealth {
  up: boolean;
  latencyMs: number;
  error?: string;
}

/** Answers whether PostgreSQL responds right now, within a short deadline. */
@Injectable()
export class DatabaseHealthCheck {
  constructor(private readonly dataSource: DataSource) {}

  async check(timeoutMs = 2_000): Promise<DatabaseHealth> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return { up: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { up: false, latencyMs: Math.round(performance.now() - started), error: describe(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown error';
}
