import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { GraphqlLimits } from '@commons/server-core';

/**
 * Report a violation as an ordinary validation error (HTTP 400, GRAPHQL_VALIDATION_FAILED);
 * armor's default of throwing would surface as a 500.
 */
const reject = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /u, ''), { nodes: error.nodes })),
  ],
};

/** Depth, alias, directive and cost limits as validation rules (graphql-armor), for HTTP and WebSocket alike. */
export function limitValidationRules(limits: GraphqlLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...reject }),
    maxAliasesRule({ n: limits.maxAliases, ...reject }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reject }),
    costLimitRule({ maxCost: limits.maxCost, flattenFragments: true, ignoreIntrospection: true, ...reject }),
  ] as unknown as ValidationRule[];
}

/** graphql-js stops lexing past maxTokens, before any work is spent on an oversized document. */
export function limitParseOptions(limits: GraphqlLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
