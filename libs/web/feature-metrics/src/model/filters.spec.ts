import { filtersProblem, readFilters, seriesInput, writeFilters } from './filters';

const TODAY = '2025-03-31';

describe('dashboard filters in the address', () => {
  it('defaults to the organisation over the last 90 days by week', () => {
    expect(readFilters(new URLSearchParams(), TODAY)).toEqual({
      preset: 'LAST_90_DAYS',
      range: { from: '2025-01-01', to: '2025-03-31' },
      bucket: 'WEEK',
      dimension: 'ORGANISATION',
      sliceId: null,
    });
  });

  it('shows the last 12 months by month unless another bucket is asked for', () => {
    expect(readFilters(new URLSearchParams('range=LAST_12_MONTHS'), TODAY)).toMatchObject({ range: { from: '2024-04-01', to: TODAY }, bucket: 'MONTH' });
    expect(readFilters(new URLSearchParams('range=LAST_12_MONTHS&bucket=WEEK'), TODAY).bucket).toBe('WEEK');
  });

  it('reads a custom range and a slice, and ignores unknown values', () => {
    const filters = readFilters(new URLSearchParams('range=CUSTOM&from=2025-02-01&to=2025-02-28&by=DEPARTMENT&slice=Legal&bucket=HOUR'), TODAY);
    expect(filters).toEqual({ preset: 'CUSTOM', range: { from: '2025-02-01', to: '2025-02-28' }, bucket: 'WEEK', dimension: 'DEPARTMENT', sliceId: 'Legal' });
    expect(readFilters(new URLSearchParams('by=PLANET&slice=Mars'), TODAY)).toMatchObject({ dimension: 'ORGANISATION', sliceId: null });
  });

  it('writes back only what differs from the defaults, and round-trips', () => {
    const current = readFilters(new URLSearchParams(), TODAY);
    expect(writeFilters({}, current).toString()).toBe('');
    const custom = writeFilters({ preset: 'CUSTOM', range: { from: '2025-02-01', to: '2025-02-28' }, dimension: 'COMMUNITY', sliceId: 'c1', bucket: 'DAY' }, current);
    expect(custom.toString()).toBe('range=CUSTOM&from=2025-02-01&to=2025-02-28&bucket=DAY&by=COMMUNITY&slice=c1');
    expect(readFilters(custom, TODAY)).toEqual({ preset: 'CUSTOM', range: { from: '2025-02-01', to: '2025-02-28' }, bucket: 'DAY', dimension: 'COMMUNITY', sliceId: 'c1' });
  });

  it('says what is missing before it asks the API', () => {
    const base = readFilters(new URLSearchParams(), TODAY);
    expect(filtersProblem(base)).toBeNull();
    expect(filtersProblem({ ...base, dimension: 'COHORT' })).toBe('Choose a cohort to show.');
    expect(filtersProblem({ ...base, preset: 'CUSTOM', range: { from: '2025-03-01', to: '' } })).toBe('Enter a date.');
    expect(filtersProblem({ ...base, range: { from: '2023-01-01', to: '2025-12-31' }, bucket: 'DAY' })).toBe('Choose a range of at most 2 years.');
  });

  it('builds the series input the API takes', () => {
    const base = readFilters(new URLSearchParams('by=AUDIENCE&slice=CUSTOMER'), TODAY);
    expect(seriesInput(['THREADS'], base)).toEqual({ metrics: ['THREADS'], dimension: 'AUDIENCE', sliceId: 'CUSTOMER', from: '2025-01-01', to: TODAY, bucket: 'WEEK' });
  });
});
