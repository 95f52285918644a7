import { PlatformRole, Audience } from '@commons/shared-contracts';
import { AdminOverrideAudit } from '@commons/server-core';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE = `mutation ($input: CreateCommunityInput!) {
  createCommunity(input: $input) {
    id slug name lifecycle visibility audiences intent useCases membersCount
    viewerMembership { role }
    objectives { metricKey target dueDate }
    cohorts { name membersCount }
  }
}`;
const LOOKUP = `query ($id: ID, $slug: String) { community(id: $id, slug: $slug) { id slug lifecycle membersCount viewerMembership { role } viewerCan { join requestToJoin participate } } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id membersCount viewerMembership { role } } }`;
const REQUEST = `mutation ($input: RequestToJoinInput!) { requestToJoinCommunity(input: $input) { id viewerJoinRequest { id status } } }`;
const DECIDE = `mutation ($input: DecideJoinRequestInput!) { decideJoinRequest(input: $input) { status decisionReason } }`;
const LEAVE = `mutation ($id: ID!) { leaveCommunity(communityId: $id) { id viewerMembership { role } } }`;

type Created = { createCommunity: { id: string; slug: string; lifecycle: string; membersCount: number } };

const AUDIT = `query ($filter: AuditLogFilter) {
  auditLog(filter: $filter, first: 100) { edges { node { action targetKind targetId communityId actor { id } before after reason requestId } } }
}`;
interface AuditEntry {
  action: string;
  targetKind: string;
  targetId: string | null;
  communityId: string | null;
  actor: { id: string } | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
}
/** The log as the reader may see it, newest first, with before and after parsed (PostgreSQL orders JSON keys its own way). */
async function auditLog(client: GraphqlClient, filter: object): Promise<AuditEntry[]> {
  type Raw = Omit<AuditEntry, 'before' | 'after'> & { before: string | null; after: string | null };
  const { auditLog: page } = await client.data<{ auditLog: { edges: Array<{ node: Raw }> } }>(AUDIT, { filter });
  return page.edges.map(({ node }) => ({ ...node, before: node.before && JSON.parse(node.before), after: node.after && JSON.parse(node.after) }));
}

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const baseInput = (name: string) => ({
  name,
  description: 'A place to test.',
  charter: '# Be kind',
  audiences: ['EMPLOYEE'],
  visibility: 'OPEN',
  intent: 'COLLABORATION',
  intentStatement: 'Work together.',
  useCases: ['FORUMS'],
});

