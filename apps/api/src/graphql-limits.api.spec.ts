import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  parse,
  print,
  validate,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { DEFAULT_GRAPHQL_LIMITS } from '@commons/server-core';
import { limitValidationRules, MAX_PAGE_SIZE } from '@commons/server-graphql';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

const WEB_LIBS = join(__dirname, '..', '..', '..', 'libs', 'web');

/** Headroom the limits keep over the web client's heaviest operation, and the most they may keep. */
const MIN_HEADROOM = 1.2;
const MAX_HEADROOM = 4;

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules' || entry === 'generated') return [];
    return statSync(path).isDirectory() ? graphqlFiles(path) : path.endsWith('.graphql') ? [path] : [];
  });
}

function tokenCount(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

/** Runs one armor rule with a huge limit and reports what it measured (depth, aliases or cost). */
function measure(schema: GraphQLSchemaHost['schema'], document: DocumentNode, rule: (report: (n: number) => void) => ValidationRule): number {
  let measured = 0;
  validate(schema, document, [rule((n) => (measured = Math.max(measured, n)))]);
  return measured;
}

const accept = (report: (n: number) => void) => ({
  n: 1_000_000,
  maxCost: 1_000_000,
  onAccept: [(_ctx: ValidationContext | null, details: { n: number }) => report(details.n)],
});

/**
 * The operation limits are derived from what the web client actually sends: every client
 * operation must fit, with some headroom, and the limits must not be so loose that they stop
 * protecting anything. Change the limits when the client's operations grow.
 */
describe('GraphQL limits derived from the web client', () => {
  let api: TestApp;
  let schema: GraphQLSchemaHost['schema'];
  const sources = graphqlFiles(WEB_LIBS).map((file) => readFileSync(file, 'utf8'));
  const combined = parse(sources.join('\n'));
  const fragments = combined.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const operations = combined.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);

  beforeAll(async () => {
    api = await startTestApp();
    schema = api.app.get<GraphQLSchemaHost>(GraphQLSchemaHost).schema;
  });
  afterAll(() => api.close());

  it('finds the web client operations', () => {
    expect(operations.length).toBeGreaterThanOrEqual(5);
  });

  it('accepts every web client operation under the configured limits', () => {
    for (const operation of operations) {
      const document = atLargestPage(sentDocument(operation));
      expect({ operation: operation.name?.value, errors: validate(schema, document, limitValidationRules(DEFAULT_GRAPHQL_LIMITS)).map((e) => e.message) }).toEqual({
        operation: operation.name?.value,
        errors: [],
      });
    }
  });

  /**
   * Cost analysis multiplies a list by its literal `first`; the client passes `first` as a
   * variable, so its operations are measured at the largest page it may ask for.
   */
  function atLargestPage(document: DocumentNode): DocumentNode {
    return visit(document, {
      Argument(argument) {
        if ((argument.name.value === 'first' || argument.name.value === 'last') && argument.value.kind === Kind.VARIABLE) {
          return { ...argument, value: { kind: Kind.INT, value: String(MAX_PAGE_SIZE) } };
        }
        return undefined;
      },
    });
  }

  /**
   * The operation and the fragments it spreads, transitively, with the `__typename` fields
   * Apollo Client adds to every selection: what the client sends.
   */
  function sentDocument(operation: DefinitionNode): DocumentNode {
    const needed = new Map<string, DefinitionNode>();
    const collect = (node: DefinitionNode) =>
      visit(node, {
        FragmentSpread(spread) {
          const fragment = fragments.find((f) => f.kind === Kind.FRAGMENT_DEFINITION && f.name.value === spread.name.value);
          if (fragment && !needed.has(spread.name.value)) {
            needed.set(spread.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(operation);
    return addTypenameToDocument({ kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] });
  }

  it('keeps each limit between 1.2x and 4x of the heaviest client operation', () => {
    const heaviest = { depth: 0, aliases: 0, cost: 0, tokens: 0 };
    for (const operation of operations) {
      const document = sentDocument(operation);
      heaviest.tokens = Math.max(heaviest.tokens, tokenCount(print(document)));
      heaviest.depth = Math.max(heaviest.depth, measure(schema, document, (r) => maxDepthRule({ ...accept(r), flattenFragments: true }) as unknown as ValidationRule));
      heaviest.aliases = Math.max(heaviest.aliases, measure(schema, document, (r) => maxAliasesRule(accept(r)) as unknown as ValidationRule));
      heaviest.cost = Math.max(heaviest.cost, measure(schema, atLargestPage(document), (r) => costLimitRule({ ...accept(r), flattenFragments: true }) as unknown as ValidationRule));
    }
    const limits = DEFAULT_GRAPHQL_LIMITS;
    const within = (limit: number, need: number, floor: number) => limit >= Math.ceil(need * MIN_HEADROOM) && limit <= Math.max(need * MAX_HEADROOM, floor);
    // [limit, what the heaviest client operation needs, a floor below which 4x does not apply]
    const checks: Record<string, [number, number, number]> = {
      maxDepth: [limits.maxDepth, heaviest.depth, 8],
      maxAliases: [limits.maxAliases, heaviest.aliases, 10],
      maxCost: [limits.maxCost, heaviest.cost, 500],
      maxTokens: [limits.maxTokens, heaviest.tokens, 500],
    };
    console.info(`Heaviest web client operation: ${JSON.stringify(heaviest)}; limits: ${JSON.stringify(limits)}`);
    expect(Object.entries(checks).filter(([, [limit, need, floor]]) => !within(limit, need, floor))).toEqual([]);
  });
});
