import { comparisonCsv, funnelCsv, objectivesCsv, retentionCsv, rulesCsv, topicsCsv } from './exports';

const lines = (csv: string) => csv.trimEnd().split('\r\n');

describe('CSV of the programme cards', () => {
  it('exports objectives with their status', () => {
    expect(
      lines(
        objectivesCsv([
          {
            name: 'Guild',
            lifecycle: 'ACTIVE',
            objectives: [
              { title: 'Most active', metricKey: 'MONTHLY_ACTIVE_MEMBERS_RATIO', baseline: 0.35, target: 0.6, dueDate: '2027-06-30', status: { status: 'AT_RISK', current: 0.4, projected: 0.52 } },
              { title: 'Fast answers', metricKey: 'MEDIAN_FIRST_RESPONSE_MINUTES', baseline: 300, target: 120, dueDate: '2027-03-31', status: null },
            ],
          },
        ]),
      ),
    ).toEqual([
      'community,lifecycle,objective,metric,baseline,target,due,current,projected,status',
      'Guild,ACTIVE,Most active,MONTHLY_ACTIVE_MEMBERS_RATIO,0.35,0.6,2027-06-30,0.4,0.52,AT_RISK',
      'Guild,ACTIVE,Fast answers,MEDIAN_FIRST_RESPONSE_MINUTES,300,120,2027-03-31,,,UNKNOWN',
    ]);
  });

  it('exports a comparison one row per measure', () => {
    const csv = comparisonCsv({
      from: '2026-01-01',
      to: '2026-03-31',
      group: { label: 'Wave 1', people: 30, suppressed: false },
      others: { label: 'Everyone else', people: 300, suppressed: false },
      measures: [{ key: 'ACTIVE_DAYS', name: 'Active days per person', unit: 'AVERAGE', group: 12, others: 6, difference: 6, relativeDifference: 1 }],
    });
    expect(lines(csv)[1]).toBe('ACTIVE_DAYS,Active days per person,AVERAGE,2026-01-01,2026-03-31,Wave 1,30,12,Everyone else,300,6,6,1,false');
  });

  it('exports trending topics with a column per week', () => {
    const csv = topicsCsv({ asOf: '2026-03-31', weekStarts: ['2026-03-18', '2026-03-25'], topics: [{ topic: 'kubernetes', kind: 'TAG', count: 9, people: 6, baseline: 1.5, ratio: 6, score: 3.4, spark: [2, 9] }] });
    expect(lines(csv)).toEqual(['topic,kind,as_of,mentions,people,baseline,ratio,score,week_of_2026-03-18,week_of_2026-03-25', 'kubernetes,TAG,2026-03-31,9,6,1.5,6,3.4,2,9']);
  });

  it('exports the idea funnel, moderation by rule and retention', () => {
    expect(lines(funnelCsv({ from: 'a', to: 'b', suppressed: false, stages: [{ status: 'NEW', count: 3, reached: 10, shareOfIdeas: 1, conversion: null }] }))[1]).toBe('NEW,a,b,3,10,1,,false');
    expect(lines(rulesCsv('a', 'b', [{ ruleId: null, label: null, action: 'HOLD', count: 2 }]))[1]).toBe(',,HOLD,a,b,2');
    expect(lines(retentionCsv({ label: 'Organisation', cohorts: [{ month: '2026-01', people: null, suppressed: true, weeks: [{ week: 0, share: 0.5 }] }] }))[1]).toBe('Organisation,2026-01,,0,,true');
  });
});
