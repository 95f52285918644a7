import { AT_RISK_SHARE, leastSquares, ObjectiveStatus, projectObjective, progressOf, type DatedValue } from './objective-projection';

/** Weekly values on Sundays from 2026-01-04, one per entry. */
const weekly = (...values: number[]): DatedValue[] =>
  values.map((value, i) => ({ day: new Date(Date.UTC(2026, 0, 4 + 7 * i)).toISOString().slice(0, 10), value }));

const base = { baseline: 0.2, target: 0.8, direction: 'UP' as const, today: '2026-02-22', dueDate: '2026-03-22' };

describe('leastSquares', () => {
  it('fits the line through points exactly on it', () => {
    expect(leastSquares([{ x: 0, y: 1 }, { x: 7, y: 2 }, { x: 14, y: 3 }])).toEqual({ slope: 1 / 7, intercept: 1 });
  });

  it('fits the best line through scattered points (hand-computed)', () => {
    // x: 0,1,2,3  y: 1,3,2,4 → mean x 1.5, mean y 2.5, Sxy = 2.25 − 0.25 − 0.25 + 2.25 = 4, Sxx = 5 → slope 0.8, intercept 2.5 − 1.2 = 1.3
    const line = leastSquares([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 2 }, { x: 3, y: 4 }]);
    expect(line.slope).toBeCloseTo(0.8, 10);
    expect(line.intercept).toBeCloseTo(1.3, 10);
  });

  it('is flat through one point', () => {
    expect(leastSquares([{ x: 5, y: 3 }])).toEqual({ slope: 0, intercept: 3 });
  });
});

describe('projectObjective', () => {
  it('is ON_TRACK when the trend reaches the target by the due date', () => {
    // +0.1 a week from 0.1 on 2026-01-04: 0.7 on 2026-02-15; the due date is 77 days after the first value → 0.1 + 1.1.
    const p = projectObjective({ ...base, values: weekly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7) });
    expect(p).toMatchObject({ status: ObjectiveStatus.OnTrack, current: 0.7, projected: 1.2 });
    expect(p.reason).toContain('meets the target 0.8');
  });

  it('keeps a ratio projection within 0–1', () => {
    const p = projectObjective({ ...base, values: weekly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7), bounds: { min: 0, max: 1 } });
    expect(p.projected).toBe(1);
  });

  it('is AT_RISK when the projection covers at least 70% of the way, OFF_TRACK below', () => {
    // Flat at 0.65: progress (0.65-0.2)/(0.6) = 0.75 → at risk.
    expect(projectObjective({ ...base, values: weekly(0.65, 0.65, 0.65) })).toMatchObject({ status: ObjectiveStatus.AtRisk, projected: 0.65, progress: 0.75 });
    // Flat at 0.6: progress 0.666… → off track.
    const off = projectObjective({ ...base, values: weekly(0.6, 0.6, 0.6) });
    expect(off.status).toBe(ObjectiveStatus.OffTrack);
    expect(off.progress).toBeLessThan(AT_RISK_SHARE);
  });

  it('is OFF_TRACK when the trend goes the wrong way', () => {
    const p = projectObjective({ ...base, values: weekly(0.5, 0.45, 0.4, 0.35) });
    expect(p.status).toBe(ObjectiveStatus.OffTrack);
    expect(p.projected).toBeLessThan(0.35);
    expect(p.reason).toContain('0% of the way');
  });

  it('mirrors everything for a DOWN objective (lower is better)', () => {
    const down = { ...base, baseline: 120, target: 30, direction: 'DOWN' as const };
    // -10 minutes a week from 100: 40 on 2026-02-15; on the due date 100 − 110 = −10 ≤ 30.
    expect(projectObjective({ ...down, values: weekly(100, 90, 80, 70, 60, 50, 40) })).toMatchObject({ status: ObjectiveStatus.OnTrack, projected: -10 });
    expect(projectObjective({ ...down, values: weekly(100, 90, 80, 70, 60, 50, 40), bounds: { min: 0 } }).projected).toBe(0);
    // Flat at 50: (50-120)/(30-120) = 0.777… → at risk.
    expect(projectObjective({ ...down, values: weekly(50, 50) }).status).toBe(ObjectiveStatus.AtRisk);
    expect(projectObjective({ ...down, values: weekly(110, 115) }).status).toBe(ObjectiveStatus.OffTrack);
    expect(progressOf(75, 120, 30, 'DOWN')).toBe(0.5);
  });

  it('is ACHIEVED as soon as the current value meets the target', () => {
    expect(projectObjective({ ...base, values: weekly(0.5, 0.9) })).toMatchObject({ status: ObjectiveStatus.Achieved, current: 0.9 });
  });

  it('after the due date: ACHIEVED or MISSED by the last value on or before it', () => {
    const late = { ...base, dueDate: '2026-01-20', today: '2026-02-22' };
    // Values: 01-04 0.5, 01-11 0.7, 01-18 0.85, 01-25 0.4 → on the due date 0.85 → achieved, although it fell since.
    expect(projectObjective({ ...late, values: weekly(0.5, 0.7, 0.85, 0.4) })).toMatchObject({ status: ObjectiveStatus.Achieved, current: 0.4 });
    expect(projectObjective({ ...late, values: weekly(0.5, 0.7, 0.75, 0.9) })).toMatchObject({ status: ObjectiveStatus.Missed, current: 0.9 });
    expect(projectObjective({ ...late, dueDate: '2026-01-01', values: weekly(0.5) }).status).toBe(ObjectiveStatus.Unknown);
  });

  it('projects flat from a single value, and is UNKNOWN without any', () => {
    expect(projectObjective({ ...base, values: weekly(0.3) })).toMatchObject({ status: ObjectiveStatus.OffTrack, projected: 0.3 });
    expect(projectObjective({ ...base, values: [] })).toMatchObject({ status: ObjectiveStatus.Unknown, current: null, projected: null });
  });
});
