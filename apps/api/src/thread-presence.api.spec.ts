import { PlatformRole } from '@commons/shared-contracts';
import { PresenceBoard } from '@commons/server-realtime';
import { ThreadPresence } from '@commons/server-forums';
import { connectWs, TEST_ORIGIN } from '@commons/server-testing';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const INVITE = `mutation ($input: InviteToCommunityInput!) { inviteToCommunity(input: $input) { id } }`;
const ACCEPT_INVITATION = `mutation ($id: ID!) { respondToCommunityInvitation(invitationId: $id, accept: true) { id } }`;
const REMOVE_MEMBER = `mutation ($input: CommunityMemberInput!) { removeCommunityMember(input: $input) { id } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }`;
const LOCK = `mutation ($id: ID!, $locked: Boolean!) { lockThread(threadId: $id, locked: $locked) { locked } }`;
const TYPING = `mutation ($threadId: ID!, $typing: Boolean!) { reportTyping(threadId: $threadId, typing: $typing) }`;
const PRESENCE = `subscription ($threadId: ID!) { presence(threadId: $threadId) { threadId readers typing { id displayName initials } } }`;

type Presence = { threadId: string; readers: number; typing: Array<{ id: string; displayName: string; initials: string }> };
type Person = Awaited<ReturnType<TestApp['signedIn']>>;

