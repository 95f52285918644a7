import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode, type FieldErrorDetail } from '@commons/shared-contracts';
import type { GraphQLFormattedError } from 'graphql';

/** What the screens need to know about a failed request, whatever transport error carried it. */
export interface ApiError {
  code: string;
  message: string;
  fields: FieldErrorDetail[];
  retryAfterSeconds?: number;
  errorId?: string;
  /** POLICY_REJECTED: the recorded decision, which the author may appeal. */
  decisionId?: string;
  /** POLICY_REJECTED: the rule whose reason the message is. */
  ruleId?: string;
  /** POLICY_REJECTED by a guideline rule: the guideline to read and acknowledge, and its page. */
  guideline?: { key: string; title: string; path: string };
}

function guidelineOf(value: unknown): ApiError['guideline'] {
  const g = value as { key?: unknown; title?: unknown; path?: unknown } | null | undefined;
  return g && typeof g.key === 'string' && typeof g.title === 'string' && typeof g.path === 'string' ? { key: g.key, title: g.title, path: g.path } : undefined;
}

function fromGraphqlError(error: GraphQLFormattedError): ApiError {
  const extensions = error.extensions ?? {};
  return {
    code: typeof extensions['code'] === 'string' ? extensions['code'] : ErrorCode.InternalServerError,
    message: error.message,
    fields: Array.isArray(extensions['fields']) ? (extensions['fields'] as FieldErrorDetail[]) : [],
    retryAfterSeconds: typeof extensions['retryAfterSeconds'] === 'number' ? extensions['retryAfterSeconds'] : undefined,
    errorId: typeof extensions['errorId'] === 'string' ? extensions['errorId'] : undefined,
    decisionId: typeof extensions['decisionId'] === 'string' ? extensions['decisionId'] : undefined,
    ruleId: typeof extensions['rule'] === 'string' ? extensions['rule'] : undefined,
    guideline: guidelineOf(extensions['guideline']),
  };
}

/** Turns any error Apollo Client reports into an ApiError; null when there is none. */
export function toApiError(error: unknown): ApiError | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) return fromGraphqlError(error.errors[0]);
  if (ServerError.is(error)) {
    // Non-2xx answers (403 foreign origin, 503 database down…) still carry GraphQL errors in the body.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      if (body.errors?.length) return fromGraphqlError(body.errors[0]);
    } catch {
      // not JSON: fall through
    }
    return {
      code: error.statusCode === 503 ? ErrorCode.ServiceUnavailable : ErrorCode.InternalServerError,
      message: `The server answered ${error.statusCode}.`,
      fields: [],
    };
  }
  return {
    code: 'NETWORK_ERROR',
    message: 'Commons cannot be reached. Check your connection and try again.',
    fields: [],
  };
}

/** The server's message for one form field, if it sent one. */
export function fieldError(error: ApiError | null, field: string): string | undefined {
  return error?.fields.find((f) => f.field === field)?.message;
}

/** Whether the server answered NOT_FOUND (it answers so, too, for what the viewer may not see). */
export function isNotFound(error: ApiError | null): boolean {
  return error?.code === ErrorCode.NotFound;
}
