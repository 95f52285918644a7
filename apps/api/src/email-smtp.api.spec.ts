import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { PlatformRole } from '@commons/shared-contracts';
import { EMAIL_MAX_ATTEMPTS, EmailDigests, EmailSender } from '@commons/server-notifications';
import { OutboxRelay } from '@commons/server-realtime';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

type Person = { client: GraphqlClient; account: { id: string; email: string } };
interface Received {
  from: string;
  to: string[];
  raw: string;
}

const DAY = 24 * 3_600_000;

/**
 * Digest e-mails over SMTP, to a real SMTP server listening on this machine (nothing leaves
 * it): the digest is written and waits, the sender delivers it with the configured From, and a
 * server that refuses it leaves it waiting with its answer, to be tried again later.
 */
describe('digest e-mails over SMTP', () => {
  let api: TestApp;
  let smtp: SMTPServer;
  const received: Received[] = [];
  /** Recipients the server refuses, as a mailbox that does not exist would be. */
  const refused = new Set<string>();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address)) return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    api = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_FROM: 'Commons <digest@commons.example>' });
  });
  afterAll(async () => {
    await api.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  /** Someone with a weekly digest and one unread notification: a reply to their thread. */
  const withUnreadReply = async (name: string): Promise<Person> => {
    const reader = await api.signedIn(PlatformRole.Member, { displayName: name });
    const writer = await api.signedIn(PlatformRole.Member, { displayName: `${name}'s colleague` });
    const { createCommunity } = await reader.client.data<{ createCommunity: { id: string } }>(
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { name: `${name}'s room`, audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] } },
    );
    await reader.client.data(`mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    await writer.client.data(`mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`, { id: createCommunity.id });
    await reader.client.data(`mutation ($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { emailDigest } }`, { input: { emailDigest: 'WEEKLY' } });
    const { createThread } = await reader.client.data<{ createThread: { id: string } }>(`mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`, {
      input: { communityId: createCommunity.id, title: 'Lunch & learn', body: 'Who is in?' },
    });
    await writer.client.data(`mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`, { input: { threadId: createThread.id, body: 'Count me in.' } });
    await api.app.get<OutboxRelay>(OutboxRelay).idle();
    return reader;
  };
  const emailsOf = (person: Person): Promise<Array<{ id: string; transport: string; subject: string; sent_at: Date | null; attempts: number; last_error: string | null; next_attempt_at: Date | null }>> =>
    api.dataSource.query('SELECT id, transport, subject, sent_at, attempts, last_error, next_attempt_at FROM notification_emails WHERE recipient_id = $1', [person.account.id]);

  it('writes the digest to wait for SMTP, then delivers it with the configured sender', async () => {
    const reader = await withUnreadReply('Sam Smtp');
    const weekLater = new Date(Date.now() + 8 * DAY);
    await api.app.get<EmailDigests>(EmailDigests).sendDue(weekLater);
    const [waiting] = await emailsOf(reader);
    expect(waiting).toMatchObject({ transport: 'smtp', sent_at: null, attempts: 0, subject: 'Your weekly Commons digest: 1 unread notification' });
    expect(received.filter((m) => m.to.includes(reader.account.email))).toEqual([]);

    await expect(api.app.get<EmailSender>(EmailSender).sendWaiting(weekLater)).resolves.toBeGreaterThanOrEqual(1);
    const mail = received.filter((m) => m.to.includes(reader.account.email));
    expect(mail).toHaveLength(1);
    expect(mail[0].from).toBe('digest@commons.example');
    expect(mail[0].raw).toMatch(/^From: Commons <digest@commons\.example>$/mu);
    expect(mail[0].raw).toMatch(/^Subject: Your weekly Commons digest: 1 unread notification$/mu);
    expect(mail[0].raw).toContain('text/html');
    expect(mail[0].raw).toContain('text/plain');
    expect(mail[0].raw).toContain('Lunch');
    const [sent] = await emailsOf(reader);
    expect(sent).toMatchObject({ sent_at: weekLater, attempts: 1, last_error: null });

    // Delivered once: another round sends nothing more to them.
    await api.app.get<EmailSender>(EmailSender).sendWaiting(new Date(weekLater.getTime() + DAY));
    expect(received.filter((m) => m.to.includes(reader.account.email))).toHaveLength(1);
  });

  it('keeps a refused e-mail waiting with the server’s answer, tries again later with a growing delay, and gives up in the end', async () => {
    const reader = await withUnreadReply('Rae Refused');
    refused.add(reader.account.email);
    const sender = api.app.get<EmailSender>(EmailSender);
    const start = new Date(Date.now() + 8 * DAY);
    await api.app.get<EmailDigests>(EmailDigests).sendDue(start);

    await sender.sendWaiting(start);
    const [first] = await emailsOf(reader);
    expect(first).toMatchObject({ sent_at: null, attempts: 1 });
    expect(first.last_error).toContain('Mailbox unavailable');
    expect(first.next_attempt_at?.getTime()).toBe(start.getTime() + 60_000);

    // Not due yet: nothing is tried.
    await sender.sendWaiting(new Date(start.getTime() + 30_000));
    expect((await emailsOf(reader))[0].attempts).toBe(1);
    // Due: tried again, and the next delay is twice as long.
    const second = new Date(start.getTime() + 61_000);
    await sender.sendWaiting(second);
    const [again] = await emailsOf(reader);
    expect(again).toMatchObject({ attempts: 2, sent_at: null });
    expect(again.next_attempt_at?.getTime()).toBe(second.getTime() + 120_000);

    // Each later try when due, until the last: then it stays, unsent, and is not tried again.
    let at = second;
    for (let attempt = 3; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      at = new Date(at.getTime() + 7 * 3_600_000);
      await sender.sendWaiting(at);
    }
    const [given] = await emailsOf(reader);
    expect(given).toMatchObject({ attempts: EMAIL_MAX_ATTEMPTS, sent_at: null, next_attempt_at: null });
    await sender.sendWaiting(new Date(at.getTime() + 30 * DAY));
    expect((await emailsOf(reader))[0].attempts).toBe(EMAIL_MAX_ATTEMPTS);

    expect(received.filter((m) => m.to.includes(reader.account.email))).toEqual([]);
  });
});
