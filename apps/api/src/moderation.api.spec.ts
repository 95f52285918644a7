import { Audience, PlatformRole } from '@commons/shared-contracts';
import { DryRunService } from '@commons/server-moderation';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { GraphqlClient, TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const CREATE_COMMUNITY = `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const ACTIVATE = `mutation ($input: ChangeLifecycleInput!) { changeCommunityLifecycle(input: $input) { lifecycle } }`;
const JOIN = `mutation ($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const SET_ROLE = `mutation ($input: SetMemberRoleInput!) { setCommunityMemberRole(input: $input) { role } }`;
const ASK = `mutation ($input: CreateThreadInput!) { createThread(input: $input) { id moderationState } }`;
const REPLY = `mutation ($input: ReplyInput!) { replyToThread(input: $input) { id moderationState } }`;
const THREAD = `query ($id: ID!) { thread(id: $id) { id moderationState replyCount replies(first: 50) { edges { node { id moderationState } } } } }`;
const MODERATION = `query ($id: ID!) { communityModeration(communityId: $id) { adopted pendingCount policy { id scope activeVersion latestVersion } platformRules { id } viewerCan { moderate managePolicy } } }`;
const ADOPT = `mutation ($id: ID!) { adoptModerationPolicy(communityId: $id) { id scope activeVersion versions { version rules { id kind action } } } }`;
const SAVE = `mutation ($input: SavePolicyVersionInput!) { saveModerationPolicyVersion(input: $input) { version active rules { id kind action mandatory } } }`;
const ACTIVATE_VERSION = `mutation ($policyId: ID!, $version: Int!) { activateModerationPolicyVersion(policyId: $policyId, version: $version) { activeVersion } }`;
const DRY_RUN = `mutation ($input: StartDryRunInput!) { startModerationDryRun(input: $input) { id status total } }`;
const DRY_RUN_RESULT = `query ($id: ID!) { moderationDryRun(id: $id) { status total processed held rejected byRule { ruleId action count } samples { ruleId excerpt } } }`;
const QUEUE = `query ($id: ID) { moderationQueue(communityId: $id) { totalCount edges { node { id contentId contentKind source status body author { id } decision { ruleId action matched { ruleId evidence { value } } } } } } }`;
const REVIEW = `mutation ($input: ReviewItemInput!) { reviewModerationItem(input: $input) { id status decisionReason } }`;
const APPEAL = `mutation ($input: AppealInput!) { appealModeration(input: $input) { id status subject } }`;
const DECIDE_APPEAL = `mutation ($input: DecideAppealInput!) { decideAppeal(input: $input) { status decisionReason } }`;
const AUDIT = `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 100) { edges { node { action targetId actor { id } reason policyVersion } } } }`;
const BAN = `mutation ($input: BanMemberInput!) { banFromCommunity(input: $input) { id } }`;
const ADMIN_AUDIT = `query ($filter: AuditLogFilter) { auditLog(filter: $filter, first: 100) { edges { node { action targetId actor { id } reason before after } } } }`;
const NOTICES = `{ moderationNotices(first: 20) { edges { node { kind message } } } }`;

type Id = { id: string };
type Person = { client: GraphqlClient; account: Id };

const CUSTOMER_RULES = [
  { id: 'first-posts', kind: 'NEW_MEMBER', action: 'HOLD', reason: 'Your first post here is checked by a moderator.', firstPosts: 1 },
  { id: 'competitors', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'Posts naming other vendors are checked first.', terms: ['Acme', 'Globex'] },
  { id: 'card-numbers', kind: 'PERSONAL_DATA', action: 'REJECT', reason: 'Never post payment card numbers.', detect: ['PAYMENT_CARD'] },
];

describe('moderation', () => {
  let api: TestApp;
  let manager: Person;
  let moderator: Person;
  let customer: Person;
  let otherCustomer: Person;
  let communityId: string;
  let threadId: string;
  let policyId: string;

  const queue = async (who: Person = moderator) =>
    (await who.client.data<{ moderationQueue: { totalCount: number; edges: Array<{ node: Id & { contentId: string; decision: { ruleId: string } | null } }> } }>(QUEUE, { id: communityId })).moderationQueue;
  const itemFor = async (contentId: string) => (await queue()).edges.map((e) => e.node).find((n) => n.contentId === contentId);

  beforeAll(async () => {
    api = await startTestApp();
    manager = await api.signedIn(PlatformRole.Member, { displayName: 'Mara Manager' });
    moderator = await api.signedIn(PlatformRole.Member, { displayName: 'Moe Moderator' });
    customer = await api.signedIn(PlatformRole.Member, { displayName: 'Cass Customer', audience: Audience.Customer });
    otherCustomer = await api.signedIn(PlatformRole.Member, { displayName: 'Otto Customer', audience: Audience.Customer });
    const { createCommunity } = await manager.client.data<{ createCommunity: Id }>(CREATE_COMMUNITY, {
      input: { name: 'Customer Lounge', audiences: ['CUSTOMER'], visibility: 'OPEN', intent: 'CUSTOMER_SERVICE', useCases: ['FORUMS'] },
    });
    communityId = createCommunity.id;
    await manager.client.data(ACTIVATE, { input: { communityId, lifecycle: 'ACTIVE' } });
    for (const person of [moderator, customer, otherCustomer]) await person.client.data(JOIN, { id: communityId });
    await manager.client.data(SET_ROLE, { input: { communityId, accountId: moderator.account.id, role: 'MODERATOR' } });
    // The manager opens the forum (their first post is held by the customer default too, and approved).
    const opening = (await manager.client.data<{ createThread: Id & { moderationState: string } }>(ASK, { input: { communityId, title: 'Welcome to the lounge', body: 'Ask us anything about the product.' } })).createThread;
    threadId = opening.id;
    expect(opening.moderationState).toBe('HELD');
    await moderator.client.data(REVIEW, { input: { itemId: (await itemFor(threadId))?.id, action: 'APPROVE' } });
  });
  afterAll(() => api.close());

  it('holds a new member’s first post for review, visible only to its author and moderators, until a moderator approves it', async () => {
    const reply = (await customer.client.data<{ replyToThread: Id & { moderationState: string } }>(REPLY, { input: { threadId, body: 'Hello everyone, glad to be here!' } })).replyToThread;
    expect(reply.moderationState).toBe('HELD');
    const seenBy = async (who: Person) => (await who.client.data<{ thread: { replyCount: number; replies: { edges: Array<{ node: Id }> } } }>(THREAD, { id: threadId })).thread;
    expect((await seenBy(customer)).replies.edges.map((e) => e.node.id)).toContain(reply.id);
    expect((await seenBy(moderator)).replies.edges.map((e) => e.node.id)).toContain(reply.id);
    const other = await seenBy(otherCustomer);
    expect(other.replies.edges.map((e) => e.node.id)).not.toContain(reply.id);
    expect(other.replyCount).toBe(0);

    const item = await itemFor(reply.id);
    expect(item?.decision?.ruleId).toBe('first-posts');
    // Members cannot see the queue; the platform-wide queue is for admins.
    await expect(otherCustomer.client.errorCode(QUEUE, { id: communityId })).resolves.toBe('FORBIDDEN');
    await expect(moderator.client.errorCode(QUEUE, { id: null })).resolves.toBe('FORBIDDEN');

    await expect(moderator.client.data(REVIEW, { input: { itemId: item?.id, action: 'APPROVE' } })).resolves.toMatchObject({ reviewModerationItem: { status: 'APPROVED' } });
    // A second moderator acting on the same item gets CONFLICT, and nothing is done twice.
    await expect(manager.client.errorCode(REVIEW, { input: { itemId: item?.id, action: 'REJECT', reason: 'Late' } })).resolves.toBe('CONFLICT');
    const after = await seenBy(otherCustomer);
    expect(after.replies.edges.map((e) => e.node.id)).toContain(reply.id);
    expect(after.replyCount).toBe(1);
    const notices = await customer.client.data<{ moderationNotices: { edges: Array<{ node: { kind: string } }> } }>(NOTICES);
    expect(notices.moderationNotices.edges.map((e) => e.node.kind)).toContain('CONTENT_APPROVED');
  });

  it('lets the manager adopt and tighten a policy, refuses invalid or looser rules, dry-runs a version against history, then activates it', async () => {
    // History the new version will be measured on: an established member naming a competitor.
    await customer.client.data(REPLY, { input: { threadId, body: 'We moved here from Acme last spring and it was painless.' } });

    await expect(customer.client.errorCode(ADOPT, { id: communityId })).resolves.toBe('FORBIDDEN');
    const adopted = (await manager.client.data<{ adoptModerationPolicy: Id & { scope: string; activeVersion: number } }>(ADOPT, { id: communityId })).adoptModerationPolicy;
    expect(adopted).toMatchObject({ scope: 'COMMUNITY', activeVersion: 1 });
    policyId = adopted.id;
    await expect(manager.client.errorCode(ADOPT, { id: communityId })).resolves.toBe('CONFLICT');

    const bad = await manager.client.request(SAVE, { input: { policyId, rules: [{ id: 'codes', kind: 'PATTERN', action: 'HOLD', reason: 'Code names', pattern: '(a+)+$' }] } });
    expect(bad.body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.body.errors?.[0].extensions?.['fields'])).toContain('rules.codes');
    const looser = await manager.client.request(SAVE, { input: { policyId, rules: [{ id: 'profanity', kind: 'BLOCKED_TERMS', action: 'HOLD', reason: 'x', terms: ['darn'] }] } });
    expect(JSON.stringify(looser.body.errors?.[0].extensions?.['fields'])).toContain('rules.profanity.profanity');

    const saved = (await manager.client.data<{ saveModerationPolicyVersion: { version: number; active: boolean } }>(SAVE, { input: { policyId, rules: CUSTOMER_RULES, flagsToAutoHide: 2, note: 'Competitors and card numbers' } })).saveModerationPolicyVersion;
    expect(saved).toEqual({ version: 2, active: false, rules: expect.any(Array) });

    const started = (await manager.client.data<{ startModerationDryRun: Id & { status: string } }>(DRY_RUN, { input: { policyId, version: 2, days: 30 } })).startModerationDryRun;
    expect(started.status).toBe('RUNNING');
    await api.app.get<DryRunService>(DryRunService).running.get(started.id);
    const report = (await manager.client.data<{ moderationDryRun: { status: string; processed: number; held: number; byRule: Array<{ ruleId: string; count: number }>; samples: Array<{ ruleId: string }> } }>(DRY_RUN_RESULT, { id: started.id })).moderationDryRun;
    expect(report.status).toBe('DONE');
    expect(report.processed).toBe(3);
    expect(report.byRule).toContainEqual({ ruleId: 'competitors', action: 'HOLD', count: 1 });
    expect(report.samples.map((s) => s.ruleId)).toContain('competitors');
    // The dry-run changed nothing: the reply is still visible.
    expect((await otherCustomer.client.data<{ thread: { replyCount: number } }>(THREAD, { id: threadId })).thread.replyCount).toBe(2);

    await manager.client.data(ACTIVATE_VERSION, { policyId, version: 2 });
    await expect(moderator.client.data(MODERATION, { id: communityId })).resolves.toMatchObject({
      communityModeration: { adopted: true, policy: { id: policyId, activeVersion: 2, latestVersion: 2 }, viewerCan: { moderate: true, managePolicy: false } },
    });
  });

  it('reports a dry-run whose server stopped as failed once it stops making progress, and leaves one making progress alone', async () => {
    const db = api.app.get<DataSource>(DataSource);
    const runRow = async (heartbeatMinutesAgo: number) => {
      const id = randomUUID();
      const at = new Date(Date.now() - heartbeatMinutesAgo * 60_000);
      // As an instance leaves it when it dies mid-run: RUNNING, in no process's memory.
      await db.query(
        `INSERT INTO moderation_dry_runs (id, policy_id, version, community_id, days, status, total, processed, held, rejected, by_rule, samples, created_by_id, created_at, heartbeat_at)
         VALUES ($1, $2, 2, $3, 30, 'RUNNING', 100, 40, 0, 0, '[]', '[]', $4, $5, $5)`,
        [id, policyId, communityId, manager.account.id, at],
      );
      return id;
    };
    const status = async (id: string) => (await manager.client.data<{ moderationDryRun: { status: string; error: string | null } }>(DRY_RUN_RESULT.replace('status', 'status error'), { id })).moderationDryRun;

    await expect(status(await runRow(10))).resolves.toMatchObject({ status: 'FAILED', error: expect.stringContaining('start it again') });
    await expect(status(await runRow(0))).resolves.toMatchObject({ status: 'RUNNING' });
  });

  it('rejects card numbers and keeps nothing public; a rejected author appeals and another moderator decides; the log records it all and cannot be altered', async () => {
    const card = await customer.client.request<{ replyToThread: Id }>(REPLY, { input: { threadId, body: 'My card is 4111 1111 1111 1111, can you check the charge?' } });
    const rejection = card.body.errors?.[0];
    expect(rejection?.extensions).toMatchObject({ code: 'POLICY_REJECTED', rule: 'card-numbers' });
    expect(rejection?.message).toBe('Never post payment card numbers.');
    const stored: Array<{ n: number }> = await api.dataSource.query(`SELECT count(*)::int AS n FROM forum_replies WHERE body LIKE '%4111%'`);
    expect(stored[0].n).toBe(0);
    const attempts: Array<{ attempt: { body: string } }> = await api.dataSource.query(`SELECT attempt FROM moderation_decisions WHERE id = $1`, [rejection?.extensions?.['decisionId']]);
    expect(attempts[0].attempt.body).not.toContain('4111 1111 1111 1111');

    // A competitor mention is held; the moderator rejects it; the author appeals.
    const held = (await customer.client.data<{ replyToThread: Id & { moderationState: string } }>(REPLY, { input: { threadId, body: 'Honestly Globex does this better.' } })).replyToThread;
    expect(held.moderationState).toBe('HELD');
    const item = await itemFor(held.id);
    expect(item?.decision?.ruleId).toBe('competitors');
    await expect(moderator.client.errorCode(REVIEW, { input: { itemId: item?.id, action: 'REJECT' } })).resolves.toBe('BAD_USER_INPUT');
    await moderator.client.data(REVIEW, { input: { itemId: item?.id, action: 'REJECT', reason: 'Please compare vendors in the partner forum.' } });
    const appeal = (await customer.client.data<{ appealModeration: Id & { status: string; subject: string } }>(APPEAL, { input: { targetKind: 'QUEUE_ITEM', targetId: held.id, message: 'It was a product comparison, not an ad.' } })).appealModeration;
    expect(appeal.subject).toContain('Please compare vendors');
    await expect(customer.client.errorCode(APPEAL, { input: { targetKind: 'QUEUE_ITEM', targetId: held.id, message: 'Again' } })).resolves.toBe('CONFLICT');
    // The moderator who rejected it may not judge the appeal: the manager does.
    await expect(moderator.client.errorCode(DECIDE_APPEAL, { input: { appealId: appeal.id, overturn: true, reason: 'Mine' } })).resolves.toBe('FORBIDDEN');
    await expect(manager.client.data(DECIDE_APPEAL, { input: { appealId: appeal.id, overturn: true, reason: 'Fair comparison.' } })).resolves.toMatchObject({ decideAppeal: { status: 'OVERTURNED' } });
    const visible = await otherCustomer.client.data<{ thread: { replies: { edges: Array<{ node: Id }> } } }>(THREAD, { id: threadId });
    expect(visible.thread.replies.edges.map((e) => e.node.id)).toContain(held.id);

    // The policy's own rejection can be appealed too, and upheld.
    const policyAppeal = (await customer.client.data<{ appealModeration: Id }>(APPEAL, { input: { targetKind: 'DECISION', targetId: rejection?.extensions?.['decisionId'], message: 'It was a test card.' } })).appealModeration;
    await expect(moderator.client.data(DECIDE_APPEAL, { input: { appealId: policyAppeal.id, overturn: false, reason: 'Card numbers are never allowed.' } })).resolves.toMatchObject({ decideAppeal: { status: 'UPHELD' } });

    const log = (await moderator.client.data<{ auditLog: { edges: Array<{ node: { action: string } }> } }>(AUDIT, { filter: { communityId } })).auditLog.edges.map((e) => e.node.action);
    for (const action of ['policy.adopt', 'policy.save', 'policy.dry-run', 'policy.activate', 'content.hold', 'content.reject', 'queue.approve', 'queue.reject', 'appeal.submit', 'appeal.overturn', 'appeal.uphold']) {
      expect(log).toContain(action);
    }
    await expect(otherCustomer.client.errorCode(AUDIT, { filter: { communityId } })).resolves.toBe('FORBIDDEN');
    const csv = (await moderator.client.data<{ auditLogCsv: string }>(`query ($filter: AuditLogFilter) { auditLogCsv(filter: $filter) }`, { filter: { communityId, action: 'queue' } })).auditLogCsv;
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toBe('time,actor_id,actor,action,target_kind,target_id,community_id,reason,policy_id,policy_version,before,after,request_id');
    expect(lines.some((l) => l.includes('queue.reject') && l.includes('Moe Moderator') && l.includes('Please compare vendors'))).toBe(true);
    expect(lines.every((l) => l.includes(',queue.'))).toBe(true);
    // The application's own connection cannot change or remove what was recorded.
    await expect(api.dataSource.query(`UPDATE audit_log SET reason = 'nothing happened'`)).rejects.toThrow(/append-only/u);
    await expect(api.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/u);
    await expect(api.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/u);
    await expect(api.dataSource.query(`UPDATE moderation_policy_versions SET note = 'edited'`)).rejects.toThrow(/append-only/u);
  });

  it('hides a post once enough members flag it, and mutes a member from posting', async () => {
    const flagged = (await manager.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId, body: 'Limited offer: buy now at our shop.' } })).replyToThread;
    const FLAG = `mutation ($input: FlagContentInput!) { flagContent(input: $input) { flagCount hidden } }`;
    const flag = (who: Person) => who.client.data<{ flagContent: { flagCount: number; hidden: boolean } }>(FLAG, { input: { contentKind: 'FORUM_REPLY', contentId: flagged.id, reason: 'SPAM' } });
    await expect(flag(customer)).resolves.toEqual({ flagContent: { flagCount: 1, hidden: false } });
    await expect(customer.client.errorCode(FLAG, { input: { contentKind: 'FORUM_REPLY', contentId: flagged.id, reason: 'SPAM' } })).resolves.toBe('CONFLICT');
    await expect(flag(otherCustomer)).resolves.toEqual({ flagContent: { flagCount: 2, hidden: true } });
    const seen = await customer.client.data<{ thread: { replies: { edges: Array<{ node: Id }> } } }>(THREAD, { id: threadId });
    expect(seen.thread.replies.edges.map((e) => e.node.id)).not.toContain(flagged.id);
    expect((await itemFor(flagged.id)) ?? null).not.toBeNull();

    const MUTE = `mutation ($input: ImposeSanctionInput!) { imposeSanction(input: $input) { id kind active endsAt } }`;
    await expect(customer.client.errorCode(MUTE, { input: { accountId: otherCustomer.account.id, communityId, kind: 'MUTE', reason: 'x', durationHours: 1 } })).resolves.toBe('FORBIDDEN');
    const mute = await moderator.client.data<{ imposeSanction: { active: boolean } }>(MUTE, { input: { accountId: otherCustomer.account.id, communityId, kind: 'MUTE', reason: 'Cooling off.', durationHours: 1 } });
    expect(mute.imposeSanction.active).toBe(true);
    await expect(otherCustomer.client.errorCode(REPLY, { input: { threadId, body: 'Still here?' } })).resolves.toBe('FORBIDDEN');
    await expect(moderator.client.errorCode(MUTE, { input: { accountId: otherCustomer.account.id, kind: 'SUSPEND', reason: 'x', durationHours: 1 } })).resolves.toBe('FORBIDDEN');
  });

  it('holds the same text posted once too often, counting only the author’s recent copies of it', async () => {
    const text = 'Reminder: the quarterly product webinar starts at 16:00 today.';
    const post = async (body: string) => (await manager.client.data<{ replyToThread: { moderationState: string } }>(REPLY, { input: { threadId, body } })).replyToThread.moderationState;
    // The platform's "repeats" rule allows five copies in ten minutes; other texts in between do not count.
    for (let copy = 1; copy <= 5; copy++) {
      await expect(post(text)).resolves.toBe('VISIBLE');
      await expect(post(`Agenda item ${'ABCDE'[copy - 1]}: questions from the community about the roadmap.`)).resolves.toBe('VISIBLE');
    }
    await expect(post(text.toUpperCase().replace('16:00', '16:00!!'))).resolves.toBe('HELD');
    expect((await queue()).edges.map((e) => e.node.decision?.ruleId)).toContain('repeats');
  });

  it('records one decision per allowed post in the post’s own transaction, and none for a post that never landed', async () => {
    const decisions = async (contentId: string) =>
      (await api.dataSource.query<Array<{ action: string; is_edit: boolean }>>(`SELECT action, is_edit FROM moderation_decisions WHERE content_id = $1 ORDER BY created_at`, [contentId])).map((d) => `${d.action}${d.is_edit ? ' edit' : ''}`);
    const byManager = async () => Number((await api.dataSource.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM moderation_decisions WHERE author_id = $1`, [manager.account.id]))[0].n);

    const reply = (await manager.client.data<{ replyToThread: Id }>(REPLY, { input: { threadId, body: 'The release notes are in the knowledge base.' } })).replyToThread;
    const thread = (await manager.client.data<{ createThread: Id }>(ASK, { input: { communityId, title: 'Release notes', body: 'Where do I find them?' } })).createThread;
    const EDIT_REPLY = `mutation ($input: EditReplyInput!) { editReply(input: $input) { id version } }`;
    await manager.client.data(EDIT_REPLY, { input: { replyId: reply.id, version: 1, body: 'The release notes are in the knowledge base, under Product.' } });
    await expect(decisions(reply.id)).resolves.toEqual(['ALLOW', 'ALLOW edit']);
    await expect(decisions(thread.id)).resolves.toEqual(['ALLOW']);

    // Judged and allowed, then refused because the thread is locked: the decision goes with the rolled-back reply.
    const LOCK = `mutation ($id: ID!, $locked: Boolean!) { lockThread(threadId: $id, locked: $locked) { locked } }`;
    await moderator.client.data(LOCK, { id: thread.id, locked: true });
    const before = await byManager();
    await expect(manager.client.errorCode(REPLY, { input: { threadId: thread.id, body: 'One more thing.' } })).resolves.toBe('FORBIDDEN');
    await expect(byManager()).resolves.toBe(before);
  });

  it('records the community’s administrative actions in the same log: creation, lifecycle, roles, bans, with the request that made them', async () => {
    await manager.client.data(BAN, { input: { communityId, accountId: otherCustomer.account.id, reason: 'Repeated spam after a mute.' } });
    const entries = (await moderator.client.data<{ auditLog: { edges: Array<{ node: { action: string; targetId: string; actor: Id | null; reason: string | null; before: string | null; after: string | null } }> } }>(ADMIN_AUDIT, { filter: { communityId } }))
      .auditLog.edges.map((e) => e.node);
    const entry = (action: string, targetId: string) => entries.find((e) => e.action === action && e.targetId === targetId);
    expect(entry('community.create', communityId)).toMatchObject({ actor: { id: manager.account.id } });
    expect(entry('community.lifecycle', communityId)).toMatchObject({ before: JSON.stringify({ lifecycle: 'DRAFT' }), after: JSON.stringify({ lifecycle: 'ACTIVE' }) });
    expect(entry('member.role', moderator.account.id)).toMatchObject({ actor: { id: manager.account.id }, before: JSON.stringify({ role: 'MEMBER' }), after: JSON.stringify({ role: 'MODERATOR' }) });
    expect(entry('member.ban', otherCustomer.account.id)).toMatchObject({ actor: { id: manager.account.id }, reason: 'Repeated spam after a mute.' });
    // Joining by oneself is not an administrative action.
    expect(entry('member.add', customer.account.id)).toBeUndefined();
    const [ban] = await api.dataSource.query(`SELECT request_id FROM audit_log WHERE action = 'member.ban' AND target_id = $1`, [otherCustomer.account.id]);
    expect(ban.request_id).toEqual(expect.stringMatching(/\S/u));

    // A moderator locking a thread, and an admin changing someone's platform role, are recorded too.
    await moderator.client.data(`mutation ($id: ID!) { lockThread(threadId: $id, locked: true) { id } }`, { id: threadId });
    const admin = await api.signedIn(PlatformRole.Admin, { displayName: 'Ada Admin' });
    await admin.client.data(`mutation ($input: SetAccountRoleInput!) { setAccountRole(input: $input) { id } }`, { input: { accountId: manager.account.id, role: 'STEERING' } });
    const log = async (filter: object) =>
      (await admin.client.data<{ auditLog: { edges: Array<{ node: { action: string; actor: Id | null; before: string | null; after: string | null } }> } }>(ADMIN_AUDIT, { filter })).auditLog.edges.map((e) => e.node);
    await expect(log({ targetId: threadId, action: 'thread' })).resolves.toEqual([
      expect.objectContaining({ action: 'thread.lock', actor: { id: moderator.account.id }, after: JSON.stringify({ locked: true, pinned: false, duplicateOfId: null }) }),
    ]);
    await expect(log({ targetId: manager.account.id, action: 'account' })).resolves.toEqual([
      expect.objectContaining({ action: 'account.role', actor: { id: admin.account.id }, before: JSON.stringify({ role: 'MEMBER' }), after: JSON.stringify({ role: 'STEERING' }) }),
    ]);
  });
});
