import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, Clock, uuidv7, type AppConfig, type Viewer } from '@commons/server-core';
import type { Audience, PlatformRole } from '@commons/shared-contracts';
import { NotificationEmailEntity, type EmailTransport } from '../entities/notification-email.entity';
import { EmailDigest } from '../notification-kinds';
import { NotificationRepository } from '../notification.repository';
import { NotificationViews } from '../notification-views';
import { renderDigest } from './digest-email';

/** People handled per transaction: their preference rows stay locked until their e-mails are written. */
const PEOPLE_PER_BATCH = 50;
/** Notifications looked at per digest, and listed in it. */
const LOOKED_AT = 60;
const LISTED = 20;

interface DuePerson {
  account_id: string;
  email_digest: EmailDigest.DAILY | EmailDigest.WEEKLY;
  last_digest_at: Date | null;
  email: string;
  display_name: string;
  role: PlatformRole;
  audience: Audience;
  suspended: boolean;
}

/**
 * Digest e-mails: for each person whose daily or weekly digest is due, their unread
 * notifications since the last one, as they may see them now, rendered and written to
 * notification_emails. The transport is `log` (the row and a log line) until SMTP_URL is set;
 * nothing leaves the machine. With SMTP the rows wait for EmailSender. Instances may run this at the same time: each person's row is
 * locked while their digest is written, and skipped by the others.
 */
@Injectable()
export class EmailDigests {
  private readonly logger = new Logger('EmailDigests');
  private readonly transport: EmailTransport;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationRepository,
    private readonly views: NotificationViews,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.email.transport;
  }

  /** Writes every digest due at `now`; returns how many e-mails were written. */
  async sendDue(now: Date = this.clock.now()): Promise<number> {
    let written = 0;
    for (;;) {
      const { due, emails } = await this.dataSource.transaction(async (manager) => {
        const people = await this.due(manager, now);
        let count = 0;
        for (const person of people) if (await this.digest(manager, person, now)) count++;
        return { due: people.length, emails: count };
      });
      written += emails;
      if (due < PEOPLE_PER_BATCH) return written;
    }
  }

  private due(manager: EntityManager, now: Date): Promise<DuePerson[]> {
    return manager.query(
      `SELECT p.account_id, p.email_digest, p.last_digest_at, a.email, a.display_name, a.role, a.audience,
              (a.suspended_at IS NOT NULL OR coalesce(a.suspended_until > $1, false)) AS suspended
         FROM notification_preferences p JOIN accounts a ON a.id = p.account_id
        WHERE (p.email_digest = 'DAILY' AND (p.last_digest_at IS NULL OR p.last_digest_at <= $1::timestamptz - interval '1 day'))
           OR (p.email_digest = 'WEEKLY' AND (p.last_digest_at IS NULL OR p.last_digest_at <= $1::timestamptz - interval '7 days'))
        ORDER BY p.last_digest_at NULLS FIRST
        LIMIT ${PEOPLE_PER_BATCH}
        FOR UPDATE OF p SKIP LOCKED`,
      [now],
    );
  }

  /** One person's digest; returns whether an e-mail was written (nothing unread they may see: none). */
  private async digest(manager: EntityManager, person: DuePerson, now: Date): Promise<boolean> {
    await manager.query('UPDATE notification_preferences SET last_digest_at = $2 WHERE account_id = $1', [person.account_id, now]);
    if (person.suspended) return false;
    const rows = await this.repository.unreadBetween(manager, person.account_id, person.last_digest_at, now, LOOKED_AT);
    if (rows.length === 0) return false;
    const reader: Viewer = { accountId: person.account_id, sessionId: 'email-digest', role: person.role, audience: person.audience };
    const shown = await this.views.present(reader, rows);
    const visible = rows.flatMap((n) => shown.get(n.id) ?? []);
    if (visible.length === 0) return false;
    const site = this.config.publicUrl.replace(/\/+$/u, '');
    const email = renderDigest({
      displayName: person.display_name,
      digest: person.email_digest,
      items: visible.slice(0, LISTED).map((n) => ({ summary: n.summary, url: `${site}${n.target.path}` })),
      more: Math.max(0, visible.length - LISTED),
      notificationsUrl: `${site}/notifications`,
      preferencesUrl: `${site}/notifications/preferences`,
    });
    const id = uuidv7(now.getTime());
    await manager.insert(NotificationEmailEntity, {
      id,
      recipientId: person.account_id,
      toAddress: person.email,
      subject: email.subject,
      bodyHtml: email.html,
      bodyText: email.text,
      transport: this.transport,
      coversFrom: person.last_digest_at,
      coversUntil: now,
      createdAt: now,
      // The log transport delivers by writing: the row and this line are the e-mail. Over SMTP
      // it waits for EmailSender, which sends it after this transaction commits.
      sentAt: this.transport === 'log' ? now : null,
    });
    this.logger.log({ emailId: id, recipientId: person.account_id, subject: email.subject }, `Digest e-mail written (${this.transport} transport)`);
    return true;
  }
}
