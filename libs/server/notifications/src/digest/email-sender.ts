import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@commons/server-core';

/** E-mails claimed and sent per round. */
const BATCH = 10;
/** How long an SMTP server may take to connect, greet, and answer each command. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
/**
 * How long a claim keeps other instances off an e-mail while it is being sent: longer than a
 * round can take with every server answer at its timeout (10 × 50 s), so no e-mail is sent twice
 * by two instances.
 */
const CLAIM_MS = 15 * 60_000;
/** Tries before an e-mail is given up (it stays in the table, unsent, with its last error). */
export const EMAIL_MAX_ATTEMPTS = 8;
/** First retry a minute after a failure, then twice as long each time, at most six hours. */
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 3_600_000;

interface WaitingEmail {
  id: string;
  to_address: string;
  subject: string;
  body_html: string;
  body_text: string;
  attempts: number;
}

/**
 * Delivers the e-mails written for SMTP (`transport = 'smtp'`, `sent_at` null) to the server in
 * SMTP_URL. Each round claims a batch in a short transaction (so instances share the work and
 * no transaction waits on the network), sends, and records the outcome per e-mail: sent, or
 * tried again later with a growing delay and the server's answer kept in `last_error`.
 */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('EmailSender');
  private transporter: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether e-mails leave by SMTP on this installation. */
  get enabled(): boolean {
    return this.config.email.transport === 'smtp';
  }

  /** Sends every e-mail due at `now`; returns how many were sent (failures are recorded, not thrown). */
  async sendWaiting(now: Date = this.clock.now()): Promise<number> {
    if (!this.enabled) return 0;
    let sent = 0;
    for (;;) {
      // Each claim's lease runs from when it is taken, not from when the round began.
      const claimedAt = new Date(Math.max(now.getTime(), this.clock.now().getTime()));
      const lease = new Date(claimedAt.getTime() + CLAIM_MS);
      const batch = await this.claim(now, lease);
      for (const email of batch) if (await this.deliver(email, now, lease)) sent++;
      if (batch.length < BATCH) return sent;
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  private claim(now: Date, lease: Date): Promise<WaitingEmail[]> {
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE notification_emails SET next_attempt_at = $2
          WHERE id IN (SELECT id FROM notification_emails
                        WHERE sent_at IS NULL AND transport = 'smtp' AND attempts < ${EMAIL_MAX_ATTEMPTS} AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
                        ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address, subject, body_html, body_text, attempts, created_at)
       SELECT id, to_address, subject, body_html, body_text, attempts FROM claimed ORDER BY created_at`,
      [now, lease],
    );
  }

  /**
   * Sends one claimed e-mail and records the outcome while the claim is still this sender's
   * (`next_attempt_at` = its lease). At least once: a crash between the server's acceptance and
   * the record sends it again when the claim runs out.
   */
  private async deliver(email: WaitingEmail, now: Date, lease: Date): Promise<boolean> {
    let failure: unknown = null;
    try {
      await this.transport().sendMail({ from: this.config.email.from, to: email.to_address, subject: email.subject, html: email.body_html, text: email.body_text });
    } catch (error) {
      failure = error;
    }
    try {
      if (failure === null) {
        await this.dataSource.query(
          'UPDATE notification_emails SET sent_at = $2, attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL WHERE id = $1 AND next_attempt_at = $3',
          [email.id, now, lease],
        );
        return true;
      }
      const attempts = email.attempts + 1;
      const retryAt = attempts >= EMAIL_MAX_ATTEMPTS ? null : new Date(now.getTime() + Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1)));
      const message = failure instanceof Error ? failure.message : String(failure);
      await this.dataSource.query('UPDATE notification_emails SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1 AND next_attempt_at = $5', [
        email.id,
        attempts,
        message.slice(0, 1000),
        retryAt,
        lease,
      ]);
      this.logger.warn({ emailId: email.id, attempts, retryAt, err: failure }, retryAt ? 'Sending an e-mail failed; trying again later' : 'Sending an e-mail failed; giving up');
      return false;
    } catch (error) {
      // Not recorded: the claim stays until it runs out. A sent e-mail is then sent again (at
      // least once), a refused one tried again: never lost.
      this.logger.error({ emailId: email.id, sent: failure === null, err: error }, 'Recording an e-mail’s delivery failed');
      return false;
    }
  }

  /** The SMTP transport, made on first use (a connection per round of e-mails: digests come in batches, rarely). */
  private transport(): Transporter {
    this.transporter ??= createTransport({ url: this.config.email.smtpUrl, ...SMTP_TIMEOUTS });
    return this.transporter;
  }
}
