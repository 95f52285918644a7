import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@commons/server-core';
import { EmailDigests } from './email-digests';
import { EmailSender } from './email-sender';

/** Due digests are looked for this often; a daily digest goes out within this long of being due. */
const EVERY_MS = 15 * 60_000;

/** With SMTP, waiting e-mails (new ones, and retries whose time has come) are sent this often. */
const SEND_EVERY_MS = 60_000;

/**
 * Writes due digest e-mails every few minutes and, when SMTP is configured, sends what waits
 * every minute. Off in tests, which call EmailDigests and EmailSender directly; the timers never
 * keep the process alive, and a run in progress finishes before shutdown.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestScheduler');
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly digests: EmailDigests,
    private readonly sender: EmailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timers.push(setInterval(() => this.run(() => this.writeAndSend()), EVERY_MS));
    if (this.sender.enabled) this.timers.push(setInterval(() => this.run(() => this.send()), SEND_EVERY_MS));
    for (const timer of this.timers) timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.running;
  }

  private async writeAndSend(): Promise<void> {
    const written = await this.digests.sendDue();
    if (written > 0) this.logger.log({ written }, 'Digest e-mails written');
    await this.send();
  }

  private async send(): Promise<void> {
    const sent = await this.sender.sendWaiting();
    if (sent > 0) this.logger.log({ sent }, 'E-mails sent');
  }

  /** One run at a time: a timer that fires during a run skips its turn. */
  private run(work: () => Promise<void>): void {
    if (this.running) return;
    this.running = work()
      .catch((error: unknown) => this.logger.error({ err: error }, 'Writing or sending e-mails failed; trying again on the next run'))
      .finally(() => {
        this.running = null;
      });
  }
}
