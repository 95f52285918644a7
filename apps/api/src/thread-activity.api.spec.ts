import { PlatformRole } from '@commons/shared-contracts';
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
});
