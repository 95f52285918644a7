import { validate, type ObjectiveFieldsFragment } from '@commons/web-data-access';
import { EMPTY_OBJECTIVE, compareObjectives, objectiveChanges, objectiveChecks, objectiveFormValues, toCreateObjectiveInput } from './objective-model';

const today = '2026-06-15';
const objective: ObjectiveFieldsFragment = {
  id: '0190a000-0000-7000-8000-000000000001',
  metricKey: 'RESOLUTION_RATE',
  title: 'Questions answered in the community',
  baseline: 0.3,
  target: 0.6,
  direction: 'UP',
  dueDate: '2026-03-31',
};

describe('the objective form', () => {
  it('asks for a metric, numbers and a date before sending a new objective', () => {
    expect(validate(EMPTY_OBJECTIVE, objectiveChecks(today))).toEqual({
      metricKey: 'Choose a metric.',
      baseline: 'Enter a number.',
      target: 'Enter a number.',
      dueDate: 'Enter a date as YYYY-MM-DD.',
    });
  });

  it('refuses a new objective due yesterday, and a target that is no improvement', () => {
    const values = { ...EMPTY_OBJECTIVE, metricKey: 'MEDIAN_FIRST_RESPONSE_MINUTES' as const, direction: 'DOWN' as const, baseline: '60', target: '90', dueDate: '2026-06-14' };
    expect(validate(values, objectiveChecks(today))).toEqual({
      target: 'Lower is better here: set the target below the baseline.',
      dueDate: 'A new objective cannot be due in the past.',
    });
  });

  it('lets an existing objective keep its past due date', () => {
    expect(validate(objectiveFormValues(objective), objectiveChecks(today, objective.dueDate))).toEqual({});
  });

  it('sends a new objective with parsed numbers and no empty title', () => {
    const values = { ...EMPTY_OBJECTIVE, metricKey: 'RESOLUTION_RATE' as const, title: '  ', baseline: '0,3', target: ' 0.6 ', dueDate: '2026-09-30' };
    expect(toCreateObjectiveInput('c1', values)).toEqual({
      communityId: 'c1',
      metricKey: 'RESOLUTION_RATE',
      title: null,
      baseline: 0.3,
      target: 0.6,
      direction: 'UP',
      dueDate: '2026-09-30',
    });
  });
});

describe('objectiveChanges', () => {
  it('is null when nothing changed (numbers compared as numbers, text trimmed)', () => {
    expect(objectiveChanges(objective, { ...objectiveFormValues(objective), baseline: '0.30', title: ` ${objective.title} ` })).toBeNull();
  });

  it('sends only what changed, so a kept due date is not judged again', () => {
    expect(objectiveChanges(objective, { ...objectiveFormValues(objective), target: '0.7', title: '' })).toEqual({
      objectiveId: objective.id,
      target: 0.7,
      title: '',
    });
    expect(objectiveChanges(objective, { ...objectiveFormValues(objective), dueDate: '2026-12-31', direction: 'UP', metricKey: 'SHARE_OF_VOICE' })).toEqual({
      objectiveId: objective.id,
      metricKey: 'SHARE_OF_VOICE',
      dueDate: '2026-12-31',
    });
  });
});

describe('compareObjectives', () => {
  it('orders like the server: by due date, then id', () => {
    const list = [
      { id: 'b', dueDate: '2026-09-30' },
      { id: 'c', dueDate: '2026-07-01' },
      { id: 'a', dueDate: '2026-09-30' },
    ];
    expect([...list].sort(compareObjectives).map((o) => o.id)).toEqual(['c', 'a', 'b']);
  });
});
