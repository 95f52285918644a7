import { ValidationError } from '@commons/server-core';
import { addDays, daysBetween, isDay, monthRange } from './days';

describe('analytics days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('knows real days from look-alikes', () => {
    expect(isDay('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2025-02-29', '2026-1-05', '5 Jan 2026']) expect(isDay(bad)).toBe(false);
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it("gives a month's first and last days, leap years included", () => {
    expect(monthRange('2024-02')).toEqual({ month: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2026-12')).toEqual({ month: '2026-12', from: '2026-12-01', to: '2026-12-31' });
  });

  it('refuses anything but YYYY-MM as a field error', () => {
    for (const bad of ['2026-13', '2026-00', '2026-3', 'March', '2026-03-01']) {
      expect(() => monthRange(bad)).toThrow(ValidationError);
    }
  });
});
