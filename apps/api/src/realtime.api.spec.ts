import { Audience, PlatformRole } from '@commons/shared-contracts';
import { EventBus, EventStream, OutboxRelay, PostgresEventBus, RedisEventBus, type PublishedEvent, type Signal } from '@commons/server-realtime';
import { GraphqlWsServer } from '@commons/server-graphql';
import { connectWs, TEST_ORIGIN, TEST_PASSWORD } from '@commons/server-testing';
import { ThreadActivity } from '@commons/server-forums';
import { Pool } from 'pg';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id moderationState } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id moderationState } }`;
const LOCK = `mutation ($id: ID!, $locked: Boolean!) { lockThread(threadId: $id, locked: $locked) { locked } }`;
const QUEUE = `query ($id: ID) { moderationQueue(communityId: $id) { edges { node { id contentId } } } }`;
const REVIEW = `mutation ($input: ReviewItemInput!) { reviewModerationItem(input: $input) { id status } }`;

/** Everything a bus delivers to one listener, and a way to wait for an event (no sleeps). */
function recorder(bus: EventBus) {
  const seen: PublishedEvent[] = [];
  const waiting: Array<{ test: (e: PublishedEvent) => boolean; resolve: (e: PublishedEvent) => void }> = [];
  const stop = bus.listen((event) => {
    seen.push(event);
    for (const w of [...waiting]) {
      if (!w.test(event)) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(event);
    }
  });
  return {
    seen,
    stop,
    next(test: (e: PublishedEvent) => boolean): Promise<PublishedEvent> {
      const already = seen.find(test);
      return already ? Promise.resolve(already) : new Promise((resolve) => waiting.push({ test, resolve }));
    },
  };
}

const events = (n: number, from: number): PublishedEvent[] =>
  Array.from({ length: n }, (_, i) => ({ seq: from + i, type: 'test.event', communityId: null, subjectId: null, payload: { i }, occurredAt: new Date().toISOString() }));

describe('realtime: outbox, relay and event bus', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('publishes what a write recorded once it committed, and nothing of a write that rolled back', async () => {
    const bus = recorder(api.app.get<EventBus>(EventBus));
    const manager = await api.signedIn(PlatformRole.Member);
    const member = await api.signedIn(PlatformRole.Member);
    const { createCommunity } = await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Realtime Guild', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    });
    await manager.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
    await member.client.data(JOIN, { id: createCommunity.id });

    const thread = (await manager.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId: createCommunity.id, title: 'Live updates', body: 'Do replies show up on their own?' } })).createThread;
    const reply = (await member.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId: thread.id, body: 'They should.' } })).replyToThread;
    const created = await bus.next((e) => e.type === 'forum.reply.created' && e.payload['replyId'] === reply.id);
    expect(created).toMatchObject({ communityId: createCommunity.id, subjectId: thread.id, payload: { authorId: member.account.id, state: 'VISIBLE' } });
    const threadCreated = await bus.next((e) => e.type === 'forum.thread.created' && e.subjectId === thread.id);
    expect(threadCreated.seq).toBeLessThan(created.seq);

    // A reply refused after it was judged (the thread got locked) leaves no event behind.
    await manager.client.data(LOCK, { id: thread.id, locked: true });
    await expect(member.client.errorCode(REPLY, { input: { threadId: thread.id, body: 'Too late.' } })).resolves.toBe('FORBIDDEN');
    await api.app.get<OutboxRelay>(OutboxRelay).idle();
    const rows = await api.dataSource.query<Array<{ type: string; published: boolean }>>(
      `SELECT type, published_at IS NOT NULL AS published FROM outbox_events WHERE subject_id = $1 ORDER BY seq`,
      [thread.id],
    );
    expect(rows).toEqual([
      { type: 'forum.thread.created', published: true },
      { type: 'forum.reply.created', published: true },
      { type: 'forum.thread.state-changed', published: true },
    ]);
    expect(bus.seen.filter((e) => e.subjectId === thread.id).map((e) => e.type)).toEqual(['forum.thread.created', 'forum.reply.created', 'forum.thread.state-changed']);
    bus.stop();
  });

  it('tells moderators a post entered and left the queue, its author the outcome, and follows sanctions and appeals', async () => {
    const bus = recorder(api.app.get<EventBus>(EventBus));
    const manager = await api.signedIn(PlatformRole.Member);
    const customer = await api.signedIn(PlatformRole.Member, { audience: Audience.Customer });
    const { createCommunity } = await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Customer Corner', audiences: ['CUSTOMER'], visibility: 'OPEN', intent: 'CUSTOMER_SERVICE', useCases: ['FORUMS'] },
    });
    const communityId = createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    await customer.client.data(JOIN, { id: communityId });
    // The customer default holds a new member's first post.
    const held = (await customer.client.data<{ createThread: { id: string; moderationState: string } }>(ASK, { input: { communityId, title: 'Hello', body: 'My first question here.' } })).createThread;
    expect(held.moderationState).toBe('HELD');
    const decision = await bus.next((e) => e.type === 'moderation.decision.recorded' && e.subjectId === held.id);
    expect(decision.payload).toMatchObject({ action: 'HOLD', authorId: customer.account.id });
    const entered = await bus.next((e) => e.type === 'moderation.queue.entered' && e.subjectId === held.id);
    expect(entered).toMatchObject({ communityId, payload: { contentKind: 'forum-thread', source: 'POLICY' } });

    const item = (await manager.client.data<{ moderationQueue: { edges: Array<{ node: { id: string; contentId: string } }> } }>(QUEUE, { id: communityId })).moderationQueue.edges.find((e) => e.node.contentId === held.id);
    await manager.client.data(REVIEW, { input: { itemId: item?.node.id, action: 'APPROVE' } });
    await expect(bus.next((e) => e.type === 'moderation.queue.left' && e.subjectId === held.id)).resolves.toMatchObject({ payload: { itemId: item?.node.id, status: 'APPROVED' } });
    await expect(bus.next((e) => e.type === 'moderation.notice.created' && e.subjectId === customer.account.id)).resolves.toMatchObject({ communityId, payload: { kind: 'CONTENT_APPROVED' } });

    // A mute, its appeal and the appeal's outcome: what open subscriptions and the appeals inbox will follow.
    const MUTE = `mutation ($input: ImposeSanctionInput!) { imposeSanction(input: $input) { id } }`;
    const sanction = (await manager.client.data<{ imposeSanction: { id: string } }>(MUTE, { input: { accountId: customer.account.id, communityId, kind: 'MUTE', reason: 'Cooling off.', durationHours: 2 } })).imposeSanction;
    await expect(bus.next((e) => e.type === 'moderation.sanction.imposed' && e.subjectId === customer.account.id)).resolves.toMatchObject({ communityId, payload: { sanctionId: sanction.id, kind: 'MUTE' } });
    const APPEAL = `mutation ($input: AppealInput!) { appealModeration(input: $input) { id } }`;
    const appeal = (await customer.client.data<{ appealModeration: { id: string } }>(APPEAL, { input: { targetKind: 'SANCTION', targetId: sanction.id, message: 'It was a misunderstanding.' } })).appealModeration;
    await expect(bus.next((e) => e.type === 'moderation.appeal.submitted' && e.subjectId === appeal.id)).resolves.toMatchObject({ communityId, payload: { appellantId: customer.account.id } });
    const DECIDE = `mutation ($input: DecideAppealInput!) { decideAppeal(input: $input) { status } }`;
    await manager.client.data(DECIDE, { input: { appealId: appeal.id, overturn: true, reason: 'Fair enough.' } });
    await expect(bus.next((e) => e.type === 'moderation.appeal.decided' && e.subjectId === appeal.id)).resolves.toMatchObject({ payload: { status: 'OVERTURNED' } });
    await expect(bus.next((e) => e.type === 'moderation.sanction.lifted' && e.subjectId === customer.account.id)).resolves.toMatchObject({ payload: { sanctionId: sanction.id } });
    bus.stop();
  });

  it('streams a thread’s new replies to its readers, each authorized when delivered: held ones only to their author and moderators, nothing to someone banned meanwhile', async () => {
    const ACTIVITY = `subscription ($threadId: ID!) { threadActivity(threadId: $threadId) { seq kind threadId reply { id bodyHtml moderationState author { displayName } } } }`;
    const ADOPT = `mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id } }`;
    const SAVE = `mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version } }`;
    const ACTIVATE_VERSION = `mutation ($policyId: ID!, $version: Int!) { activateModerationPolicyVersion(policyId: $policyId, version: $version) { activeVersion } }`;
    const manager = await api.signedIn(PlatformRole.Member, { displayName: 'Mia Manager' });
    const reader = await api.signedIn(PlatformRole.Member, { displayName: 'Rita Reader' });
    const poster = await api.signedIn(PlatformRole.Member, { displayName: 'Paul Poster' });
    const communityId = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Live Threads', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [reader, poster]) await person.client.data(JOIN, { id: communityId });
    const policyId = (await manager.client.data<{ adoptModerationPolicy: { id: string } }>(ADOPT, { id: communityId })).adoptModerationPolicy.id;
    await manager.client.data(SAVE, { input: { policyId, rules: [{ id: 'airships', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Airship talk is checked first.', terms: ['dirigible'] }] } });
    await manager.client.data(ACTIVATE_VERSION, { policyId, version: 2 });
    const thread = (await manager.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId, title: 'Watch this space', body: 'Replies arrive live.' } })).createThread;

    // A customer cannot subscribe to a thread of an employee community: NOT_FOUND, as for a query.
    const outsider = await api.signedIn(PlatformRole.Member, { audience: Audience.Customer });
    const outsiderWs = connectWs(api.url, { cookie: outsider.client.cookieHeader, origin: TEST_ORIGIN });
    const refused = await outsiderWs.client.iterate({ query: ACTIVITY, variables: { threadId: thread.id } }).next().catch((errors: unknown) => errors);
    expect(JSON.stringify(refused)).toContain('NOT_FOUND');
    await outsiderWs.dispose();

    type Activity = { threadActivity: { seq: number; kind: string; reply: { id: string; bodyHtml: string; moderationState: string; author: { displayName: string } } | null } };
    const stream = api.app.get<EventStream>(EventStream);
    const subscribe = (person: { client: { cookieHeader: string } }) => {
      const ws = connectWs(api.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
      return { ws, activity: ws.client.iterate<Activity>({ query: ACTIVITY, variables: { threadId: thread.id } }) };
    };
    const forReader = subscribe(reader);
    const forPoster = subscribe(poster);
    const forManager = subscribe(manager);
    const next = async (s: ReturnType<typeof subscribe>) => {
      const { value } = await s.activity.next();
      return (value as { data: Activity }).data.threadActivity;
    };
    // Subscribed on the server (the stream knows all three) before anything is posted.
    while (api.app.get<ThreadActivity>(ThreadActivity).readers < 3) await new Promise((resolve) => setTimeout(resolve, 10));

    const first = (await poster.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId: thread.id, body: 'First **live** reply.' } })).replyToThread;
    for (const s of [forReader, forPoster, forManager]) {
      await expect(next(s)).resolves.toMatchObject({ kind: 'REPLY_ADDED', reply: { id: first.id, bodyHtml: '<p>First <strong>live</strong> reply.</p>\n', moderationState: 'VISIBLE', author: { displayName: 'Paul Poster' } } });
    }

    // Held: its author and the manager see it, the reader does not.
    const held = (await poster.client.data<{ replyToThread: { id: string; moderationState: string } }>(REPLY, { input: { threadId: thread.id, body: 'Has anyone flown a dirigible?' } })).replyToThread;
    expect(held.moderationState).toBe('HELD');
    await expect(next(forPoster)).resolves.toMatchObject({ kind: 'REPLY_ADDED', reply: { id: held.id, moderationState: 'HELD' } });
    await expect(next(forManager)).resolves.toMatchObject({ kind: 'REPLY_ADDED', reply: { id: held.id, moderationState: 'HELD' } });

    // Banned meanwhile: the reader gets nothing more, from the next event on.
    const BAN = `mutation ($input: BanMemberInput!) { banFromCommunity(input: $input) { id } }`;
    await manager.client.data(BAN, { input: { communityId, accountId: reader.account.id, reason: 'Testing live delivery.' } });
    const whileBanned = (await poster.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId: thread.id, body: 'Said while Rita was banned.' } })).replyToThread;
    await expect(next(forManager)).resolves.toMatchObject({ reply: { id: whileBanned.id } });
    await manager.client.data(`mutation ($input: CommunityMemberInput!) { unbanFromCommunity(input: $input) { id } }`, { input: { communityId, accountId: reader.account.id } });
    const after = (await poster.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId: thread.id, body: 'Welcome back, Rita.' } })).replyToThread;
    // The reader's events arrive in order: the next one she gets is the one after the ban was lifted.
    await expect(next(forReader)).resolves.toMatchObject({ kind: 'REPLY_ADDED', reply: { id: after.id } });

    for (const s of [forReader, forPoster, forManager]) {
      await s.activity.return?.();
      await s.ws.dispose();
    }
    while (stream.size.watchers > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('closes the WebSocket connections of a session that ended: a sign-out closes its own, a suspension every one of the account', async () => {
    const person = await api.signedIn(PlatformRole.Member);
    const admin = await api.signedIn(PlatformRole.Admin);
    const otherBrowser = api.client();
    await otherBrowser.signIn(person.account.email, TEST_PASSWORD);
    const first = connectWs(api.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
    const second = connectWs(api.url, { cookie: otherBrowser.cookieHeader, origin: TEST_ORIGIN });
    const ME = '{ viewer { id } }';
    await expect(first.execute(ME)).resolves.toMatchObject({ data: { viewer: { id: person.account.id } } });
    await expect(second.execute(ME)).resolves.toMatchObject({ data: { viewer: { id: person.account.id } } });

    await person.client.data('mutation { signOut }');
    await expect(first.closed).resolves.toMatchObject({ code: 4403 });
    // The other browser's session is still open, and so is its connection.
    await expect(second.execute(ME)).resolves.toMatchObject({ data: { viewer: { id: person.account.id } } });

    const SUSPEND = `mutation ($input: ImposeSanctionInput!) { imposeSanction(input: $input) { id } }`;
    await admin.client.data(SUSPEND, { input: { accountId: person.account.id, kind: 'SUSPEND', reason: 'Investigating a leak.', durationHours: 24 } });
    await expect(second.closed).resolves.toMatchObject({ code: 4403 });
    await Promise.all([first.dispose(), second.dispose()]);
  });

  it('closes a connection whose session expired since it opened, on the next recheck of open sessions', async () => {
    const person = await api.signedIn(PlatformRole.Member);
    const other = await api.signedIn(PlatformRole.Member);
    const expiring = connectWs(api.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
    const lasting = connectWs(api.url, { cookie: other.client.cookieHeader, origin: TEST_ORIGIN });
    const ME = '{ viewer { id } }';
    await expect(expiring.execute(ME)).resolves.toMatchObject({ data: { viewer: { id: person.account.id } } });
    await expect(lasting.execute(ME)).resolves.toMatchObject({ data: { viewer: { id: other.account.id } } });
    // Time passes: the session's lifetime ends (no sign-out, so no event tells anyone).
    await api.dataSource.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE account_id = $1`, [person.account.id]);
    await expect(api.app.get<GraphqlWsServer>(GraphqlWsServer).recheckSessions()).resolves.toBe(1);
    await expect(expiring.closed).resolves.toMatchObject({ code: 4403 });
    await expect(lasting.execute(ME)).resolves.toMatchObject({ data: { viewer: { id: other.account.id } } });
    await Promise.all([expiring.dispose(), lasting.dispose()]);
  });

  it('refuses a flood of subscriptions on one connection, then closes it with 4429 if it goes on, leaving other connections alone', async () => {
    const person = await api.signedIn(PlatformRole.Member);
    const flooding = connectWs(api.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
    const calm = connectWs(api.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
    const COUNT = 'subscription { notificationsChanged { unreadCount } }';
    const flood = (n: number) =>
      Promise.all(
        Array.from({ length: n }, async () => {
          const { value } = await flooding.client.iterate({ query: COUNT }).next().catch((errors: unknown) => ({ value: { errors } }));
          const answer = value as { data?: unknown; errors?: unknown };
          return answer?.data ? 'OK' : JSON.stringify(answer?.errors).includes('RATE_LIMITED') ? 'RATE_LIMITED' : 'OTHER';
        }),
      );
    // The burst allowance is answered, the rest refused one by one; the connection stays open.
    const first = await flood(40);
    expect(first.filter((c) => c === 'OK').length).toBeGreaterThanOrEqual(30);
    expect(first.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
    expect(first).not.toContain('OTHER');
    // Queries are not subscriptions: they are still answered.
    await expect(flooding.execute('{ viewer { id } }')).resolves.toMatchObject({ data: { viewer: { id: person.account.id } } });
    // Going on regardless of the refusals loses the connection.
    await flood(60);
    await expect(flooding.closed).resolves.toMatchObject({ code: 4429 });
    await expect(calm.execute('{ viewer { id } }')).resolves.toMatchObject({ data: { viewer: { id: person.account.id } } });
    await Promise.all([flooding.dispose(), calm.dispose()]);
  });

  describe.each([
    ['PostgreSQL LISTEN/NOTIFY', () => true],
    ['Redis pub/sub', () => Boolean(process.env['REDIS_URL'])],
  ])('the %s adapter', (name, available) => {
    const run = available() ? it : it.skip;
    /** Two started buses of this adapter, as two instances have; `use` runs with them, and they stop after. */
    async function withTwoBuses(use: (a: EventBus, b: EventBus) => Promise<void>): Promise<void> {
      const pool = new Pool({ connectionString: api.database.url, max: 2 });
      const make = () => (name.startsWith('Redis') ? new RedisEventBus(process.env['REDIS_URL'] as string) : new PostgresEventBus(api.database.url, pool));
      const [a, b] = [make(), make()];
      await Promise.all([a.start(), b.start()]);
      try {
        await use(a, b);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await pool.end();
      }
    }

    run('carries every event to every instance, once and in order, splitting batches too big for one message', () =>
      withTwoBuses(async (a, b) => {
        const onA = recorder(a);
        const onB = recorder(b);
        // 400 events of ~150 bytes: more than one message's worth.
        const sent = events(400, 1_000_000 + Math.floor(Math.random() * 1e6));
        await a.publish(sent.slice(0, 200));
        await b.publish(sent.slice(200));
        const last = sent[sent.length - 1].seq;
        await Promise.all([onA.next((e) => e.seq === last), onB.next((e) => e.seq === last)]);
        const mine = (r: ReturnType<typeof recorder>) => r.seen.filter((e) => e.type === 'test.event').map((e) => e.seq);
        expect(mine(onB)).toEqual(sent.map((e) => e.seq));
        expect(mine(onA)).toEqual(sent.map((e) => e.seq));
      }));

    run('carries signals (presence) to every instance apart from the events, and refuses one too big for the bus', () =>
      withTwoBuses(async (a, b) => {
        const events = { a: recorder(a), b: recorder(b) };
        const heard: Array<[string, Signal]> = [];
        const room = `test:${Math.random()}`;
        const arrived = new Promise<void>((resolve) => {
          for (const [side, bus] of [['a', a], ['b', b]] as const) {
            bus.listenSignals((signal) => {
              if (signal['room'] !== room) return;
              heard.push([side, signal]);
              if (heard.length === 2) resolve();
            });
          }
        });
        await a.signal({ kind: 'test.signal', room });
        await arrived;
        expect(heard.map(([side]) => side).sort()).toEqual(['a', 'b']);
        expect(heard.map(([, signal]) => signal)).toEqual([{ kind: 'test.signal', room }, { kind: 'test.signal', room }]);
        // Signals are not events: no event listener heard anything of it.
        expect([...events.a.seen, ...events.b.seen].filter((e) => JSON.stringify(e).includes(room))).toEqual([]);
        await expect(a.signal({ kind: 'test.signal', room, filler: 'x'.repeat(8_000) })).rejects.toThrow('too big');
      }));
  });

  it('lets a second API instance on the same database hear a reply posted on the first, once', async () => {
    const second = await startTestApp({ DATABASE_URL: api.database.url });
    try {
      const onSecond = recorder(second.app.get<EventBus>(EventBus));
      const manager = await api.signedIn(PlatformRole.Member);
      const { createCommunity } = await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
        input: { name: 'Two Instances', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
      });
      await manager.client.data(ACTIVATE, { input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' } });
      const thread = (await manager.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId: createCommunity.id, title: 'Across instances', body: 'Posted on the first.' } })).createThread;
      const replies: string[] = [];
      for (let i = 0; i < 5; i++) replies.push((await manager.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId: thread.id, body: `Reply number ${i + 1}.` } })).replyToThread.id);
      await onSecond.next((e) => e.type === 'forum.reply.created' && e.payload['replyId'] === replies[4]);
      // Both relays poll the one outbox: each event is still published once.
      await Promise.all([api, second].map((a) => a.app.get<OutboxRelay>(OutboxRelay).idle()));
      const heard = onSecond.seen.filter((e) => e.subjectId === thread.id && e.type === 'forum.reply.created').map((e) => e.payload['replyId']);
      expect(heard).toEqual(replies);
    } finally {
      await second.close();
    }
  });
});
