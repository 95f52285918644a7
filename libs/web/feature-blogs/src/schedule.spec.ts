import { checkSchedule, fromLocalInput, suggestedSchedule, toLocalInput } from './schedule';

describe('schedules', () => {
  const now = new Date(2026, 2, 3, 14, 5, 30);

  it('reads and writes the datetime-local format in local time', () => {
    expect(toLocalInput(new Date(2026, 0, 9, 7, 3))).toBe('2026-01-09T07:03');
    expect(fromLocalInput('2026-01-09T07:03')?.getTime()).toBe(new Date(2026, 0, 9, 7, 3).getTime());
    expect(fromLocalInput('2026-02-31T10:00')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });

  it('accepts only a time in the future', () => {
    expect(checkSchedule('', now)).toEqual({ error: 'Choose a date and time.' });
    expect(checkSchedule('soon', now)).toEqual({ error: 'Enter a date and time.' });
    expect(checkSchedule('2026-03-03T14:05', now)).toEqual({ error: 'Choose a time in the future.' });
    expect(checkSchedule('2026-03-03T14:06', now)).toEqual({ at: new Date(2026, 2, 3, 14, 6) });
  });

  it('suggests a full hour at least half an hour ahead', () => {
    expect(suggestedSchedule(now)).toBe('2026-03-03T15:00');
    expect(suggestedSchedule(new Date(2026, 2, 3, 14, 45))).toBe('2026-03-03T16:00');
  });
});
