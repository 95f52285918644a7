import { addDays, checkRange, daysIn, localDay, presetRange, previousMonth, tooManyPoints } from './date-range';

describe('date ranges', () => {
  it('computes the presets ending today', () => {
    expect(presetRange('LAST_90_DAYS', '2025-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(daysIn(presetRange('LAST_90_DAYS', '2025-03-31'))).toBe(90);
    expect(presetRange('LAST_12_MONTHS', '2025-03-15')).toEqual({ from: '2024-04-01', to: '2025-03-15' });
    expect(presetRange('LAST_12_MONTHS', '2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('reads today in local time', () => {
    expect(localDay(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });

  it('checks a custom range', () => {
    expect(checkRange({ from: '2025-01-01', to: '2025-03-31' })).toEqual({});
    expect(checkRange({ from: '', to: '2025-03-31' })).toEqual({ from: 'Enter a date.' });
    expect(checkRange({ from: '2025-04-01', to: '2025-03-31' })).toEqual({ from: 'Start on or before the end date.' });
    expect(checkRange({ from: '2020-01-01', to: '2025-03-31' })).toEqual({ from: 'Choose a range of at most 2 years.' });
  });

  it('refuses buckets that would draw more than 1,000 points', () => {
    expect(tooManyPoints({ from: '2023-01-01', to: '2025-12-31' }, 'DAY')).toBe(true);
    expect(tooManyPoints({ from: '2024-01-01', to: '2025-12-31' }, 'DAY')).toBe(false);
    expect(tooManyPoints({ from: '2023-01-01', to: '2025-12-31' }, 'WEEK')).toBe(false);
  });

  it('finds the previous calendar month for a snapshot', () => {
    expect(previousMonth('2025-03-15')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousMonth('2025-01-02')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });
});
