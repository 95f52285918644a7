import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How an e-mail leaves: `log` writes it here and to the log (development, and until SMTP is configured); `smtp` waits here until the sender delivers it. */
export type EmailTransport = 'log' | 'smtp';

/** A rendered digest e-mail: kept as sent, or waiting (`sent_at` null) for a transport that delivers it. */
@Entity('notification_emails')
@Index('notification_emails_recipient', ['recipientId', 'createdAt'])
@Index('notification_emails_waiting', ['createdAt'], { where: 'sent_at IS NULL' })
export class NotificationEmailEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'recipient_id' })
  recipientId: string;

  /** The address when it was written (people change theirs). */
  @Column('text', { name: 'to_address' })
  toAddress: string;

  @Column('text')
  subject: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('text', { name: 'body_text' })
  bodyText: string;

  @Column('text')
  transport: EmailTransport;

  /** The notifications it reports changed after this and up to `covers_until`. */
  @Column('timestamptz', { name: 'covers_from', nullable: true })
  coversFrom: Date | null;

  @Column('timestamptz', { name: 'covers_until' })
  coversUntil: Date;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  /** SMTP tries so far; after `EMAIL_MAX_ATTEMPTS` the e-mail is given up (it stays, unsent, with its last error). */
  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  /** Not tried before this (a failure's back-off, or a sender's claim while it sends). */
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;
}
