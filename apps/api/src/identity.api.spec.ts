import { PlatformRole } from '@commons/shared-contracts';
import { TEST_PASSWORD, type TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { account { id email role displayName initials } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { account { id email } } }`;
const VIEWER = `{ viewer { id email role displayName department } }`;

describe('accounts and sessions', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ LOGIN_ATTEMPTS_PER_ACCOUNT: '3', LOGIN_WINDOW_SECONDS: '600' });
  });
  afterAll(() => api.close());

  it('makes the first registered account the admin, later ones members, and signs each in', async () => {
    const first = api.client();
    const { register } = await first.data<{ register: { account: { role: string; initials: string } } }>(REGISTER, {
      input: { email: 'Founder@Example.test', password: 'long enough password', displayName: 'Fay Founder' },
    });
    expect(register.account).toMatchObject({ role: 'ADMIN', initials: 'FF' });
    const second = api.client();
    const { register: again } = await second.data<{ register: { account: { role: string; email: string } } }>(REGISTER, {
      input: { email: 'member@example.test', password: 'long enough password', displayName: 'Mo Member', department: ' Sales ' },
    });
    expect(again.account).toMatchObject({ role: 'MEMBER', email: 'member@example.test' });
    const { viewer } = await second.data<{ viewer: { email: string; department: string } }>(VIEWER);
    expect(viewer).toMatchObject({ email: 'member@example.test', department: 'Sales' });
  });

  it('rejects a taken address with CONFLICT on the email field, whatever its case', async () => {
    const { body } = await api.client().request(REGISTER, {
      input: { email: 'MEMBER@example.test', password: 'long enough password', displayName: 'Copy' },
    });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'email' }] });
  });

  it('reports every invalid field with BAD_USER_INPUT and saves nothing', async () => {
    const client = api.client();
    const { body } = await client.request(REGISTER, { input: { email: 'not-an-address', password: 'short', displayName: '' } });
    expect(body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    const fields = (body.errors?.[0].extensions?.['fields'] as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM accounts WHERE email = 'not-an-address'`);
    expect(count).toBe(0);
    expect((await client.data<{ viewer: unknown }>(VIEWER)).viewer).toBeNull();
  });

  it('gives one generic message for an unknown address and a wrong password', async () => {
    const { account } = await api.signedIn();
    const unknown = await api.client().request(SIGN_IN, { input: { email: 'nobody@example.test', password: 'whatever password' } });
    const wrong = await api.client().request(SIGN_IN, { input: { email: account.email, password: 'wrong password!' } });
    expect(unknown.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.body.errors?.[0].message).toBe(unknown.body.errors?.[0].message);
  });

  it('rate-limits sign-in attempts per account with RATE_LIMITED and a retry time', async () => {
    const { account } = await api.signedIn();
    const attempt = () => api.client().request(SIGN_IN, { input: { email: account.email, password: 'wrong password!' } });
    for (let i = 0; i < 3; i++) expect((await attempt()).body.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
    const limited = await attempt();
    expect(limited.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    // Even the right password waits until the window passes.
    const right = await api.client().request(SIGN_IN, { input: { email: account.email, password: TEST_PASSWORD } });
    expect(right.body.errors?.[0].extensions?.['code']).toBe('RATE_LIMITED');
  });

  it('rate-limits registrations per address', async () => {
    const limited = await startTestApp({ REGISTRATIONS_PER_ADDRESS: '2' });
    try {
      const attempt = (n: number) =>
        limited.client().request(REGISTER, { input: { email: `r${n}@example.test`, password: 'long enough password', displayName: `R ${n}` } });
      expect((await attempt(1)).body.errors).toBeUndefined();
      expect((await attempt(2)).body.errors).toBeUndefined();
      expect((await attempt(3)).body.errors?.[0].extensions?.['code']).toBe('RATE_LIMITED');
      const [{ count }] = await limited.dataSource.query(`SELECT count(*)::int AS count FROM accounts`);
      expect(count).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('keeps the session in an HTTP-only SameSite cookie, never in the response body', async () => {
    const { account } = await api.signedIn();
    const { headers, body } = await api.client().request(SIGN_IN, { input: { email: account.email, password: TEST_PASSWORD } });
    const cookie = headers.getSetCookie().join(';');
    expect(cookie).toMatch(/commons_session=[\w-]{43}/u);
    expect(cookie).toMatch(/HttpOnly/iu);
    expect(cookie).toMatch(/SameSite=Lax/iu);
    expect(JSON.stringify(body)).not.toMatch(/[\w-]{43}/u);
  });

  it('ends a session on sign-out: the same cookie is anonymous on the next request', async () => {
    const { client } = await api.signedIn();
    const stolenCopy = client.clone();
    await client.data(`mutation { signOut }`);
    expect((await stolenCopy.data<{ viewer: unknown }>(VIEWER)).viewer).toBeNull();
    expect(await stolenCopy.errorCode(`{ accounts(first: 1) { edges { node { id } } } }`)).toBe('UNAUTHENTICATED');
  });

  it('ends other sessions on a password change and keeps the current one', async () => {
    const { client, account } = await api.signedIn();
    const otherBrowser = api.client();
    await otherBrowser.signIn(account.email, TEST_PASSWORD);
    await client.data(`mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`, {
      input: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' },
    });
    expect((await client.data<{ viewer: { id: string } }>(VIEWER)).viewer.id).toBe(account.id);
    expect((await otherBrowser.data<{ viewer: unknown }>(VIEWER)).viewer).toBeNull();
    const wrongCurrent = await client.request(`mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`, {
      input: { currentPassword: 'not my password', newPassword: 'another new password' },
    });
    expect(wrongCurrent.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'currentPassword' }] });
  });

  it('lets an admin suspend an account, which signs it out at once and blocks sign-in', async () => {
    const { client: admin } = await api.signedIn(PlatformRole.Admin);
    const { client: member, account } = await api.signedIn();
    await admin.data(`mutation ($id: ID!) { suspendAccount(accountId: $id) { id suspendedAt } }`, { id: account.id });
    expect((await member.data<{ viewer: unknown }>(VIEWER)).viewer).toBeNull();
    const again = await api.client().request(SIGN_IN, { input: { email: account.email, password: TEST_PASSWORD } });
    expect(again.body.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    expect(await member.errorCode(`mutation ($id: ID!) { suspendAccount(accountId: $id) { id } }`, { id: account.id })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses admin mutations to members with FORBIDDEN and unknown ids with NOT_FOUND', async () => {
    const { client: member, account } = await api.signedIn();
    expect(await member.errorCode(`mutation ($id: ID!) { suspendAccount(accountId: $id) { id } }`, { id: account.id })).toBe('FORBIDDEN');
    expect(
      await member.errorCode(`mutation { updatePlatformSettings(input: { openRegistration: false }) { openRegistration } }`),
    ).toBe('FORBIDDEN');
    expect(await member.errorCode(`query ($id: ID!) { account(id: $id) { id } }`, { id: '0190a1b2-0000-7000-8000-000000000000' })).toBe(
      'NOT_FOUND',
    );
    expect(await member.errorCode(`query { account(id: "not-a-uuid") { id } }`)).toBe('BAD_USER_INPUT');
  });

  it('shows e-mail addresses only to their owner and to admins', async () => {
    const { client: member } = await api.signedIn();
    const { client: admin } = await api.signedIn(PlatformRole.Admin);
    const { account: other } = await api.signedIn();
    const query = `query ($id: ID!) { account(id: $id) { displayName email lastSignInAt } }`;
    const seenByMember = await member.data<{ account: { email: string | null; displayName: string } }>(query, { id: other.id });
    expect(seenByMember.account).toMatchObject({ email: null, displayName: expect.any(String) });
    const seenByAdmin = await admin.data<{ account: { email: string | null } }>(query, { id: other.id });
    expect(seenByAdmin.account.email).toBe(other.email);
  });

  it('closes registration to the public and opens it to single-use invites', async () => {
    const { client: admin } = await api.signedIn(PlatformRole.Admin);
    await admin.data(`mutation { updatePlatformSettings(input: { openRegistration: false }) { openRegistration } }`);
    const closed = await api.client().request(REGISTER, {
      input: { email: 'outsider@example.test', password: 'long enough password', displayName: 'Out Sider' },
    });
    expect(closed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'inviteToken' }] });

    const { createInvite } = await admin.data<{ createInvite: { token: string; url: string } }>(
      `mutation { createInvite(input: { email: "invited@example.test", role: STEERING }) { token url invitation { role usable } } }`,
    );
    expect(createInvite.url).toContain(`/register?invite=${createInvite.token}`);
    const wrongAddress = await api.client().request(REGISTER, {
      input: { email: 'someone@example.test', password: 'long enough password', displayName: 'Some One', inviteToken: createInvite.token },
    });
    expect(wrongAddress.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'email' }] });
    const invited = await api.client().data<{ register: { account: { role: string } } }>(REGISTER, {
      input: { email: 'invited@example.test', password: 'long enough password', displayName: 'In Vited', inviteToken: createInvite.token },
    });
    expect(invited.register.account.role).toBe('STEERING');
    const reused = await api.client().request(REGISTER, {
      input: { email: 'invited@example.test', password: 'long enough password', displayName: 'Again', inviteToken: createInvite.token },
    });
    expect(reused.body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    await admin.data(`mutation { updatePlatformSettings(input: { openRegistration: true }) { openRegistration } }`);
  });

  it('records registration settings and invitations in the platform’s audit log, never the invite’s token', async () => {
    const { client: admin, account } = await api.signedIn(PlatformRole.Admin);
    const SETTINGS = `mutation ($open: Boolean!) { updatePlatformSettings(input: { openRegistration: $open }) { openRegistration } }`;
    const { platformSettings } = await admin.data<{ platformSettings: { openRegistration: boolean } }>(`{ platformSettings { openRegistration } }`);
    const initially = platformSettings.openRegistration;
    await admin.data(SETTINGS, { open: !initially });
    // Setting what is already set changes nothing and is not recorded.
    await admin.data(SETTINGS, { open: !initially });
    await admin.data(SETTINGS, { open: initially });
    const { createInvite } = await admin.data<{ createInvite: { token: string; invitation: { expiresAt: string } } }>(
      `mutation { createInvite(input: { email: "Partner.Person@Example.test", role: MEMBER, audience: PARTNER }) { token invitation { expiresAt } } }`,
    );
    const [invite]: Array<{ id: string; hash: string }> = await api.dataSource.query(
      `SELECT id, encode(token_hash, 'hex') AS hash FROM invites WHERE email = 'partner.person@example.test'`,
    );

    type Entry = { action: string; targetKind: string; targetId: string | null; communityId: string | null; actor: { id: string } | null; before: string | null; after: string | null; requestId: string | null };
    const { auditLog } = await admin.data<{ auditLog: { edges: Array<{ node: Entry }> } }>(
      `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 20) { edges { node { action targetKind targetId communityId actor { id } before after requestId } } } }`,
      { filter: { actorId: account.id } },
    );
    const entries = auditLog.edges.map(({ node }) => ({ ...node, before: node.before && JSON.parse(node.before), after: node.after && JSON.parse(node.after) }));
    const common = { actor: { id: account.id }, communityId: null, requestId: expect.stringMatching(/\S/u) };
    expect(entries.filter((e) => e.action === 'settings.registration')).toEqual([
      expect.objectContaining({ ...common, targetKind: 'platform-settings', targetId: null, before: { openRegistration: !initially }, after: { openRegistration: initially } }),
      expect.objectContaining({ ...common, targetKind: 'platform-settings', targetId: null, before: { openRegistration: initially }, after: { openRegistration: !initially } }),
    ]);
    expect(entries.filter((e) => e.action === 'invite.create')).toEqual([
      expect.objectContaining({
        ...common,
        targetKind: 'invite',
        targetId: invite.id,
        before: null,
        after: { email: 'partner.person@example.test', role: 'MEMBER', audience: 'PARTNER', expiresAt: createInvite.invitation.expiresAt },
      }),
    ]);
    expect(entries).toHaveLength(3);
    // Neither the link's token nor its hash is kept in the log, in any column.
    const rows: Array<{ row: string }> = await api.dataSource.query(`SELECT row_to_json(a)::text AS row FROM audit_log a WHERE a.actor_id = $1`, [account.id]);
    expect(rows).toHaveLength(3);
    for (const { row } of rows) {
      expect(row).not.toContain(createInvite.token);
      expect(row).not.toContain(invite.hash);
      expect(row).not.toContain(Buffer.from(invite.hash, 'hex').toString('base64'));
    }
  });

  it('keeps at least one active admin', async () => {
    const { client: admin, account } = await api.signedIn(PlatformRole.Admin);
    await api.dataSource.query(`UPDATE accounts SET role = 'MEMBER' WHERE role = 'ADMIN' AND id <> $1`, [account.id]);
    const demote = await admin.request(`mutation ($input: SetAccountRoleInput!) { setAccountRole(input: $input) { role } }`, {
      input: { accountId: account.id, role: 'MEMBER' },
    });
    expect(demote.body.errors?.[0].extensions?.['code']).toBe('CONFLICT');
  });

  it('pages the directory with keyset cursors and caps the page size at 100', async () => {
    const { client } = await api.signedIn();
    for (let i = 0; i < 5; i++) await api.signedIn(PlatformRole.Member, { displayName: `Zed Directory ${i}` });
    const page = `query ($after: String) { accounts(first: 2, after: $after, search: "zed directory") { edges { cursor node { displayName } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { accounts: { edges: Array<{ node: { displayName: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: Page = await client.data<Page>(page, { after });
      names.push(...data.accounts.edges.map((e) => e.node.displayName));
      if (!data.accounts.pageInfo.hasNextPage) break;
      after = data.accounts.pageInfo.endCursor;
    }
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `Zed Directory ${i}`));
    // One statement resolves the session, one reads the page: no per-row queries.
    const { statements } = await api.statements.measure(() => client.data(page, { after: null }));
    expect(statements).toBe(2);
    expect(await client.errorCode(`{ accounts(first: 101) { edges { cursor } } }`)).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(`{ accounts(first: 5, after: "garbage") { edges { cursor } } }`)).toBe('BAD_USER_INPUT');
  });

  it('forgives a typo in a name, without matching unrelated people', async () => {
    const { client } = await api.signedIn();
    await api.signedIn(PlatformRole.Member, { displayName: 'Augusta Lovelace' });
    await api.signedIn(PlatformRole.Member, { displayName: 'Charles Babbage' });
    const find = async (search: string) =>
      (await client.data<{ accounts: { edges: Array<{ node: { displayName: string } }> } }>(`query ($s: String) { accounts(first: 20, search: $s) { edges { node { displayName } } } }`, { s: search })).accounts.edges.map(
        (e) => e.node.displayName,
      );
    expect(await find('lovelase')).toEqual(['Augusta Lovelace']);
    expect(await find('babage')).toEqual(['Charles Babbage']);
  });
});
