import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations';
import { runMigrations } from '../run-migrations';

/**
 * Isolated databases for tests: the migrations run once into a template database,
 * and every test file gets its own clone of it (CREATE DATABASE … TEMPLATE, ~100 ms).
 * The server comes from DATABASE_URL, which Jest's global setup provides.
 */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const TEMPLATE_LOCK_KEY = 727_110_002;

export function adminDatabaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: run tests through Jest, whose global setup provides a PostgreSQL');
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Name of the template for the current set of migrations, so a changed list never reuses a stale template. */
export function templateDatabaseName(): string {
  const digest = createHash('sha1')
    .update(migrations.map((m) => m.name).join(','))
    .digest('hex')
    .slice(0, 12);
  return `commons_template_${digest}`;
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const run = process.env['COMMONS_TEST_RUN'] ?? 'local';
  const name = `commons_test_${run}_${randomBytes(5).toString('hex')}`;
  const template = templateDatabaseName();

  await withAdminClient(async (admin) => {
    // Workers of one run race to build the template: the advisory lock lets one build it.
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      if (migrated) {
        const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
        if (exists.rowCount === 0) await buildTemplate(admin, template);
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      } else {
        await admin.query(`CREATE DATABASE "${name}"`);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });

  const url = withDatabase(adminDatabaseUrl(), name);
  return {
    url,
    name,
    drop: () => withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function buildTemplate(admin: Client, template: string): Promise<void> {
  const building = `${template}_building`;
  await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${building}"`);
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(adminDatabaseUrl(), building),
    migrations,
    migrationsTableName: 'schema_migrations',
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, 10_000);
  } finally {
    await dataSource.destroy();
  }
  await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
}
