import { GraphQLError } from 'graphql';
import { NotFoundError, ValidationError } from '@commons/server-core';
import { createErrorFormatter } from './error-formatter';

describe('createErrorFormatter', () => {
  const logged: Array<[string, unknown]> = [];
  const format = createErrorFormatter({ maskUnexpected: true, hideSchemaHints: true, logUnexpected: (id, e) => logged.push([id, e]) });
  const asResolverError = (error: Error) => new GraphQLError(error.message, { originalError: error, path: ['field'] });

  it('passes domain errors with their code and details', () => {
    const error = ValidationError.field('email', 'Enter a valid e-mail address.');
    expect(format({ message: error.message }, asResolverError(error))).toEqual({
      message: 'Enter a valid e-mail address.',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'Enter a valid e-mail address.' }] },
    });
    expect(format({ message: 'x' }, asResolverError(new NotFoundError('The account'))).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('masks unexpected errors and logs them under the id it returns', () => {
    const secret = new Error('duplicate key value violates unique constraint "accounts_pkey"');
    const formatted = format({ message: secret.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['…'] } }, asResolverError(secret));
    expect(formatted.message).toBe('Internal server error');
    expect(formatted.extensions?.['stacktrace']).toBeUndefined();
    const [id, original] = logged[logged.length - 1];
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: id });
    expect(original).toBe(secret);
  });

  it('reports an unreachable database as SERVICE_UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(format({ message: refused.message }, asResolverError(refused)).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('strips schema hints from validation errors when asked', () => {
    const formatted = format(
      { message: 'Cannot query field "viewr" on type "Query". Did you mean "viewer"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(formatted.message).toBe('Cannot query field "viewr" on type "Query".');
  });
});
