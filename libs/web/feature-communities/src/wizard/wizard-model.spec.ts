import { EMPTY_WIZARD, serverFieldErrors, toCreateInput, validateAll, validateStep, type WizardValues } from './wizard-model';

const today = '2026-06-15';

const complete: WizardValues = {
  ...EMPTY_WIZARD,
  audiences: ['CUSTOMER'],
  intent: 'CUSTOMER_SERVICE',
  intentStatement: 'Customers answer each other.',
  useCases: ['FORUMS'],
  objectives: [{ key: 1, metricKey: 'RESOLUTION_RATE', title: ' Answered ', baseline: '0.2', target: '0,5', direction: 'UP', dueDate: '2026-09-01' }],
  cohortName: 'Wave 1',
  cohortMembers: [{ id: 'a1', displayName: 'Grace Hopper' }],
  startPilot: true,
  name: 'Northwind Pilot Lounge!',
  visibility: 'OPEN',
};

describe('the new-community wizard', () => {
  it('asks each step for what the server requires', () => {
    expect(validateStep(0, EMPTY_WIZARD, today)).toEqual({ audiences: 'Choose at least one audience.' });
    expect(Object.keys(validateStep(1, EMPTY_WIZARD, today))).toEqual(['intent', 'intentStatement']);
    expect(validateStep(2, EMPTY_WIZARD, today)).toEqual({ useCases: 'Choose at least one use case.' });
    expect(validateStep(3, EMPTY_WIZARD, today)).toEqual({});
    expect(Object.keys(validateStep(5, EMPTY_WIZARD, today))).toEqual(['name', 'slug', 'visibility']);
  });

  it('keys objective errors by the server’s field names', () => {
    const values = { ...complete, objectives: [complete.objectives[0], { ...complete.objectives[0], key: 2, metricKey: null, target: '0.1' }] };
    expect(validateStep(3, values, today)).toEqual({
      'objectives.1.metricKey': 'Choose a metric.',
      'objectives.1.target': 'Higher is better here: set the target above the baseline.',
    });
  });

  it('needs a cohort with people to start as a pilot', () => {
    expect(validateStep(4, { ...complete, cohortName: '', cohortMembers: [] }, today)).toEqual({
      cohortIds: 'A pilot needs a cohort: name it and add the people who will try it.',
    });
    expect(validateStep(4, { ...complete, cohortMembers: [] }, today)).toEqual({ 'newCohort.memberIds': 'Add the people who will try the pilot.' });
    expect(validateStep(4, { ...complete, cohortName: '' }, today)).toEqual({ 'newCohort.name': 'Enter a name of 2 to 80 characters.' });
    expect(validateStep(4, { ...complete, cohortName: '', cohortMembers: [], startPilot: false }, today)).toEqual({});
  });

  it('finds the first step with a problem before sending', () => {
    expect(validateAll(complete, today)).toEqual({ errors: {}, step: undefined });
    expect(validateAll({ ...complete, useCases: [], name: '' }, today).step).toBe(2);
  });

  it('sends the answers with the slug proposed from the name, numbers parsed and the new cohort', () => {
    expect(toCreateInput(complete)).toEqual({
      audiences: ['CUSTOMER'],
      intent: 'CUSTOMER_SERVICE',
      intentStatement: 'Customers answer each other.',
      useCases: ['FORUMS'],
      objectives: [{ metricKey: 'RESOLUTION_RATE', title: 'Answered', baseline: 0.2, target: 0.5, direction: 'UP', dueDate: '2026-09-01' }],
      newCohort: { name: 'Wave 1', description: null, memberIds: ['a1'] },
      startPilot: true,
      name: 'Northwind Pilot Lounge!',
      slug: 'northwind-pilot-lounge',
      description: '',
      charter: '',
      visibility: 'OPEN',
    });
    expect(toCreateInput({ ...complete, slug: 'lounge', slugEdited: true }).slug).toBe('lounge');
  });

  it('brings server field errors back to the earliest step they belong to', () => {
    const error = {
      code: 'BAD_USER_INPUT',
      message: 'Invalid input',
      fields: [
        { field: 'slug', message: 'Taken.' },
        { field: 'objectives.0.dueDate', message: 'A new objective cannot be due in the past.' },
        { field: 'newCohort.memberIds', message: 'Not a valid account id.' },
        { field: 'objectives.0.ownerId', message: 'Not shown in the wizard.' },
      ],
    };
    expect(serverFieldErrors(error)).toEqual({
      step: 3,
      errors: { slug: 'Taken.', 'objectives.0.dueDate': 'A new objective cannot be due in the past.', 'newCohort.memberIds': 'Not a valid account id.' },
    });
  });
});
