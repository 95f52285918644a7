import { migrations } from '@commons/server-database';
import type { TestApp } from '@commons/server-testing';
import { startTestApp } from './test/test-app';

describe('migrations', () => {
  let api: TestApp;
  // An empty database: the API must migrate it itself at start.
  beforeAll(async () => {
    api = await startTestApp({}, { migrated: false });
  });
  afterAll(() => api.close());

  const tables = async () =>
    (
      await api.dataSource.query<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      )
    ).map((r) => r.table_name);

  it('runs every migration at start', async () => {
    const applied = await api.dataSource.query<Array<{ name: string }>>('SELECT name FROM schema_migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => new m().name ?? m.name));
  });

  it('produces exactly the schema the entities describe (generating a migration would be empty)', async () => {
    const pending = await api.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('undoes every migration, leaving an empty schema, and re-applies them', async () => {
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['accounts', 'sessions', 'platform_settings']));
    for (let i = 0; i < migrations.length; i++) await api.dataSource.undoLastMigration({ transaction: 'each' });
    // Only TypeORM's bookkeeping stays: applied migrations, and generated-column expressions.
    expect(await tables()).toEqual(['schema_migrations', 'typeorm_metadata']);
    const types = await api.dataSource.query(`SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`);
    expect(types).toEqual([]);
    await api.dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(before);
    expect((await api.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
