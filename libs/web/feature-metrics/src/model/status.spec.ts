import { asUnit, statusByLifecycle } from './status';

describe('objective statuses', () => {
  it('counts statuses per lifecycle, pilots first, no status as unknown', () => {
    const rows = statusByLifecycle([
      { lifecycle: 'ACTIVE', objectives: [{ status: { status: 'ON_TRACK' } }, { status: { status: 'AT_RISK' } }] },
      { lifecycle: 'PILOT', objectives: [{ status: { status: 'ON_TRACK' } }, { status: null }] },
      { lifecycle: 'ACTIVE', objectives: [{ status: { status: 'ON_TRACK' } }] },
      { lifecycle: 'DRAFT', objectives: [] },
    ]);
    expect(rows).toEqual([
      { lifecycle: 'PILOT', label: 'Pilot', ACHIEVED: 0, ON_TRACK: 1, AT_RISK: 0, OFF_TRACK: 0, MISSED: 0, UNKNOWN: 1 },
      { lifecycle: 'ACTIVE', label: 'Active', ACHIEVED: 0, ON_TRACK: 2, AT_RISK: 1, OFF_TRACK: 0, MISSED: 0, UNKNOWN: 0 },
    ]);
  });

  it('reads units sent as text', () => {
    expect(asUnit('RATIO')).toBe('RATIO');
    expect(asUnit('PER_PERSON')).toBe('COUNT');
  });
});