describe('presence: who reads a thread and who is writing a reply, across instances', () => {
  let api: TestApp;
  let second: TestApp;
  let manager: Person;
  let ada: Person;
  let ben: Person;
  let communityId: string;

  beforeAll(async () => {
    api = await startTestApp();
    // A second API instance on the same database (and the same Redis when REDIS_URL is set).
    second = await startTestApp({ DATABASE_URL: api.database.url });
    manager = await api.signedIn(PlatformRole.Member, { displayName: 'Mona Manager' });
    ada = await api.signedIn(PlatformRole.Member, { displayName: 'Ada Lovelace' });
    ben = await api.signedIn(PlatformRole.Member, { displayName: 'Ben Okafor' });
    communityId = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Present Company', audiences: ['EMPLOYEE'], visibility: 'OPEN', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [ada, ben]) await person.client.data(JOIN, { id: communityId });
  });
  afterAll(async () => {
    await second?.close();
    await api?.close();
  });

  const open = new Set<{ close(): Promise<void> }>();
  afterEach(async () => {
    for (const s of open) await s.close();
    open.clear();
  });

  const ask = async (title: string, community = communityId) =>
    (await manager.client.data<{ createThread: { id: string } }>(ASK, { input: { communityId: community, title, body: 'Who is here?' } })).createThread.id;

  /** A person's presence subscription on one instance: every value it received, and a way to wait for one. */
  function watch(person: Person, threadId: string, on: TestApp = api) {
    const ws = connectWs(on.url, { cookie: person.client.cookieHeader, origin: TEST_ORIGIN });
    const values: Presence[] = [];
    let errors: Array<{ message: string; extensions?: { code?: string } }> | null = null;
    let wake: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      ws.client.subscribe<{ presence: Presence }>(
        { query: PRESENCE, variables: { threadId } },
        {
          next: (result) => {
            if (result.data) values.push(result.data.presence);
            if (result.errors) errors = result.errors as typeof errors;
            wake();
          },
          error: (error: unknown) => {
            errors = Array.isArray(error) ? error : [{ message: String(error) }];
            wake();
            resolve();
          },
          complete: resolve,
        },
      );
    });
    const subscription = {
      values,
      get errors() {
        return errors;
      },
      /** Waits until a value matches (or the subscription ended with errors); fails after `withinMs`. */
      async until(test: (p: Presence) => boolean, what: string, withinMs = 8_000): Promise<Presence> {
        const deadline = Date.now() + withinMs;
        for (;;) {
          const found = values.find(test);
          if (found) return found;
          if (errors) throw new Error(`${what}: ended with ${JSON.stringify(errors)}`);
          if (Date.now() > deadline) throw new Error(`${what}: not seen in ${JSON.stringify(values)}`);
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 100);
          });
        }
      },
      /** The latest value after waiting for one that matches. */
      latest: () => values[values.length - 1],
      done,
      async close() {
        open.delete(subscription);
        await ws.dispose();
      },
    };
    open.add(subscription);
    return subscription;
  }

  it('counts readers on both instances, shows who is typing to the others, and forgets them when they stop or leave', async () => {
    const threadId = await ask('Reading together');
    const forAda = watch(ada, threadId, api);
    // The first value comes at once, with the reader counted.
    expect(await forAda.until((p) => p.readers === 1, 'Ada alone')).toEqual({ threadId, readers: 1, typing: [] });

    const forBen = watch(ben, threadId, second);
    await forBen.until((p) => p.readers === 2, 'Ben sees Ada, from the other instance');
    await forAda.until((p) => p.readers === 2, 'Ada sees Ben, from the other instance');
    // Two tabs are one reader.
    const benAgain = watch(ben, threadId, second);
    await benAgain.until((p) => p.readers === 2, 'Ben’s second tab');

    // His reports go to one instance over HTTP, his stop to the other (a load balancer decides).
    const benOnSecond = ben.client.clone(second.url);
    await expect(ben.client.data(TYPING, { threadId, typing: true })).resolves.toEqual({ reportTyping: true });
    const typing = await forAda.until((p) => p.typing.length > 0, 'Ben typing, seen by Ada');
    expect(typing.typing).toEqual([{ id: ben.account.id, displayName: 'Ben Okafor', initials: 'BO' }]);
    // He stops (posting the reply): gone at once everywhere, well before his 6 s would run out.
    const stoppedAt = forAda.values.length;
    await benOnSecond.data(TYPING, { threadId, typing: false });
    await forAda.until((p) => forAda.values.indexOf(p) >= stoppedAt && p.typing.length === 0, 'Ben stopped typing', 4_000);

    const leftAt = forAda.values.length;
    await benAgain.close();
    await forBen.close();
    await forAda.until((p) => forAda.values.indexOf(p) >= leftAt && p.readers === 1, 'Ben left');
    await forAda.close();
    // Nobody left on either instance: both forget the thread, nothing kept for it.
    for (const instance of [api, second]) {
      const board = instance.app.get<PresenceBoard>(PresenceBoard);
      const presence = instance.app.get<ThreadPresence>(ThreadPresence);
      for (let i = 0; i < 100 && (board.size > 0 || presence.followedThreads > 0); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect([board.size, presence.followedThreads]).toEqual([0, 0]);
    }
  });

  it('refuses a thread you may not read exactly as a missing one, and typing where you may not reply', async () => {
    const privateCommunity = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Closed Door', audiences: ['EMPLOYEE'], visibility: 'PRIVATE', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId: privateCommunity, lifecycle: 'ACTIVE' } });
    const hidden = await ask('Members only', privateCommunity);

    const refused = watch(ada, hidden);
    await refused.done;
    const missing = watch(ada, '5f1d7a52-3c1e-4b8e-9a55-6d2f0c7b1e11');
    await missing.done;
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(refused.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(missing.errors?.map((e) => [e.message, e.extensions?.code]));
    expect(await ada.client.errorCode(TYPING, { threadId: hidden, typing: true })).toBe('NOT_FOUND');

    // Readable but locked: nobody may reply, so nobody is shown typing.
    const locked = await ask('Closed for replies');
    await manager.client.data(LOCK, { id: locked, locked: true });
    expect(await ada.client.errorCode(TYPING, { threadId: locked, typing: true })).toBe('FORBIDDEN');
    expect(api.app.get<PresenceBoard>(PresenceBoard).viewOf(`thread:${locked}`)).toEqual({ readers: 0, typing: [] });
    // Malformed ids are bad input, not a lookup.
    expect(await ada.client.errorCode(TYPING, { threadId: 'not-an-id', typing: true })).toBe('BAD_USER_INPUT');
  });

  it('ends the presence of someone who may no longer read the thread at its next change, and stops counting them', async () => {
    const privateCommunity = (await manager.client.data<{ createCommunity: { id: string } }>(CREATE_COMMUNITY, {
      input: { name: 'Inner Circle', audiences: ['EMPLOYEE'], visibility: 'PRIVATE', intent: 'COLLABORATION', useCases: ['FORUMS'] },
    })).createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId: privateCommunity, lifecycle: 'ACTIVE' } });
    for (const person of [ada, ben]) {
      const invitation = (await manager.client.data<{ inviteToCommunity: { id: string } }>(INVITE, { input: { communityId: privateCommunity, accountId: person.account.id } })).inviteToCommunity;
      await person.client.data(ACCEPT_INVITATION, { id: invitation.id });
    }
    const threadId = await ask('Inner thoughts', privateCommunity);
    const forAda = watch(ada, threadId);
    const forBen = watch(ben, threadId, second);
    await forAda.until((p) => p.readers === 2, 'both reading');

    await manager.client.data(REMOVE_MEMBER, { input: { communityId: privateCommunity, accountId: ada.account.id } });
    // The next change (the manager opens the thread) is authorized per reader: Ada's ends, NOT_FOUND.
    const forManager = watch(manager, threadId);
    await forAda.done;
    expect(forAda.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // And she no longer counts: the manager and Ben (on the other instance) are the readers, and
    // once Ben has gone, the manager alone.
    await forManager.until((p) => p.readers === 2, 'the manager sees two readers');
    const benLeftAt = forManager.values.length;
    await forBen.close();
    await forManager.until((p) => forManager.values.indexOf(p) >= benLeftAt && p.readers === 1, 'the manager alone');
  });
});
