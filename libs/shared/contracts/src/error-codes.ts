/**
 * Stable codes carried in `extensions.code` of every GraphQL error Commons returns.
 * Clients branch on these, never on messages.
 */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** The community's moderation policy refused the post; `extensions` carry the rule's reason and the decision to appeal. */
  PolicyRejected: 'POLICY_REJECTED',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
  /** Parse errors and limit violations (depth, aliases, tokens, cost) from the GraphQL layer. */
  GraphqlParseFailed: 'GRAPHQL_PARSE_FAILED',
  GraphqlValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One entry of `extensions.fields` on a BAD_USER_INPUT error. */
export interface FieldErrorDetail {
  field: string;
  message: string;
}
