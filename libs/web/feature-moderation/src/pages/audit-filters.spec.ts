import { auditFilter, checkAuditFilters, EMPTY_AUDIT_FILTERS } from './audit-filters';

const ID = '0190f3a2-7c4e-7d1a-9b2c-3d4e5f607182';

describe('audit log filters', () => {
  it('checks ids and dates before asking', () => {
    expect(checkAuditFilters(EMPTY_AUDIT_FILTERS)).toEqual({});
    expect(checkAuditFilters({ ...EMPTY_AUDIT_FILTERS, actorId: 'ada', targetId: ID, from: '2026-03-10', to: '2026-03-01' })).toEqual({
      actorId: 'Not a valid account id.',
      to: 'The end comes before the start.',
    });
  });

  it('leaves empty filters out and turns days into the instants that bound them, the last day included', () => {
    const filter = auditFilter({ actorId: ` ${ID} `, action: ' queue ', targetId: '', from: '2026-03-01', to: '2026-03-02' }, 'c1');
    expect(filter).toMatchObject({ communityId: 'c1', actorId: ID, action: 'queue', targetId: null });
    expect(new Date(filter.from as string).getDate()).toBe(1);
    expect(new Date(filter.to as string).getTime() - new Date(filter.from as string).getTime()).toBeGreaterThanOrEqual(47 * 3600 * 1000);
    expect(auditFilter(EMPTY_AUDIT_FILTERS, null)).toEqual({ communityId: null, actorId: null, action: null, targetId: null, from: null, to: null });
  });
});
