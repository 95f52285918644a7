import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Work done every so often in the background (announcing scheduled posts, reminding of due
 * reviews and courses). One run at a time per instance; each job claims its rows with
 * `FOR UPDATE SKIP LOCKED` so that several instances do each thing once. Shutdown waits for a
 * run in progress.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  /** `what` names the work for logs ("Announcing scheduled posts"). */
  protected constructor(
    private readonly what: string,
    private readonly everyMs: number,
  ) {
    this.logger = new Logger(new.target.name);
  }

  /** One run: does what is due; returns how many things it did. */
  protected abstract work(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runNow().catch((error: unknown) => this.logger.error({ err: error }, `${this.what} failed`)), this.everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs now, or joins the run in progress; returns how many things it did. */
  runNow(): Promise<number> {
    this.running ??= this.work().finally(() => (this.running = null));
    return this.running;
  }
}
