import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationRule } from 'graphql';
import { ErrorCode } from '@commons/shared-contracts';

/**
 * Operation limits, applied identically over HTTP and WebSocket. The numbers leave
 * headroom over the web client's own heaviest operation; `graphql-limits.api.spec.ts`
 * checks every client operation still fits, and that the limits stay within a small
 * multiple of what the client needs.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxAliases: 10,
  maxDirectives: 20,
  maxTokens: 1_500,
  maxCost: 3_000,
} as const;

/** Raised on a limit violation: a client error (HTTP 400), never a 500. */
function limitError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.GraphqlValidationFailed, http: { status: 400 } },
  });
}

const reject = { propagateOnRejection: true, exposeLimits: true } as const;

export function limitValidationRules(limits = GRAPHQL_LIMITS): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reject }),
    maxAliasesRule({ n: limits.maxAliases, ...reject }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reject }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...reject }),
  ] as unknown as ValidationRule[];
}

/** Parser options: graphql-js stops lexing past maxTokens, before any work is spent on the document. */
export const limitParseOptions = { maxTokens: GRAPHQL_LIMITS.maxTokens } as const;

export { limitError };
