import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DatabaseHealthCheck } from '@commons/server-database';

/** Liveness and readiness in one: 200 only when PostgreSQL answers, 503 otherwise. */
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(private readonly database: DatabaseHealthCheck) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const database = await this.database.check();
    res
      .status(database.up ? 200 : 503)
      .setHeader('Cache-Control', 'no-store')
      .json({
        status: database.up ? 'ok' : 'unavailable',
        uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
        database,
      });
  }
}