describe('communities', () => {
  let api: TestApp;
  let manager: { client: GraphqlClient; account: { id: string } };
  beforeAll(async () => {
    api = await startTestApp();
    manager = await api.signedIn();
  });
  afterAll(() => api.close());

  const count = async (table: string) => (await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('creates a customer community with intent, objectives and a new pilot cohort in one go', async () => {
    const cohortPerson = await api.signedIn(PlatformRole.Member, { audience: Audience.Customer });
    const { createCommunity } = await manager.client.data<{ createCommunity: Record<string, unknown> }>(CREATE, {
      input: {
        ...baseInput('Customer Success Circle'),
        audiences: ['CUSTOMER'],
        intent: 'CUSTOMER_SERVICE',
        useCases: ['FORUMS', 'KNOWLEDGE'],
        objectives: [{ metricKey: 'RESOLUTION_RATE', title: 'Resolved here', baseline: 0.2, target: 0.5, direction: 'UP', dueDate: inAMonth() }],
        newCohort: { name: 'Wave 1', memberIds: [cohortPerson.account.id] },
        startPilot: true,
      },
    });
    expect(createCommunity).toMatchObject({
      slug: 'customer-success-circle',
      lifecycle: 'PILOT',
      audiences: ['CUSTOMER'],
      membersCount: 1,
      viewerMembership: { role: 'MANAGER' },
      objectives: [{ metricKey: 'RESOLUTION_RATE', target: 0.5 }],
      cohorts: [{ name: 'Wave 1', membersCount: 1 }],
    });
    // The cohort member may join the pilot; an employee outside the cohort may not.
    const id = createCommunity['id'] as string;
    await expect(cohortPerson.client.data(JOIN, { id })).resolves.toMatchObject({ joinCommunity: { membersCount: 2, viewerMembership: { role: 'MEMBER' } } });
    const outsider = await api.signedIn();
    const refused = await outsider.client.request(JOIN, { id });
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/pilot cohort/u) });
    // Promoting to ACTIVE opens it to its audience (employees are the hosts).
    await manager.client.data(`mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`, {
      input: { communityId: id, lifecycle: 'ACTIVE' },
    });
    await expect(outsider.client.data(JOIN, { id })).resolves.toMatchObject({ joinCommunity: { viewerMembership: { role: 'MEMBER' } } });
    // The manager's administrative steps are in the community's audit log, oldest last.
    const { auditLog } = await manager.client.data<{ auditLog: { edges: Array<{ node: { action: string } }> } }>(
      `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 20) { edges { node { action } } } }`,
      { filter: { communityId: id } },
    );
    expect(auditLog.edges.map((e) => e.node.action)).toEqual(['community.lifecycle', 'cohort.attach', 'community.create']);
  });

  it('keeps old slugs redirecting after a rename and refuses a taken slug with CONFLICT', async () => {
    const { createCommunity } = await manager.client.data<Created>(CREATE, { input: baseInput('Design Critique') });
    const id = createCommunity.id;
    await manager.client.data(`mutation ($input: UpdateCommunityInput!) { updateCommunity(input: $input) { slug } }`, {
      input: { communityId: id, slug: 'design-reviews', name: 'Design Reviews' },
    });
    const { community } = await manager.client.data<{ community: { id: string; slug: string } }>(LOOKUP, { slug: 'design-critique' });
    expect(community).toMatchObject({ id, slug: 'design-reviews' });

    const taken = await manager.client.request(CREATE, { input: { ...baseInput('Something else'), slug: 'design-critique' } });
    expect(taken.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'slug' }] });
    const again = await manager.client.request(CREATE, { input: baseInput('Design Reviews') });
    expect(again.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('reports invalid objectives and missing choices as BAD_USER_INPUT field errors and writes nothing', async () => {
    const before = await Promise.all(['communities', 'community_objectives', 'cohorts', 'community_memberships'].map(count));
    const { body } = await manager.client.request(CREATE, {
      input: {
        name: 'Half Written',
        audiences: [],
        useCases: ['FORUMS'],
        objectives: [
          { metricKey: 'RESOLUTION_RATE', baseline: 0.5, target: 0.4, direction: 'UP', dueDate: inAMonth() },
          { metricKey: 'MEDIAN_FIRST_RESPONSE_MINUTES', baseline: 60, target: 30, direction: 'DOWN', dueDate: '2020-01-01' },
        ],
        newCohort: { name: 'Orphans', memberIds: [] },
        startPilot: true,
      },
    });
    expect(body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    const fields = (body.errors?.[0].extensions?.['fields'] as Array<{ field: string }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['audiences']));
    // Array validation comes first; once the shape is right, the objective rules speak.
    const second = await manager.client.request(CREATE, {
      input: {
        ...baseInput('Half Written'),
        objectives: [
          { metricKey: 'RESOLUTION_RATE', baseline: 0.5, target: 0.4, direction: 'UP', dueDate: inAMonth() },
          { metricKey: 'MEDIAN_FIRST_RESPONSE_MINUTES', baseline: 60, target: 30, direction: 'DOWN', dueDate: '2020-01-01' },
        ],
      },
    });
    expect(second.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'objectives.0.target' }), expect.objectContaining({ field: 'objectives.1.dueDate' })]),
    });
    const nonNumeric = await manager.client.request(CREATE, {
      input: { ...baseInput('Half Written'), objectives: [{ metricKey: 'RESOLUTION_RATE', baseline: 0.1, target: 'lots', direction: 'UP', dueDate: inAMonth() }] },
    });
    expect(nonNumeric.body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    // A cohort member that does not exist fails the whole creation: no community, no cohort.
    const missingPerson = await manager.client.request(CREATE, {
      input: { ...baseInput('Half Written'), newCohort: { name: 'Ghosts', memberIds: ['0190f0f0-0000-7000-8000-000000000000'] }, startPilot: true },
    });
    expect(missingPerson.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'newCohort.memberIds' }] });
    const after = await Promise.all(['communities', 'community_objectives', 'cohorts', 'community_memberships'].map(count));
    expect(after).toEqual(before);
  });

  it('lets only employees start communities', async () => {
    const customer = await api.signedIn(PlatformRole.Member, { audience: Audience.Customer });
    await expect(customer.client.errorCode(CREATE, { input: baseInput('Customer made') })).resolves.toBe('FORBIDDEN');
  });

  it('runs a private community: request, deny with a reason, request again, approve; history is kept', async () => {
    const { createCommunity } = await manager.client.data<Created>(CREATE, { input: { ...baseInput('Leadership Circle'), visibility: 'PRIVATE' } });
    const id = createCommunity.id;
    await manager.client.data(`mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`, {
      input: { communityId: id, lifecycle: 'ACTIVE' },
    });
    const asker = await api.signedIn();
    const refusedJoin = await asker.client.request(JOIN, { id });
    expect(refusedJoin.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/ask to join/u) });
    // Members and objectives of a private community stay hidden from non-members.
    const hidden = await asker.client.data<{ community: { members: unknown; objectives: unknown } }>(
      `query ($id: ID) { community(id: $id) { members { edges { node { role } } } objectives { id } } }`,
      { id },
    );
    expect(hidden.community).toEqual({ members: null, objectives: null });

    const requested = await asker.client.data<{ requestToJoinCommunity: { viewerJoinRequest: { id: string; status: string } } }>(REQUEST, {
      input: { communityId: id, message: 'I lead the platform team.' },
    });
    expect(requested.requestToJoinCommunity.viewerJoinRequest.status).toBe('PENDING');
    await expect(asker.client.errorCode(REQUEST, { input: { communityId: id } })).resolves.toBe('CONFLICT');
    const requestId = requested.requestToJoinCommunity.viewerJoinRequest.id;

    // Only managers decide; denying needs a reason.
    await expect(asker.client.errorCode(DECIDE, { input: { requestId, approve: true } })).resolves.toBe('FORBIDDEN');
    await expect(manager.client.errorCode(DECIDE, { input: { requestId, approve: false } })).resolves.toBe('BAD_USER_INPUT');
    await expect(manager.client.data(DECIDE, { input: { requestId, approve: false, reason: 'Leads only for now.' } })).resolves.toEqual({
      decideJoinRequest: { status: 'DENIED', decisionReason: 'Leads only for now.' },
    });
    await expect(manager.client.errorCode(DECIDE, { input: { requestId, approve: true } })).resolves.toBe('CONFLICT');

    const second = await asker.client.data<{ requestToJoinCommunity: { viewerJoinRequest: { id: string } } }>(REQUEST, { input: { communityId: id } });
    const pending = await manager.client.data<{ community: { joinRequests: { edges: Array<{ node: { id: string; account: { id: string } } }> } } }>(
      `query ($id: ID) { community(id: $id) { joinRequests { edges { node { id account { id } } } } } }`,
      { id },
    );
    expect(pending.community.joinRequests.edges.map((e) => e.node.account.id)).toEqual([asker.account.id]);
    await manager.client.data(DECIDE, { input: { requestId: second.requestToJoinCommunity.viewerJoinRequest.id, approve: true } });
    const { community } = await asker.client.data<{ community: { viewerMembership: { role: string } } }>(LOOKUP, { id });
    expect(community.viewerMembership).toEqual({ role: 'MEMBER' });

    await asker.client.data(LEAVE, { id });
    const history: Array<{ kind: string; actor_id: string }> = await api.dataSource.query(
      `SELECT kind, actor_id FROM community_membership_events WHERE community_id = $1 AND account_id = $2 ORDER BY occurred_at, id`,
      [id, asker.account.id],
    );
    expect(history.map((h) => h.kind)).toEqual(['JOINED', 'LEFT']);
    expect(history[0].actor_id).toBe(manager.account.id);
  });

  it('keeps a manager: the last one cannot leave, step down or be removed', async () => {
    const { createCommunity } = await manager.client.data<Created>(CREATE, { input: baseInput('Lone Manager') });
    const id = createCommunity.id;
    await expect(manager.client.errorCode(LEAVE, { id })).resolves.toBe('CONFLICT');
    await expect(
      manager.client.errorCode(`mutation ($input: SetMemberRoleInput!) { setCommunityMemberRole(input: $input) { role } }`, {
        input: { communityId: id, accountId: manager.account.id, role: 'MEMBER' },
      }),
    ).resolves.toBe('CONFLICT');
  });

  it('bans a member until a date: they lose membership and cannot rejoin until the ban is lifted', async () => {
    const { createCommunity } = await manager.client.data<Created>(CREATE, { input: baseInput('Ban Test') });
    const id = createCommunity.id;
    await manager.client.data(`mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`, {
      input: { communityId: id, lifecycle: 'ACTIVE' },
    });
    const troll = await api.signedIn();
    await troll.client.data(JOIN, { id });
    const BAN = `mutation ($input: BanMemberInput!) { banFromCommunity(input: $input) { reason endsAt account { id } } }`;
    await expect(
      manager.client.errorCode(BAN, { input: { communityId: id, accountId: troll.account.id, reason: 'Spam', endsAt: '2001-01-01T00:00:00Z' } }),
    ).resolves.toBe('BAD_USER_INPUT');
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await expect(manager.client.data(BAN, { input: { communityId: id, accountId: troll.account.id, reason: 'Spam', endsAt: until } })).resolves.toMatchObject({
      banFromCommunity: { reason: 'Spam', account: { id: troll.account.id } },
    });
    const refused = await troll.client.request(JOIN, { id });
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/banned/u) });
    await manager.client.data(`mutation ($input: CommunityMemberInput!) { unbanFromCommunity(input: $input) { id } }`, {
      input: { communityId: id, accountId: troll.account.id },
    });
    await expect(troll.client.data(JOIN, { id })).resolves.toMatchObject({ joinCommunity: { viewerMembership: { role: 'MEMBER' } } });
    const kinds: Array<{ kind: string }> = await api.dataSource.query(
      `SELECT kind FROM community_membership_events WHERE community_id = $1 AND account_id = $2 ORDER BY occurred_at, id`,
      [id, troll.account.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['JOINED', 'BANNED', 'UNBANNED', 'JOINED']);
  });

  it('invites by e-mail before the person has an account; they accept after registering', async () => {
    const { createCommunity } = await manager.client.data<Created>(CREATE, { input: { ...baseInput('Secret Project'), visibility: 'SECRET' } });
    const id = createCommunity.id;
    await manager.client.data(`mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`, {
      input: { communityId: id, lifecycle: 'ACTIVE' },
    });
    await manager.client.data(`mutation ($input: InviteToCommunityInput!) { inviteToCommunity(input: $input) { email status } }`, {
      input: { communityId: id, email: 'Newcomer@Example.test', role: 'MODERATOR' },
    });
    const newcomer = await api.signedIn(PlatformRole.Member, { email: 'newcomer@example.test' });
    const { myCommunityInvitations } = await newcomer.client.data<{ myCommunityInvitations: Array<{ id: string; role: string; community: { name: string } }> }>(
      `{ myCommunityInvitations { id role community { name } } }`,
    );
    expect(myCommunityInvitations).toMatchObject([{ role: 'MODERATOR', community: { name: 'Secret Project' } }]);
    const { respondToCommunityInvitation } = await newcomer.client.data<{ respondToCommunityInvitation: { viewerMembership: { role: string } } }>(
      `mutation ($id: ID!) { respondToCommunityInvitation(invitationId: $id, accept: true) { viewerMembership { role } } }`,
      { id: myCommunityInvitations[0].id },
    );
    expect(respondToCommunityInvitation.viewerMembership.role).toBe('MODERATOR');
  });

  it('records the invitations a manager makes and revokes in the community’s log, naming accounts by id, not by address', async () => {
    const id = (await manager.client.data<Created>(CREATE, { input: baseInput('Invitation Ledger') })).createCommunity.id;
    const known = await api.signedIn();
    const addressed = await api.signedIn();
    const INVITE = `mutation ($input: InviteToCommunityInput!) { inviteToCommunity(input: $input) { id } }`;
    const REVOKE = `mutation ($id: ID!) { revokeCommunityInvitation(invitationId: $id) { status } }`;
    const invite = async (input: object) =>
      (await manager.client.data<{ inviteToCommunity: { id: string } }>(INVITE, { input: { communityId: id, ...input } })).inviteToCommunity.id;
    const byAccount = await invite({ accountId: known.account.id, role: 'MODERATOR' });
    const byAccountAddress = await invite({ email: addressed.account.email.toUpperCase(), role: 'MEMBER' });
    const byNewAddress = await invite({ email: 'Ledger.Newcomer@Example.test', role: 'MEMBER' });
    await expect(manager.client.data(REVOKE, { id: byAccount })).resolves.toEqual({ revokeCommunityInvitation: { status: 'REVOKED' } });
    await expect(manager.client.errorCode(REVOKE, { id: byAccount })).resolves.toBe('CONFLICT');

    const entries = await auditLog(manager.client, { communityId: id, action: 'member.invite' });
    const entry = (action: string, targetId: string) => entries.filter((e) => e.action === action && e.targetId === targetId);
    const common = { actor: { id: manager.account.id }, targetKind: 'community-invitation', communityId: id, requestId: expect.stringMatching(/\S/u) };
    expect(entries).toHaveLength(4);
    expect(entry('member.invite', byAccount)).toEqual([
      expect.objectContaining({ ...common, before: null, after: { accountId: known.account.id, email: null, role: 'MODERATOR', status: 'PENDING' } }),
    ]);
    // Invited by the address of someone who has an account: the log names the account, never shows its address.
    expect(entry('member.invite', byAccountAddress)).toEqual([
      expect.objectContaining({ ...common, after: { accountId: addressed.account.id, email: null, role: 'MEMBER', status: 'PENDING' } }),
    ]);
    expect(entry('member.invite', byNewAddress)).toEqual([
      expect.objectContaining({ ...common, after: { accountId: null, email: 'ledger.newcomer@example.test', role: 'MEMBER', status: 'PENDING' } }),
    ]);
    expect(entry('member.invite.revoke', byAccount)).toEqual([
      expect.objectContaining({
        ...common,
        before: { accountId: known.account.id, email: null, role: 'MODERATOR', status: 'PENDING' },
        after: { accountId: known.account.id, email: null, role: 'MODERATOR', status: 'REVOKED' },
      }),
    ]);
  });

  it('records an admin acting beyond the rules in the community’s log, once per request, action and community', async () => {
    const admin = await api.signedIn(PlatformRole.Admin);
    const a = (await manager.client.data<Created>(CREATE, { input: baseInput('Override Alpha') })).createCommunity.id;
    const b = (await manager.client.data<Created>(CREATE, { input: baseInput('Override Beta') })).createCommunity.id;
    // One request checks "manage" on Alpha twice and on Beta once.
    const first = await admin.client.request(
      `mutation ($a: ID!, $b: ID!) {
        one: updateCommunity(input: { communityId: $a, name: "Override Alpha Renamed" }) { id }
        two: updateCommunity(input: { communityId: $a, charter: "# Edited by an admin" }) { id }
        three: updateCommunity(input: { communityId: $b, description: "Edited by an admin." }) { id }
      }`,
      { a, b },
      { headers: { 'x-request-id': 'admin-override-spec' } },
    );
    expect(first.body.errors).toBeUndefined();
    // A second request is recorded again, even when the client sends the same request id.
    const second = await admin.client.request(
      `mutation ($a: ID!) { updateCommunity(input: { communityId: $a, description: "Edited again." }) { id } }`,
      { a },
      { headers: { 'x-request-id': 'admin-override-spec' } },
    );
    expect(second.body.errors).toBeUndefined();
    // The manager of the community is no override, nor is an admin doing what the rules allow anyone.
    await manager.client.data(`mutation ($a: ID!) { updateCommunity(input: { communityId: $a, description: "Mine again." }) { id } }`, { a });
    await admin.client.data(CREATE, { input: baseInput('Override Gamma') });
    // The entries are written after the requests, in their own transactions.
    await api.app.get<AdminOverrideAudit>(AdminOverrideAudit).settled();

    const override = {
      action: 'admin.override',
      actor: { id: admin.account.id },
      after: { action: 'community:manage' },
      requestId: 'admin-override-spec',
    };
    await expect(auditLog(manager.client, { communityId: a, action: 'admin' })).resolves.toEqual([
      expect.objectContaining({ ...override, targetKind: 'community', targetId: a, communityId: a }),
      expect.objectContaining({ ...override, targetKind: 'community', targetId: a, communityId: a }),
    ]);
    await expect(auditLog(manager.client, { communityId: b, action: 'admin' })).resolves.toEqual([
      expect.objectContaining({ ...override, targetKind: 'community', targetId: b, communityId: b }),
    ]);
    // The admin's change itself is in the log as ever, in the request's own transaction.
    await expect(auditLog(manager.client, { communityId: a, action: 'community.update', actorId: admin.account.id })).resolves.toEqual([
      expect.objectContaining({ before: { name: 'Override Alpha' }, after: { name: 'Override Alpha Renamed' }, requestId: 'admin-override-spec' }),
    ]);
    await expect(auditLog(admin.client, { action: 'admin', actorId: admin.account.id })).resolves.toHaveLength(3);
  });

  it('keeps employees out of reach of customers in the people directory', async () => {
    const employee = await api.signedIn(PlatformRole.Member, { displayName: 'Only Employee Communities' });
    const customer = await api.signedIn(PlatformRole.Member, { audience: Audience.Customer, displayName: 'Careful Customer' });
    const directory = async () =>
      (await customer.client.data<{ accounts: { edges: Array<{ node: { id: string } }> } }>(`{ accounts(first: 100) { edges { node { id } } } }`)).accounts.edges.map(
        (e) => e.node.id,
      );
    const before = await directory();
    expect(before).toContain(customer.account.id);
    expect(before).not.toContain(employee.account.id);
    await expect(customer.client.errorCode(`query ($id: ID!) { account(id: $id) { id } }`, { id: employee.account.id })).resolves.toBe('NOT_FOUND');
    // Everyone else the customer sees belongs to a community that serves customers.
    const [{ outside }] = await api.dataSource.query(
      `SELECT count(*)::int AS outside FROM unnest($1::uuid[]) AS v(id)
        WHERE v.id <> $2 AND NOT EXISTS (SELECT 1 FROM community_memberships m JOIN communities c ON c.id = m.community_id
                                           WHERE m.account_id = v.id AND 'CUSTOMER' = ANY(c.audiences))`,
      [before, customer.account.id],
    );
    expect(outside).toBe(0);

    // Once the employee joins an open community serving customers, customers can find them.
    const { createCommunity } = await manager.client.data<Created>(CREATE, { input: { ...baseInput('Customer Lounge'), audiences: ['CUSTOMER'] } });
    await manager.client.data(`mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`, {
      input: { communityId: createCommunity.id, lifecycle: 'ACTIVE' },
    });
    await employee.client.data(JOIN, { id: createCommunity.id });
    expect(await directory()).toContain(employee.account.id);
    await expect(customer.client.data(`query ($id: ID!) { account(id: $id) { id } }`, { id: employee.account.id })).resolves.toEqual({
      account: { id: employee.account.id },
    });
  });

  it('serves a directory page of 50 communities in a constant number of SQL statements', async () => {
    const viewer = await api.signedIn();
    await api.dataSource.query(
      `INSERT INTO communities (id, slug, name, sort_name, audiences, visibility, intent, use_cases, lifecycle, owner_id, created_at, updated_at)
       SELECT gen_random_uuid(), 'bulk-' || n, 'Bulk ' || n, 'bulk ' || lpad(n::text, 3, '0'), '{EMPLOYEE}', 'OPEN', 'INNOVATION', '{FORUMS}', 'ACTIVE', $1, now(), now()
         FROM generate_series(1, 60) n`,
      [manager.account.id],
    );
    await api.dataSource.query(
      `INSERT INTO community_memberships (community_id, account_id, role, joined_at) SELECT id, $1, 'MANAGER', now() FROM communities WHERE slug LIKE 'bulk-%'`,
      [manager.account.id],
    );
    const DIRECTORY = `query ($first: Int!, $filter: CommunityFilter) {
      communities(first: $first, filter: $filter) {
        totalCount
        edges { node { id name intent audiences lifecycle membersCount owner { displayName } viewerMembership { role } viewerCan { join } viewerJoinRequest { status } objectives { target } } }
      }
    }`;
    const measure = async (first: number) => {
      const { result, statements } = await api.statements.measure(() =>
        viewer.client.data<{ communities: { edges: unknown[] } }>(DIRECTORY, { first, filter: { search: 'bulk' } }),
      );
      return { rows: result.communities.edges.length, statements };
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(five.rows).toBe(5);
    expect(fifty.rows).toBe(50);
    // Session lookup, page, count, access facts, member counts, owners, join requests, objectives.
    expect(fifty.statements).toBe(five.statements);
    expect(fifty.statements).toBeLessThanOrEqual(8);
  });
});

