import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@commons/server-core';
import { createTestDatabase, type StatementCounter, type TestDatabase } from '@commons/server-database';
import { AccountsService } from '@commons/server-identity';
import { type Audience, PlatformRole } from '@commons/shared-contracts';
import { GraphqlClient } from './graphql-client';

/** The start function of apps/api, passed in so this library does not depend on the app. */
export type StartApi = (config: AppConfig) => Promise<{ app: { close(): Promise<void>; get<T>(type: unknown): T }; url: string }>;

export const TEST_ORIGIN = 'http://localhost:5173';
export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  url: string;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  statements: StatementCounter;
  app: { close(): Promise<void>; get<T>(type: unknown): T };
  /** A fresh anonymous client (its own cookie jar). */
  client(): GraphqlClient;
  /** Creates an account directly through the service (no HTTP) and returns a client signed in as it. */
  signedIn(role?: PlatformRole, overrides?: Partial<{ email: string; displayName: string; department: string; audience: Audience }>): Promise<{
    client: GraphqlClient;
    account: { id: string; email: string };
  }>;
  close(): Promise<void>;
}

let accountSequence = 0;

/**
 * Starts the real API in this process against a fresh clone of the migrated template
 * database, listening on a free port. Each test file gets its own.
 */
export async function startTestApp(
  startApi: StartApi,
  env: Record<string, string> = {},
  options: { migrated?: boolean } = {},
): Promise<TestApp> {
  // An unmigrated database lets a test watch the API migrate it at start.
  const database = await createTestDatabase({ migrated: options.migrated ?? true });
  const config = loadConfig({
    env: {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
      DATABASE_POOL_MAX: '5',
      LOG_LEVEL: 'silent',
      ...env,
    },
  });
  const { app, url } = await startApi(config);
  const dataSource = app.get<DataSource>(DataSource);
  const accounts = app.get<AccountsService>(AccountsService);

  const testApp: TestApp = {
    app,
    url,
    config,
    database,
    dataSource,
    statements: dataSource.logger as StatementCounter,
    client: () => new GraphqlClient(url, { origin: TEST_ORIGIN }),
    async signedIn(role = PlatformRole.Member, overrides = {}) {
      const n = ++accountSequence;
      const email = overrides.email ?? `person${n}.${process.pid}@example.test`;
      const account = await dataSource.transaction((manager) =>
        accounts.create(manager, {
          email,
          password: TEST_PASSWORD,
          displayName: overrides.displayName ?? `Person ${n}`,
          department: overrides.department ?? 'Engineering',
          role,
          audience: overrides.audience,
        }),
      );
      const client = testApp.client();
      await client.signIn(email, TEST_PASSWORD);
      return { client, account: { id: account.id, email } };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
  return testApp;
}
