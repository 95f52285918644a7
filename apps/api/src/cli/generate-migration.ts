import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@commons/server-core';
import { runMigrations } from '@commons/server-database';
import { AppModule } from '../app.module';

/**
 * Writes a migration with the SQL that brings a database migrated to the current list up to
 * the current entities (what TypeORM's `migration:generate` does, against the app's own
 * module graph). Run through `npm run migration:generate -- <Name>`, which supplies a scratch
 * database in DATABASE_URL. Prints nothing to write when entities and migrations agree.
 */
async function main(): Promise<void> {
  const [name, outDir] = process.argv.slice(2);
  if (!name || !/^[A-Z][A-Za-z0-9]+$/u.test(name) || !outDir) {
    throw new Error('usage: generate-migration <PascalCaseName> <migrations folder>');
  }
  const config = loadConfig({ env: { ...process.env, NODE_ENV: 'test', SECRET_KEY: 'x'.repeat(32), LOG_LEVEL: 'silent' } });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const dataSource = app.get(DataSource);
    await runMigrations(dataSource, 10_000);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stdout.write('Entities and migrations agree: nothing to generate.\n');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (q: string) => '`' + q.replace(/\\/gu, '\\\\').replace(/`/gu, '\\`').replace(/\$\{/gu, '\\${') + '`';
    // Some statements carry parameters: generated columns record their expression in typeorm_metadata,
    // keyed by the database's name, which must be the migrated database's own, not this scratch one.
    const scratch = dataSource.driver.database;
    const call = (q: { query: string; parameters?: unknown[] }) => {
      const parameters = q.parameters?.length
        ? `, [${q.parameters.map((p) => (p === scratch ? 'await queryRunner.getCurrentDatabase()' : JSON.stringify(p))).join(', ')}]`
        : '';
      return `    await queryRunner.query(${quote(q.query)}${parameters});`;
    };
    const up = sql.upQueries.map(call).join('\n');
    const down = [...sql.downQueries].reverse().map(call).join('\n');
    const file = join(outDir, `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/gu, '$1-$2').toLowerCase()}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n` +
        `  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    process.stdout.write(`Wrote ${file} (${className}); add it to migrations/index.ts, review it, and commit both.\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
