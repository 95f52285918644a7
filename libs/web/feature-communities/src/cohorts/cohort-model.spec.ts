import { validate } from '@commons/web-data-access';
import { EMPTY_COHORT, attachableCohorts, cohortLabel, newCohortChecks, peopleNames, pilotNote, toNewCohortInput } from './cohort-model';

describe('the new-cohort form', () => {
  it('asks for a name of 2 characters or more; people may come later', () => {
    expect(validate({ ...EMPTY_COHORT, name: ' x ' }, newCohortChecks)).toEqual({ name: 'Enter a name of 2 to 80 characters.' });
    expect(validate({ ...EMPTY_COHORT, name: 'Wave 2' }, newCohortChecks)).toEqual({});
  });

  it('sends the name trimmed, no empty description, and the people by id', () => {
    expect(toNewCohortInput({ name: ' Wave 2 ', description: ' ', memberIds: [{ id: 'a1', displayName: 'Alan Ritchie' }] })).toEqual({
      name: 'Wave 2',
      description: null,
      memberIds: ['a1'],
    });
  });
});

describe('cohorts to attach', () => {
  it('leaves out the cohorts already attached', () => {
    const found = [
      { id: 'w1', name: 'Wave 1', membersCount: 31 },
      { id: 'w2', name: 'Wave 2', membersCount: 1 },
    ];
    expect(attachableCohorts(found, new Set(['w1']))).toEqual([found[1]]);
    expect(found.map(cohortLabel)).toEqual(['Wave 1 (31 people)', 'Wave 2 (1 person)']);
  });
});

describe('words', () => {
  it('names the people added', () => {
    expect(peopleNames([{ displayName: 'Alan Ritchie' }])).toBe('Alan Ritchie');
    expect(peopleNames([{ displayName: 'Alan Ritchie' }, { displayName: 'Grace Hopper' }])).toBe('Alan Ritchie and Grace Hopper');
    expect(peopleNames([{ displayName: 'Alan Ritchie' }, { displayName: 'Grace Hopper' }, { displayName: 'Ken Thompson' }])).toBe('Alan Ritchie and 2 others');
  });

  it('says what the cohorts mean in each lifecycle', () => {
    expect(pilotNote('DRAFT', 0)).toMatch(/attach a cohort, then start the pilot/u);
    expect(pilotNote('PILOT', 1)).toMatch(/these cohorts decide who may join/u);
    expect(pilotNote('ACTIVE', 1)).toMatch(/open to its audience/u);
    expect(pilotNote('ARCHIVED', 1)).toMatch(/read-only/u);
  });
});
