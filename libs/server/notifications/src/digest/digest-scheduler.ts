import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@commons/server-core';
import { EmailDigests } from './email-digests';

/** Due digests are looked for this often; a daily digest goes out within this long of being due. */
const EVERY_MS = 15 * 60_000;

/**
 * Writes due digest e-mails every few minutes. Off in tests, which call EmailDigests directly;
 * the timer never keeps the process alive, and a run in progress finishes before shutdown.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly digests: EmailDigests,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(() => this.run(), EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private run(): void {
    if (this.running) return;
    this.running = this.digests
      .sendDue()
      .then((written) => {
        if (written > 0) this.logger.log({ written }, 'Digest e-mails written');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'Writing digest e-mails failed; trying again on the next run'))
      .finally(() => {
        this.running = null;
      });
  }
}
