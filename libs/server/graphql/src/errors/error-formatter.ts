import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, isDatabaseUnavailable } from '@commons/server-core';
import { ErrorCode } from '@commons/shared-contracts';

/** Codes the GraphQL layer itself produces for malformed or over-limit requests; safe to pass on. */
const REQUEST_ERROR_CODES = new Set<string>([
  ErrorCode.GraphqlParseFailed,
  ErrorCode.GraphqlValidationFailed,
  ErrorCode.BadUserInput,
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  // Raised as GraphQLErrors by this library (introspection sign-in, context creation).
  ErrorCode.Unauthenticated,
  ErrorCode.ServiceUnavailable,
]);

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  429: ErrorCode.RateLimited,
};

export interface ErrorFormatterOptions {
  /** Production: unexpected errors read "Internal server error" plus an id; the log has the rest. */
  maskUnexpected: boolean;
  /** Remove "Did you mean …?" hints, which reveal the schema when introspection is off. */
  hideSchemaHints: boolean;
  logUnexpected: (errorId: string, error: unknown) => void;
}

/**
 * The one mapping from thrown errors to what clients see, used over HTTP and WebSocket.
 * Expected failures keep their message and `extensions.code`; everything else is logged
 * with an id and masked, so no database message or stack trace reaches a client.
 */
export function createErrorFormatter(options: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, thrown: unknown): GraphQLFormattedError => {
    // Resolver errors and context-creation errors both arrive wrapped in a GraphQLError.
    const unwrapped = unwrapResolverError(thrown);
    const error = unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
    const where = { locations: formatted.locations, path: formatted.path };

    if (error instanceof DomainError) {
      return { message: error.message, ...where, extensions: { code: error.code, ...error.details } };
    }
    if (error instanceof HttpException && HTTP_STATUS_CODES[error.getStatus()]) {
      const code = HTTP_STATUS_CODES[error.getStatus()];
      const message = code === ErrorCode.Forbidden ? 'You are not allowed to do that.' : error.message;
      return { message, ...where, extensions: { code } };
    }
    if (isDatabaseUnavailable(error)) {
      return {
        message: 'The database is unavailable right now. Try again in a moment.',
        ...where,
        extensions: { code: ErrorCode.ServiceUnavailable },
      };
    }
    const code = formatted.extensions?.['code'];
    if (code === ErrorCode.ServiceUnavailable) {
      return { message: 'The database is unavailable right now. Try again in a moment.', ...where, extensions: { code } };
    }
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const message = options.hideSchemaHints ? formatted.message.replace(/ ?Did you mean .*\?$/u, '') : formatted.message;
      return { message, ...where, extensions: { code } };
    }

    const errorId = randomUUID();
    options.logUnexpected(errorId, error);
    return {
      message: options.maskUnexpected ? 'Internal server error' : formatted.message,
      ...where,
      extensions: { code: ErrorCode.InternalServerError, errorId },
    };
  };
}
