import { PlatformRole } from '@commons/shared-contracts';
import { ReadersAccess } from '@commons/server-communities';
import { ThreadActivity } from '@commons/server-forums';
import { subscriptionExecutions } from '@commons/server-graphql';
import { connectWs, TEST_ORIGIN } from '@commons/server-testing';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id } }`;
const EDIT = `mutation ($input: EditReplyInput!) { editReply(input: $input) { version } }`;
const DELETE = `mutation ($id: ID!) { deleteReply(replyId: $id) { deleted } }`;
const REACT = `mutation ($input: ReactInput!) { react(input: $input) { kind count } }`;
const ACCEPT = `mutation ($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { id } }`;
const LOCK = `mutation ($id: ID!, $locked: Boolean!) { lockThread(threadId: $id, locked: $locked) { locked } }`;
const ACTIVITY = `subscription ($threadId: ID!, $since: Float) {
  threadActivity(threadId: $threadId, since: $since) {
    seq kind threadId
    reply { id body deleted version reactions { kind count mine } viewerCan { edit delete } }
  }
}`;

type Reply = { id: string; body: string; deleted: boolean; version: number; reactions: Array<{ kind: string; count: number; mine: boolean }>; viewerCan: { edit: boolean; delete: boolean } };
type Activity = { seq: number; kind: string; threadId: string; reply: Reply | null };
type Person = Awaited<ReturnType<TestApp['signedIn']>>;

describe('threadActivity: every change of a thread, live, fanned out once, and caught up after a reconnect', () => {
  let api: TestApp;
  let manager: Person;
  let poster: Person;
  let reader: Person;
  let communityId: string;

  beforeAll(async () => {
    api = await startTestApp();
    manager = await api.signedIn(PlatformRole.Member, { displayName: 'Mona Manager' });
    poster = await api.signedIn(PlatformRole.Member, { displayName: 'Pia Poster' });
    reader = await api.signedIn(PlatformRole.Member, { displayName: 'Rudi Reader' });
    communityId = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Live Answers', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [poster, reader]) await person.client.data(JOIN, { id: communityId });
  });
  afterAll(() => api.close());

  /** Whatever a test left open (a failed expectation) is closed before the next one counts readers. */
  const open = new Set<{ close(): Promise<void> }>();
  afterEach(async () => {
    for (const s of open) await s.close();
    open.clear();
    await settle(0);
  });

  const ask = async (title: string) =>
    (await manager.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId, title, body: 'Answers arrive live.', kind: 'QUESTION' } })).createThread.id;
  const reply = async (threadId: string, body: string) => (await poster.client.data<{ replyToThread: { id: string } }>(REPLY, { input: { threadId, body } })).replyToThread.id;
  const readers = () => api.app.get<ThreadActivity>(ThreadActivity).readers;
  const settle = async (count: number) => {
    while (readers() !== count) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  /** A person's subscription to a thread, and the next activity it receives. */
  function subscribe(person: Person, threadId: string, since?: number) {
    const ws = connectWs(api.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
    const activity = ws.client.iterate<{ threadActivity: Activity }>({ query: ACTIVITY, variables: { threadId, since } });
    const subscription = {
      ws,
      async next(): Promise<Activity> {
        const { value } = await activity.next();
        const result = value as { data?: { threadActivity: Activity }; errors?: unknown };
        if (!result?.data) throw new Error(JSON.stringify(result));
        return result.data.threadActivity;
      },
      async close() {
        open.delete(subscription);
        await activity.return?.();
        await ws.dispose();
      },
    };
    open.add(subscription);
    return subscription;
  }

  it('sends edits, reactions (with each reader’s own), the accepted answer, the lock and a deletion’s tombstone, each as its reader may see it', async () => {
    const threadId = await ask('What changed?');
    const forReader = subscribe(reader, threadId);
    const forPoster = subscribe(poster, threadId);
    const forManager = subscribe(manager, threadId);
    const all = [forReader, forPoster, forManager];
    await settle(3);

    const replyId = await reply(threadId, 'The first answer.');
    const added = await Promise.all(all.map((s) => s.next()));
    expect(added.map((a) => [a.kind, a.reply?.id])).toEqual(Array(3).fill(['REPLY_ADDED', replyId]));
    // Shaped per class of reader: its author and the manager may edit and delete it, the reader neither.
    expect(added.map((a) => a.reply?.viewerCan)).toEqual([
      { edit: false, delete: false },
      { edit: true, delete: true },
      { edit: true, delete: true },
    ]);

    await reader.client.data(REACT, { input: { targetId: replyId, kind: 'HELPFUL', on: true } });
    const reacted = await Promise.all(all.map((s) => s.next()));
    expect(reacted.map((a) => [a.kind, a.reply?.reactions])).toEqual([
      ['REPLY_CHANGED', [{ kind: 'HELPFUL', count: 1, mine: true }]],
      ['REPLY_CHANGED', [{ kind: 'HELPFUL', count: 1, mine: false }]],
      ['REPLY_CHANGED', [{ kind: 'HELPFUL', count: 1, mine: false }]],
    ]);
    // Reacting the same way twice changes nothing, so nobody hears of it; the edit is next.
    await reader.client.data(REACT, { input: { targetId: replyId, kind: 'HELPFUL', on: true } });
    await poster.client.data(EDIT, { input: { replyId, version: 1, body: 'The first answer, corrected.' } });
    for (const a of await Promise.all(all.map((s) => s.next()))) expect(a).toMatchObject({ kind: 'REPLY_CHANGED', reply: { id: replyId, body: 'The first answer, corrected.', version: 2 } });

    await manager.client.data(ACCEPT, { input: { threadId, replyId } });
    for (const a of await Promise.all(all.map((s) => s.next()))) expect(a).toMatchObject({ kind: 'THREAD_CHANGED', threadId, reply: null });
    await manager.client.data(LOCK, { id: threadId, locked: true });
    for (const a of await Promise.all(all.map((s) => s.next()))) expect(a).toMatchObject({ kind: 'THREAD_CHANGED', threadId });

    await poster.client.data(DELETE, { id: replyId });
    const removed = await Promise.all(all.map((s) => s.next()));
    for (const a of removed) expect(a).toMatchObject({ kind: 'REPLY_CHANGED', reply: { id: replyId, deleted: true, body: '', viewerCan: { edit: false, delete: false } } });
    // Deleting the accepted answer unaccepts it: the thread changed too.
    for (const a of await Promise.all(all.map((s) => s.next()))) expect(a).toMatchObject({ kind: 'THREAD_CHANGED' });
    // Sequences only increase.
    const seqs = [added, reacted, removed].map((batch) => batch[0].seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    for (const s of all) await s.close();
    await settle(0);
  });

  it('loads and executes an event once for all the readers who see it alike, not once per reader', async () => {
    const threadId = await ask('Who is watching?');
    const members = await Promise.all(Array.from({ length: 24 }, (_, i) => api.signedIn(PlatformRole.Member, { displayName: `Watcher ${i}` })));
    for (const person of members) await person.client.data(JOIN, { id: communityId });

    /** Statements and executions from posting a reply until every subscriber has it. */
    const measure = async (people: Person[]) => {
      const subscriptions = people.map((person) => subscribe(person, threadId));
      await settle(people.length);
      const before = { ...subscriptionExecutions };
      const { result, statements } = await api.statements.measure(async () => {
        const id = await reply(threadId, `Seen by ${people.length}.`);
        return { id, received: await Promise.all(subscriptions.map((s) => s.next())) };
      });
      const executed = subscriptionExecutions.executed - before.executed;
      const serialized = subscriptionExecutions.serialized - before.serialized;
      for (const s of subscriptions) await s.close();
      await settle(0);
      expect(result.received.map((a) => a.reply?.id)).toEqual(Array(people.length).fill(result.id));
      return { statements, executed, serialized };
    };

    const one = await measure([members[0]]);
    const many = await measure(members);
    // Posting and delivering to 24 readers costs what it costs for one (2 per reader before fan-out once).
    expect(many.statements - one.statements).toBeLessThanOrEqual(1);
    // Everyone here is an ordinary member who sees the reply alike: one execution for the 24.
    expect(one.executed).toBe(1);
    expect(many.executed).toBe(1);
    // And its result is serialized once: each reader's socket gets those bytes behind its own subscription id.
    expect(many.serialized).toBe(1);
  });

  it('sends what a reader missed while away, in order and once, when they come back with the last sequence they saw', async () => {
    const threadId = await ask('Were you away?');
    const first = subscribe(reader, threadId);
    await settle(1);
    await reply(threadId, 'Before the break.');
    const seen = await first.next();
    await first.close();
    await settle(0);

    // Away: two replies, and an edit of the second.
    const second = await reply(threadId, 'During the break.');
    const third = await reply(threadId, 'Also during the break.');
    await poster.client.data(EDIT, { input: { replyId: third, version: 1, body: 'Also during the break, edited.' } });

    const back = subscribe(reader, threadId, seen.seq);
    const missed = [await back.next(), await back.next(), await back.next()];
    expect(missed.map((a) => [a.kind, a.reply?.id, a.reply?.body])).toEqual([
      ['REPLY_ADDED', second, 'During the break.'],
      ['REPLY_ADDED', third, 'Also during the break, edited.'],
      ['REPLY_CHANGED', third, 'Also during the break, edited.'],
    ]);
    // Then live again, nothing repeated.
    const fourth = await reply(threadId, 'After the break.');
    expect(await back.next()).toMatchObject({ kind: 'REPLY_ADDED', reply: { id: fourth } });
    await back.close();
    await settle(0);

    // Events older than the retention window are gone: the reader is told to refetch, then goes on live.
    await api.dataSource.query('DELETE FROM outbox_events WHERE seq <= $1', [missed[0].seq]);
    const late = subscribe(reader, threadId, seen.seq);
    const refetch = await late.next();
    expect(refetch).toMatchObject({ kind: 'REFETCH', threadId, reply: null });
    expect(refetch.seq).toBeGreaterThanOrEqual(missed[2].seq);
    const fifth = await reply(threadId, 'Fetched again.');
    expect(await late.next()).toMatchObject({ kind: 'REPLY_ADDED', reply: { id: fifth } });
    await late.close();

    // A sequence that cannot be one is refused, with the field named.
    const bad = connectWs(api.url, { cookie: reader.client.cookieHeader, origin: TEST_ORIGIN });
    const refused = await bad.client.iterate({ query: ACTIVITY, variables: { threadId, since: -1 } }).next().catch((errors: unknown) => errors);
    expect(JSON.stringify(refused)).toContain('BAD_USER_INPUT');
    await bad.dispose();
    await settle(0);
  });

  it('sends a burst that arrived while delivery was busy together, in order and once, each reader’s in one write', async () => {
    const threadId = await ask('Burst?');
    const subscriptions = [subscribe(reader, threadId), subscribe(poster, threadId), subscribe(manager, threadId)];
    await settle(3);
    // Delivery is kept busy on the first reply (its readers' access cannot be read while the
    // table is locked), so the next four arrive while it waits, and leave together.
    const lock = api.dataSource.createQueryRunner();
    await lock.startTransaction();
    await lock.query('LOCK TABLE community_access_versions IN ACCESS EXCLUSIVE MODE');
    const before = { ...subscriptionExecutions };
    const posted: string[] = [];
    for (let i = 1; i <= 5; i++) posted.push(await reply(threadId, `Burst ${i}.`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await lock.rollbackTransaction();
    await lock.release();
    for (const s of subscriptions) {
      const received = [];
      for (let i = 0; i < 5; i++) received.push(await s.next());
      expect(received.map((a) => a.reply?.id)).toEqual(posted);
      expect(received.map((a) => a.seq)).toEqual([...received.map((a) => a.seq)].sort((a, b) => a - b));
    }
    // The four after the first went out together: the first three of each reader's held back for the fourth's write.
    expect(subscriptionExecutions.gathered - before.gathered).toBe(3 * 3);
    expect(subscriptionExecutions.delivered - before.delivered).toBe(5 * 3);
    // Nothing more, nothing twice.
    const last = await reply(threadId, 'After the burst.');
    for (const s of subscriptions) expect((await s.next()).reply?.id).toBe(last);
  });

  it('delivers results of every size whole, the longest reply too (its message over 64 KiB)', async () => {
    const threadId = await ask('How long may a reply be?');
    const forReader = subscribe(reader, threadId);
    await settle(1);
    for (const body of ['Short.', 'Medium. '.repeat(40), `${'Long words, '.repeat(4_000)}the end.`]) {
      const id = await reply(threadId, body);
      const received = await forReader.next();
      expect(received.reply?.id).toBe(id);
      expect(received.reply?.body).toBe(body);
    }
  });

  it('changes a community’s access version with every write to what its access facts are read from, and with nothing else', async () => {
    const db = api.dataSource;
    const version = async (id: string) =>
      ((await db.query(`SELECT coalesce((SELECT version FROM community_access_versions WHERE community_id = $1), 0)::text AS v`, [id])) as Array<{ v: string }>)[0].v;
    const someone = await api.signedIn(PlatformRole.Member, { displayName: 'Sam Someone' });
    const by = manager.account.id;
    const changes: Array<[string, string, unknown[]]> = [
      ['a membership', `INSERT INTO community_memberships VALUES ($1, $2, 'MEMBER', now())`, [communityId, someone.account.id]],
      ['a role', `UPDATE community_memberships SET role = 'MODERATOR' WHERE community_id = $1 AND account_id = $2`, [communityId, someone.account.id]],
      ['a ban', `INSERT INTO community_bans (id, community_id, account_id, reason, banned_by_id, created_at) VALUES (gen_random_uuid(), $1, $2, 'x', $3, now())`, [communityId, someone.account.id, by]],
      ['a ban lifted', `UPDATE community_bans SET lifted_at = now() WHERE community_id = $1`, [communityId]],
      ['an invitation', `INSERT INTO community_invitations (id, community_id, email, role, status, invited_by_id, created_at) VALUES (gen_random_uuid(), $1, 'sam.new@commons.example', 'MEMBER', 'PENDING', $2, now())`, [communityId, by]],
      ['an e-mail an invitation names', `UPDATE accounts SET email = 'sam.new@commons.example' WHERE id = $1`, [someone.account.id]],
      ['a cohort attached', `WITH c AS (INSERT INTO cohorts (id, name, sort_name, created_by_id, created_at, updated_at) VALUES ('00000000-0000-4000-8000-0000000c0402'::uuid, 'Pilots', 'pilots', $2, now(), now()) RETURNING id)
                              INSERT INTO community_cohorts SELECT $1, id, now() FROM c`, [communityId, by]],
      ['a cohort member', `INSERT INTO cohort_members VALUES ('00000000-0000-4000-8000-0000000c0402', $1, now())`, [someone.account.id]],
      ['the visibility', `UPDATE communities SET visibility = 'PRIVATE' WHERE id = $1`, [communityId]],
      ['the membership removed', `DELETE FROM community_memberships WHERE community_id = $1 AND account_id = $2`, [communityId, someone.account.id]],
    ];
    for (const [what, sql, params] of changes) {
      const before = await version(communityId);
      await db.query(sql, params);
      expect([what, await version(communityId)]).not.toEqual([what, before]);
    }
    // A row moved to another community changes both: the one it left too.
    const elsewhere = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Elsewhere', audiences: ['EMPLOYEE'], visibility: 'PRIVATE', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await db.query(`INSERT INTO community_memberships VALUES ($1, $2, 'MEMBER', now())`, [elsewhere, someone.account.id]);
    const [left, joined] = [await version(elsewhere), await version(communityId)];
    await db.query(`UPDATE community_memberships SET community_id = $1 WHERE community_id = $2 AND account_id = $3`, [communityId, elsewhere, someone.account.id]);
    expect(await version(elsewhere)).not.toEqual(left);
    expect(await version(communityId)).not.toEqual(joined);

    // A cohort's member removed while the cohort is being attached elsewhere: the removal waits
    // for the attachment to commit, so it sees the new community and changes its version too.
    await db.query(`INSERT INTO cohort_members VALUES ('00000000-0000-4000-8000-0000000c0402', $1, now()) ON CONFLICT DO NOTHING`, [reader.account.id]);
    const attaching = db.createQueryRunner();
    await attaching.startTransaction();
    await attaching.query(`INSERT INTO community_cohorts VALUES ($1, '00000000-0000-4000-8000-0000000c0402', now())`, [elsewhere]);
    const [{ v: attached }] = (await attaching.query(`SELECT version::text AS v FROM community_access_versions WHERE community_id = $1`, [elsewhere])) as Array<{ v: string }>;
    const removed = db.query(`DELETE FROM cohort_members WHERE cohort_id = '00000000-0000-4000-8000-0000000c0402' AND account_id = $1`, [reader.account.id]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await attaching.commitTransaction();
    await attaching.release();
    await removed;
    expect(await version(elsewhere)).not.toEqual(attached);
    // Nothing else: a post, a rename, another account's e-mail.
    const before = await version(communityId);
    await reply(await ask('Does posting change it?'), 'No.');
    await db.query(`UPDATE communities SET name = name || ' (renamed)', visibility = 'OPEN' WHERE id = $1`, [communityId]);
    const reopened = await version(communityId);
    expect(reopened).not.toEqual(before);
    await db.query(`UPDATE communities SET name = 'Live Answers' WHERE id = $1`, [communityId]);
    await db.query(`UPDATE accounts SET email = 'rudi.renamed@commons.example' WHERE id = $1`, [reader.account.id]);
    await reply(await ask('Still the same?'), 'Yes.');
    expect(await version(communityId)).toEqual(reopened);
  });

  it('keeps what it read about many readers when a call asks about a few (a catch-up, a small thread)', async () => {
    const access = api.app.get<ReadersAccess>(ReadersAccess);
    const people = [manager, poster, reader].map((p) => p.account.id);
    const statementsOf = async (accountIds: string[]) => (await api.statements.measure(() => access.of(communityId, accountIds))).statements;
    // A new version: nothing of this community is kept.
    await api.dataSource.query(`UPDATE community_memberships SET role = role WHERE community_id = $1`, [communityId]);
    // Read once: the version, then the facts.
    expect(await statementsOf(people)).toBe(2);
    // A call about one of them, then about all: the version alone each time.
    expect(await statementsOf([reader.account.id])).toBe(1);
    expect(await statementsOf(people)).toBe(1);
    const facts = await access.of(communityId, people);
    expect(people.map((id) => facts.get(id)?.role)).toEqual(['MANAGER', 'MEMBER', 'MEMBER']);
  });

  it('keeps its readers’ access between events, and decides afresh after anything it depends on changed: a setting, a fix in SQL, a ban’s end', async () => {
    const UPDATE = `mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { visibility } }`;
    const BAN = `mutation ($input: BanMemberInput!) { banFromCommunity(input: $input) { id } }`;
    const other = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Kept Facts', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId: other, lifecycle: 'ACTIVE' } });
    for (const person of [poster, reader]) await person.client.data(JOIN, { id: other });
    const visitor = await api.signedIn(PlatformRole.Member, { displayName: 'Vic Visitor' });
    const threadId = (await manager.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId: other, title: 'Who may still read this?', body: 'Watch.' } })).createThread.id;
    const forManager = subscribe(manager, threadId);
    const forReader = subscribe(reader, threadId);
    // Not a member: reads it while the community is open.
    const forVisitor = subscribe(visitor, threadId);
    await settle(3);
    const all = [forManager, forReader, forVisitor];
    const ids = async (subscriptions: typeof all) => (await Promise.all(subscriptions.map((s) => s.next()))).map((a) => a.reply?.id);

    const first = await reply(threadId, 'Everyone reads this.');
    expect(await ids(all)).toEqual([first, first, first]);
    const { statements } = await api.statements.measure(async () => {
      const id = await reply(threadId, 'And this, with what was read for the first.');
      expect(await ids(all)).toEqual([id, id, id]);
    });
    // Kept: the readers' facts are not read again while nothing they come from changed.
    const { statements: firstStatements } = await api.statements.measure(async () => {
      const fresh = subscribe(poster, threadId);
      await settle(4);
      const id = await reply(threadId, 'A new reader’s facts are read for them alone.');
      expect(await ids([...all, fresh])).toEqual([id, id, id, id]);
      await fresh.close();
      await settle(3);
    });
    expect(statements).toBeLessThan(firstStatements);

    // Made private: the visitor gets nothing more from the next event on.
    await manager.client.data(UPDATE, { input: { communityId: other, visibility: 'PRIVATE' } });
    const privately = await reply(threadId, 'Members only now.');
    expect(await ids([forManager, forReader])).toEqual([privately, privately]);
    // A membership removed by a fix in SQL, with no event at all: the reader too.
    await api.dataSource.query('DELETE FROM community_memberships WHERE community_id = $1 AND account_id = $2', [other, reader.account.id]);
    const fixed = await reply(threadId, 'After the fix.');
    expect(await ids([forManager])).toEqual([fixed]);
    // Back in, and open again: both hear the next one, and nothing of what they missed.
    await api.dataSource.query(`INSERT INTO community_memberships (community_id, account_id, role, joined_at) VALUES ($1, $2, 'MEMBER', now())`, [other, reader.account.id]);
    await manager.client.data(UPDATE, { input: { communityId: other, visibility: 'OPEN' } });
    const reopened = await reply(threadId, 'Open again.');
    expect(await ids(all)).toEqual([reopened, reopened, reopened]);

    // Banned until a moment passes: nothing while it lasts, then the next event, with no write in between.
    const endsAt = new Date(Date.now() + 1_500);
    await manager.client.data(BAN, { input: { communityId: other, accountId: reader.account.id, reason: 'A short break.', endsAt: endsAt.toISOString() } });
    const during = await reply(threadId, 'During the ban.');
    expect(await ids([forManager, forVisitor])).toEqual([during, during]);
    await new Promise((resolve) => setTimeout(resolve, endsAt.getTime() - Date.now() + 100));
    const ended = await reply(threadId, 'The ban has ended.');
    expect(await ids(all)).toEqual([ended, ended, ended]);
  });
});
