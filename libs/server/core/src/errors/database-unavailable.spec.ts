import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006' }],
    [new Error('timeout exceeded when trying to connect')],
    [{ message: 'wrapped', driverError: { code: 'ECONNRESET' } }],
    [{ message: 'Context creation failed', originalError: new Error('Connection terminated unexpectedly') }],
  ])('recognises %p', (error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([[{ code: '23505' }], [new Error('relation "x" does not exist')], [null], ['text']])('ignores %p', (error) =>
    expect(isDatabaseUnavailable(error)).toBe(false),
  );
});
