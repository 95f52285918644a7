import { ErrorCode, type FieldErrorDetail } from '@commons/shared-contracts';

/**
 * Base of every expected failure. The GraphQL layer maps `code` to `extensions.code`
 * and shows `message` to the client; anything that is not a DomainError is masked.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra data safe to show to clients, copied into `extensions`. */
  readonly details: Record<string, unknown> = {};
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.Unauthenticated;
  constructor(message = 'You need to sign in to do that.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.Forbidden;
  constructor(message = 'You are not allowed to do that.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NotFound;
  constructor(what: string) {
    super(`${what} was not found.`);
  }
}

export class ValidationError extends DomainError {
  readonly code = ErrorCode.BadUserInput;
  constructor(readonly fields: FieldErrorDetail[], message = 'Some fields are not valid.') {
    super(message);
    this.details['fields'] = fields;
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }], message);
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.Conflict;
  constructor(message: string, field?: string) {
    super(message);
    if (field) this.details['fields'] = [{ field, message }];
  }
}

export class RateLimitedError extends DomainError {
  readonly code = ErrorCode.RateLimited;
  constructor(readonly retryAfterSeconds: number, message = 'Too many attempts. Try again later.') {
    super(message);
    this.details['retryAfterSeconds'] = retryAfterSeconds;
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.ServiceUnavailable;
  constructor(message = 'The service is temporarily unavailable. Try again shortly.') {
    super(message);
  }
}

/**
 * The moderation policy refused a post. Nothing public is stored; the attempt is recorded after
 * the write's transaction rolls back (see ModerationGate.recordRejection), and its decision id
 * is what the author appeals.
 */
export class PolicyRejectedError extends DomainError {
  readonly code = ErrorCode.PolicyRejected;
  constructor(
    readonly ruleId: string,
    readonly reason: string,
    /** Everything the gate needs to record the attempt once the transaction is gone. */
    readonly attempt: unknown,
    readonly decisionId: string,
  ) {
    super(reason || 'This post is not allowed in this community.');
    this.details['rule'] = ruleId;
    this.details['decisionId'] = decisionId;
  }
}
