import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How an e-mail leaves: `log` writes it here and to the log (development, and until SMTP is configured). */
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
}
