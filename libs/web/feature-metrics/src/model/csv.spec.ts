import { breakdownCsv, csvCell, csvFileName, seriesCsv, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes cells with commas, quotes or line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });

  it('exports a series one row per metric and period, hidden values empty and marked', () => {
    const slice = { dimension: 'ORGANISATION', id: null, label: 'Organisation' };
    const csv = seriesCsv([
      {
        definition: { key: 'DAILY_ACTIVE_USERS', name: 'Daily active people' },
        slice,
        bucket: 'WEEK',
        points: [
          { start: '2025-03-03', value: 12.5, numerator: 12.5, denominator: null, suppressed: false },
          { start: '2025-03-10', value: null, numerator: null, denominator: null, suppressed: true },
        ],
      },
      {
        definition: { key: 'STICKINESS', name: 'Stickiness (DAU/MAU)' },
        slice,
        bucket: 'WEEK',
        points: [{ start: '2025-03-03', value: 0.25, numerator: 10, denominator: 40, suppressed: false }],
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'metric,metric_name,dimension,slice_id,slice,bucket,period_start,value,numerator,denominator,suppressed',
      'DAILY_ACTIVE_USERS,Daily active people,ORGANISATION,,Organisation,WEEK,2025-03-03,12.5,12.5,,false',
      'DAILY_ACTIVE_USERS,Daily active people,ORGANISATION,,Organisation,WEEK,2025-03-10,,,,true',
      'STICKINESS,Stickiness (DAU/MAU),ORGANISATION,,Organisation,WEEK,2025-03-03,0.25,10,40,false',
      '',
    ]);
  });

  it('never exports a hidden number, even if one came with it', () => {
    const csv = seriesCsv([
      {
        definition: { key: 'THREADS', name: 'Threads' },
        slice: { dimension: 'DEPARTMENT', id: 'Legal', label: 'Legal' },
        bucket: 'DAY',
        points: [{ start: '2025-03-03', value: 3, numerator: 3, denominator: null, suppressed: true }],
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('THREADS,Threads,DEPARTMENT,Legal,Legal,DAY,2025-03-03,,,,true');
  });

  it('exports a breakdown one row per slice', () => {
    const csv = breakdownCsv({
      definition: { key: 'POSTS', name: 'Posts' },
      dimension: 'COMMUNITY',
      from: '2025-01-01',
      to: '2025-03-31',
      rows: [
        { slice: { id: 'c1', label: 'Cloud, Platform' }, value: 40, numerator: 40, denominator: null, suppressed: false },
        { slice: { id: 'c2', label: 'Tiny' }, value: null, numerator: null, denominator: null, suppressed: true },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'metric,metric_name,dimension,slice_id,slice,from,to,value,numerator,denominator,suppressed',
      'POSTS,Posts,COMMUNITY,c1,"Cloud, Platform",2025-01-01,2025-03-31,40,40,,false',
      'POSTS,Posts,COMMUNITY,c2,Tiny,2025-01-01,2025-03-31,,,,true',
      '',
    ]);
  });

  it('names the file after what and when', () => {
    expect(csvFileName(['Adoption', 'Café Société'], '2025-01-01', '2025-03-31')).toBe('commons-adoption-cafe-societe-2025-01-01-to-2025-03-31.csv');
  });
});
