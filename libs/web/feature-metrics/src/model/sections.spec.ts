import { STEERING_SECTIONS, visibleSections, type Availability } from './sections';

const everywhere: Availability = { dimensions: ['ORGANISATION', 'COMMUNITY', 'DEPARTMENT', 'AUDIENCE', 'COHORT'], buckets: ['DAY', 'WEEK', 'MONTH'] };

describe('visible dashboard sections', () => {
  it('keeps only charts whose metrics the API defines, and drops empty sections', () => {
    const definitions = new Map<string, Availability>([
      ['DAILY_ACTIVE_USERS', everywhere],
      ['MONTHLY_ACTIVE_USERS', everywhere],
      ['THREADS', everywhere],
    ]);
    const sections = visibleSections(STEERING_SECTIONS, definitions, { dimension: 'ORGANISATION', bucket: 'WEEK' });
    expect(sections.map((s) => s.title)).toEqual(['Adoption', 'Engagement']);
    expect(sections[0].charts).toEqual([{ title: 'Active people', metrics: ['DAILY_ACTIVE_USERS', 'MONTHLY_ACTIVE_USERS'] }]);
    expect(sections[1].charts).toEqual([{ title: 'Posts by kind', metrics: ['THREADS'], kind: 'stacked-bars' }]);
  });

  it('leaves out metrics that cannot be sliced or bucketed as asked', () => {
    const definitions = new Map<string, Availability>([
      ['DEPARTMENTS_COVERED', { dimensions: ['ORGANISATION', 'COMMUNITY'], buckets: ['DAY', 'WEEK', 'MONTH'] }],
      ['AVERAGE_SENTIMENT', { dimensions: ['ORGANISATION', 'DEPARTMENT'], buckets: ['WEEK', 'MONTH'] }],
    ]);
    expect(visibleSections(STEERING_SECTIONS, definitions, { dimension: 'DEPARTMENT', bucket: 'WEEK' }).map((s) => s.title)).toEqual(['Listening']);
    expect(visibleSections(STEERING_SECTIONS, definitions, { dimension: 'ORGANISATION', bucket: 'DAY' }).map((s) => s.title)).toEqual(['Adoption']);
  });
});
