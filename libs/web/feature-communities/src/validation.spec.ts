import { checkObjective, parseNumber, rules, todayUtc } from './validation';

const today = '2026-06-15';

describe('checkObjective (the server’s rules, before sending)', () => {
  it('accepts a target above the baseline when higher is better, due today or later', () => {
    expect(checkObjective({ baseline: '0.2', target: '0.4', direction: 'UP', dueDate: today }, today)).toEqual({});
  });

  it('accepts a target below the baseline when lower is better', () => {
    expect(checkObjective({ baseline: '180', target: '60', direction: 'DOWN', dueDate: '2026-12-31' }, today)).toEqual({});
  });

  it.each([
    ['UP', '0.4', '0.4', 'Higher is better here: set the target above the baseline.'],
    ['UP', '0.4', '0.2', 'Higher is better here: set the target above the baseline.'],
    ['DOWN', '60', '180', 'Lower is better here: set the target below the baseline.'],
  ] as const)('refuses a %s target that is not an improvement (%s → %s)', (direction, baseline, target, message) => {
    expect(checkObjective({ baseline, target, direction, dueDate: today }, today)).toEqual({ target: message });
  });

  it('asks for numbers and a real date that is not in the past', () => {
    expect(checkObjective({ baseline: 'lots', target: '', direction: 'UP', dueDate: '2026-02-30x' }, today)).toEqual({
      baseline: 'Enter a number.',
      target: 'Enter a number.',
      dueDate: 'Enter a date as YYYY-MM-DD.',
    });
    expect(checkObjective({ baseline: '1', target: '2', direction: 'UP', dueDate: '2026-06-14' }, today)).toEqual({
      dueDate: 'A new objective cannot be due in the past.',
    });
  });
});

describe('checkObjective on an objective being edited', () => {
  const kept = '2026-01-31';

  it('lets a due date that has passed stay as it is', () => {
    expect(checkObjective({ baseline: '1', target: '2', direction: 'UP', dueDate: kept }, today, { keptDueDate: kept })).toEqual({});
  });

  it('refuses to move the due date to another day in the past, but allows today or later', () => {
    expect(checkObjective({ baseline: '1', target: '2', direction: 'UP', dueDate: '2026-06-14' }, today, { keptDueDate: kept })).toEqual({
      dueDate: 'A due date cannot move into the past: choose today or later.',
    });
    expect(checkObjective({ baseline: '1', target: '2', direction: 'UP', dueDate: today }, today, { keptDueDate: kept })).toEqual({});
  });

  it('still asks for a target better than the baseline', () => {
    expect(checkObjective({ baseline: '60', target: '90', direction: 'DOWN', dueDate: kept }, today, { keptDueDate: kept })).toEqual({
      target: 'Lower is better here: set the target below the baseline.',
    });
  });
});

describe('parseNumber', () => {
  it.each([
    ['0.35', 0.35],
    [' 120 ', 120],
    ['0,4', 0.4],
    ['-2', -2],
    ['.5', 0.5],
    ['', null],
    ['1e3', null],
    ['12abc', null],
  ])('%p → %p', (text, value) => expect(parseNumber(text)).toBe(value));
});

describe('rules', () => {
  it('checks slugs like the server', () => {
    expect(rules.slug('customer-support-hub')).toBeUndefined();
    expect(rules.slug('Customer Hub')).toBe('Use lower-case letters, digits and single hyphens.');
    expect(rules.slug('a--b')).toBe('Use lower-case letters, digits and single hyphens.');
    expect(rules.slug('')).toMatch(/Choose an address/u);
  });

  it('counts days in UTC, like the server', () => {
    expect(todayUtc(new Date('2026-06-15T23:30:00-05:00'))).toBe('2026-06-16');
  });
});