describe('the demo organisation', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => api.close());

  const directory = async (email: string) => {
    const client = api.client();
    await client.signIn(email, 'commons-demo');
    const { communities } = await client.data<{ communities: { totalCount: number; edges: Array<{ node: { name: string; lifecycle: string } }> } }>(
      `{ communities(first: 100) { totalCount edges { node { name lifecycle } } } }`,
    );
    return communities.edges.map((e) => e.node.name);
  };

  it('has communities across the three audiences, one in pilot with its cohort and one archived', async () => {
    const admin = await directory('admin@commons.example');
    expect(admin).toHaveLength(8);
    const rows: Array<{ lifecycle: string; audiences: string[]; cohorts: number; members: number }> = await api.dataSource.query(
      `SELECT c.lifecycle, c.audiences::text[] AS audiences,
              (SELECT count(*)::int FROM community_cohorts cc WHERE cc.community_id = c.id) AS cohorts,
              (SELECT count(*)::int FROM community_memberships m WHERE m.community_id = c.id) AS members
         FROM communities c`,
    );
    expect(new Set(rows.flatMap((r) => r.audiences))).toEqual(new Set(['EMPLOYEE', 'CUSTOMER', 'PARTNER']));
    expect(rows.filter((r) => r.lifecycle === 'PILOT' && r.cohorts > 0)).toHaveLength(1);
    expect(rows.filter((r) => r.lifecycle === 'ARCHIVED')).toHaveLength(1);
    const [{ intents }] = await api.dataSource.query(`SELECT count(DISTINCT intent)::int AS intents FROM communities`);
    expect(intents).toBe(6);
  });

  it('shows the demo customer and partner only the communities opened to them', async () => {
    expect((await directory('casey.customer@northwind.example')).sort()).toEqual(['Customer Support Hub', 'Product Advisory Board']);
    expect(await directory('pat.partner@fabrikam.example')).toEqual(['Partner Network']);
    const ada = await directory('ada.lovelace@commons.example');
    expect(ada).toEqual(expect.arrayContaining(['Engineering Guild', 'Brand Ambassadors', 'Customer Support Hub']));
    expect(ada).not.toContain('Product Advisory Board');
  });

  it('has forum threads with an accepted answer and published blog posts, found by search', async () => {
    const ada = api.client();
    await ada.signIn('ada.lovelace@commons.example', 'commons-demo');
    const { search } = await ada.data<{ search: { edges: Array<{ node: { kind: string; titleHtml: string } }> } }>(
      `{ search(query: "migration", first: 10) { edges { node { kind titleHtml } } } }`,
    );
    expect(search.edges.map((e) => e.node.kind)).toContain('THREAD');
    const [{ answered }] = await api.dataSource.query(`SELECT count(*)::int AS answered FROM forum_threads WHERE accepted_reply_id IS NOT NULL`);
    expect(answered).toBeGreaterThanOrEqual(2);
    const { feed } = await ada.data<{ feed: { edges: unknown[] } }>(`{ feed(first: 10) { edges { node { id } } } }`);
    expect(feed.edges.length).toBeGreaterThanOrEqual(2);
  });
});

