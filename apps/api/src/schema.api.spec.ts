import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType, lexicographicSortSchema, printSchema, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { AuthorizationService } from '@commons/server-core';
import type { FieldAccess } from '@commons/server-graphql';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

/** The committed contract between the API and its clients. */
export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

describe('GraphQL schema', () => {
  let api: TestApp;
  let schemaHost: GraphQLSchemaHost;
  beforeAll(async () => {
    api = await startTestApp();
    schemaHost = api.app.get(GraphQLSchemaHost);
  });
  afterAll(() => api.close());

  it('matches the committed schema.graphql (run `npm run schema:write` after changing the API)', () => {
    const printed = printSchema(lexicographicSortSchema(schemaHost.schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(printed).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('gives every field an authorization rule or an explicit public/parent marking', () => {
    const authorization = api.app.get<AuthorizationService>(AuthorizationService);
    const schema = schemaHost.schema;
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
    const uncovered: string[] = [];
    const unknownRules: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
        const own = field.extensions['access'] as FieldAccess | undefined;
        // Root fields must say it themselves; object fields may inherit their type's rule.
        const access = own ?? (roots.has(type) ? undefined : ((type as GraphQLObjectType).extensions['access'] as FieldAccess | undefined));
        if (!access) uncovered.push(`${type.name}.${field.name}`);
        else if (access.kind === 'rule' && !authorization.has(access.action)) unknownRules.push(`${type.name}.${field.name}: ${access.action}`);
      }
    }
    expect(uncovered).toEqual([]);
    expect(unknownRules).toEqual([]);
  });
});
