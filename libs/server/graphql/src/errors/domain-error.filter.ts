import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@commons/server-core';

/**
 * Expected failures (not signed in, forbidden, invalid input…) go straight to GraphQL's
 * error formatter. Without this, Nest logs each one with a stack trace as if it were a bug.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
