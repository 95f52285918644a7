import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { Audience, PlatformRole } from '@commons/shared-contracts';
import type { Viewer } from '../context/viewer';
import { AdminOverrideAudit } from './admin-override-audit';
import { AuditTrail, type AuditActor, type AuditRecord } from './audit-trail';

class RecordingTrail extends AuditTrail {
  readonly written: Array<{ actor: AuditActor; record: AuditRecord }> = [];
  async record(_manager: EntityManager, actor: AuditActor, record: AuditRecord): Promise<void> {
    this.written.push({ actor, record });
  }
}

/** A request's viewer: a new object per request, as the GraphQL context makes it. */
const request = (requestId: string): Viewer => ({ accountId: 'admin-1', sessionId: 's1', role: PlatformRole.Admin, audience: Audience.Employee, requestId });
const community = (communityId: string) => ({ access: { communityId } });

describe('AdminOverrideAudit', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const setUp = (transaction: (work: (manager: EntityManager) => Promise<void>) => Promise<void> = (work) => work({} as EntityManager)) => {
    const trail = new RecordingTrail();
    const overrides = new AdminOverrideAudit({ transaction } as unknown as DataSource, trail);
    return { trail, overrides };
  };

  it('writes one entry per request, action and community, however often the check runs', async () => {
    const { trail, overrides } = setUp();
    const first = request('r1');
    for (let i = 0; i < 5; i++) overrides.note({ actor: first, action: 'community:manage', resource: community('c1') });
    overrides.note({ actor: first, action: 'community:manage', resource: community('c2') });
    overrides.note({ actor: first, action: 'community:moderate', resource: community('c1') });
    overrides.note({ actor: first, action: 'cohort:manage', resource: { access: { createdById: 'someone' } } });
    overrides.note({ actor: first, action: 'cohort:manage', resource: { access: { createdById: 'someone else' } } });
    // The next request, even one that repeats the request id, is recorded again.
    overrides.note({ actor: request('r1'), action: 'community:manage', resource: community('c1') });
    await overrides.settled();
    expect(trail.written.map(({ actor, record }) => [actor.requestId, record.after, record.communityId])).toEqual([
      ['r1', { action: 'community:manage' }, 'c1'],
      ['r1', { action: 'community:manage' }, 'c2'],
      ['r1', { action: 'community:moderate' }, 'c1'],
      ['r1', { action: 'cohort:manage' }, null],
      ['r1', { action: 'community:manage' }, 'c1'],
    ]);
    expect(trail.written[0]).toEqual({
      actor: { accountId: 'admin-1', requestId: 'r1' },
      record: { action: 'admin.override', targetKind: 'community', targetId: 'c1', communityId: 'c1', after: { action: 'community:manage' } },
    });
    expect(trail.written[3].record).toMatchObject({ targetKind: 'platform', targetId: null });
  });

  it('writes after the fact: nothing while the reporting code runs on', () => {
    const { trail, overrides } = setUp();
    overrides.note({ actor: request('r2'), action: 'community:manage', resource: community('c1') });
    expect(trail.written).toEqual([]);
  });

  it('logs a failed write instead of throwing, and goes on with the next entry', async () => {
    let calls = 0;
    const { trail, overrides } = setUp(async (work) => {
      if (++calls === 1) throw new Error('connection lost');
      await work({} as EntityManager);
    });
    expect(() => overrides.note({ actor: request('r3'), action: 'community:manage', resource: community('c1') })).not.toThrow();
    overrides.note({ actor: request('r4'), action: 'community:manage', resource: community('c1') });
    await expect(overrides.settled()).resolves.toBeUndefined();
    expect(trail.written.map((w) => w.actor.requestId)).toEqual(['r4']);
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'r3', action: 'community:manage' }), 'Admin override not written to the audit log');
  });

  it('keeps at most a thousand entries waiting when the database does not answer', async () => {
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const { trail, overrides } = setUp(async (work) => {
      await stalled;
      await work({} as EntityManager);
    });
    for (let i = 0; i < 1_500; i++) overrides.note({ actor: request(`r${i}`), action: 'community:manage', resource: community('c1') });
    expect(errors).toHaveBeenCalledTimes(500);
    release();
    await overrides.settled();
    expect(trail.written).toHaveLength(1_000);
  });
});