describe('pilot cohorts', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const COHORT = `mutation ($input: NewCohortInput!) { createCohort(input: $input) { id name membersCount } }`;
  const COHORTS = `{ cohorts(first: 100) { edges { node { id name members { id } } } } }`;

  it('lets whoever runs a cohort manage it, the steering committee read it, and nobody else find it', async () => {
    const runner = await api.signedIn();
    const person = await api.signedIn();
    const { createCohort } = await runner.client.data<{ createCohort: { id: string; membersCount: number } }>(COHORT, {
      input: { name: 'Wave 2', memberIds: [person.account.id] },
    });
    expect(createCohort.membersCount).toBe(1);
    const id = createCohort.id;

    const steering = await api.signedIn(PlatformRole.Steering);
    const seen = await steering.client.data<{ cohorts: { edges: Array<{ node: { id: string; members: Array<{ id: string }> } }> } }>(COHORTS);
    expect(seen.cohorts.edges.find((e) => e.node.id === id)?.node.members).toEqual([{ id: person.account.id }]);
    await expect(
      steering.client.errorCode(`mutation ($input: UpdateCohortInput!) { updateCohort(input: $input) { id } }`, { input: { cohortId: id, name: 'Mine' } }),
    ).resolves.toBe('FORBIDDEN');

    const other = await api.signedIn();
    const none = await other.client.data<{ cohorts: { edges: Array<{ node: { id: string } }> } }>(COHORTS);
    expect(none.cohorts.edges.map((e) => e.node.id)).not.toContain(id);
    await expect(other.client.errorCode(`query ($id: ID!) { cohort(id: $id) { id } }`, { id })).resolves.toBe('NOT_FOUND');

    // Attached to a pilot, the cohort cannot be deleted or detached while it is the pilot's only one.
    const { createCommunity } = await runner.client.data<Created>(CREATE, {
      input: { ...baseInput('Cohort Pilot'), cohortIds: [id], startPilot: true },
    });
    await expect(runner.client.errorCode(`mutation ($id: ID!) { deleteCohort(id: $id) }`, { id })).resolves.toBe('CONFLICT');
    await expect(
      runner.client.errorCode(`mutation ($input: CommunityCohortInput!) { detachCohort(input: $input) { id } }`, {
        input: { communityId: createCommunity.id, cohortId: id },
      }),
    ).resolves.toBe('CONFLICT');
    // A person added to the cohort may then join the pilot.
    const late = await api.signedIn();
    await runner.client.data(`mutation ($input: UpdateCohortInput!) { updateCohort(input: $input) { membersCount } }`, {
      input: { cohortId: id, addMemberIds: [late.account.id] },
    });
    await expect(late.client.data(JOIN, { id: createCommunity.id })).resolves.toMatchObject({ joinCommunity: { viewerMembership: { role: 'MEMBER' } } });
  });

  it('records a cohort’s definition in the platform’s audit log: creation, renaming, people in and out, deletion', async () => {
    const runner = await api.signedIn();
    const [first, second, third, outsider] = [await api.signedIn(), await api.signedIn(), await api.signedIn(), await api.signedIn()].map((p) => p.account.id);
    const { createCohort } = await runner.client.data<{ createCohort: { id: string } }>(COHORT, {
      input: { name: 'Wave 3', description: 'The first customers', memberIds: [second, first] },
    });
    const id = createCohort.id;
    const UPDATE = `mutation ($input: UpdateCohortInput!) { updateCohort(input: $input) { name membersCount } }`;
    await expect(
      runner.client.data(UPDATE, { input: { cohortId: id, name: 'Wave 3b', addMemberIds: [third, second], removeMemberIds: [first, outsider] } }),
    ).resolves.toEqual({ updateCohort: { name: 'Wave 3b', membersCount: 2 } });
    // Nothing changes, nothing is recorded.
    await runner.client.data(UPDATE, { input: { cohortId: id, name: 'Wave 3b', description: 'The first customers', removeMemberIds: [outsider] } });
    const { createCommunity } = await runner.client.data<Created>(CREATE, { input: { ...baseInput('Cohort Ledger'), cohortIds: [id] } });
    await runner.client.data(`mutation ($id: ID!) { deleteCohort(id: $id) }`, { id });

    const admin = await api.signedIn(PlatformRole.Admin);
    const entries = await auditLog(admin.client, { targetId: id, action: 'cohort' });
    const entry = (action: string) => entries.filter((e) => e.action === action);
    const common = { actor: { id: runner.account.id }, targetKind: 'cohort', targetId: id, requestId: expect.stringMatching(/\S/u) };
    expect(entries.map((e) => e.action).sort()).toEqual(
      ['cohort.attach', 'cohort.create', 'cohort.delete', 'cohort.detach', 'cohort.members.add', 'cohort.members.remove', 'cohort.update'],
    );
    expect(entry('cohort.create')).toEqual([
      expect.objectContaining({ ...common, communityId: null, before: null, after: { name: 'Wave 3', description: 'The first customers', memberIds: [first, second].sort() } }),
    ]);
    expect(entry('cohort.update')).toEqual([expect.objectContaining({ ...common, communityId: null, before: { name: 'Wave 3' }, after: { name: 'Wave 3b' } })]);
    // Only who actually came and went: the person already in, and the one who never was, are not named.
    expect(entry('cohort.members.add')).toEqual([expect.objectContaining({ ...common, communityId: null, before: null, after: { accountIds: [third] } })]);
    expect(entry('cohort.members.remove')).toEqual([expect.objectContaining({ ...common, communityId: null, before: { accountIds: [first] }, after: null })]);
    expect(entry('cohort.delete')).toEqual([
      expect.objectContaining({ ...common, communityId: null, before: { name: 'Wave 3b', description: 'The first customers', memberIds: [second, third].sort() }, after: null }),
    ]);
    // The community it was attached to sees it go in its own log.
    expect(entry('cohort.detach')).toEqual([expect.objectContaining({ ...common, communityId: createCommunity.id, reason: 'The cohort was deleted.' })]);
    await expect(auditLog(runner.client, { communityId: createCommunity.id, action: 'cohort' })).resolves.toEqual([
      expect.objectContaining({ action: 'cohort.detach', targetId: id }),
      expect.objectContaining({ action: 'cohort.attach', targetId: id }),
    ]);
  });
});
