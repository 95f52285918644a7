import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { HistoryImportService } from '@commons/server-analytics';
import { loadConfig } from '@commons/server-core';
import { migrations, runMigrations } from '@commons/server-database';
import { AppModule } from '../app.module';
import { DemoOrganisation } from '../demo/demo-organisation';
import { SIZES, type SizeName } from '../seed/profiles';
import { DEFAULT_ROLL_DAYS, importAndRollHistory } from '../seed/seed-history';
import { emptyPlatformTables, SEED_PASSWORD, SeedRefused, seedOrganisation } from '../seed/seed-organisation';

const USAGE = `usage: npm run seed -- --size demo|s|m|l [--seed N] [--reset] [--roll-days N]
       npm run seed -- --history-only [--roll-days N]

  --size          demo: the demo organisation npm start creates (people, 8 communities, threads, posts)
                  s, m, l: a generated organisation (l: 10,000 people, 200 communities, 1,000,000 posts)
  --seed          the same seed gives the same organisation (default 1)
  --reset         replace whatever the database holds (otherwise only an empty database is seeded)
  --roll-days     how many of the last days to roll up for the dashboards after importing the
                  activity history (default ${DEFAULT_ROLL_DAYS}: the dashboards' default year and the 30 days its windows read)
  --history-only  seed nothing: import the activity history of what the database holds (an
                  installation older than analytics) and roll it up`;

/**
 * `npm run seed`: migrates the database in DATABASE_URL, then fills it with an organisation.
 * tools/seed.mjs supplies DATABASE_URL (the embedded PostgreSQL when none is set).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      seed: { type: 'string', default: '1' },
      reset: { type: 'boolean', default: false },
      'roll-days': { type: 'string', default: String(DEFAULT_ROLL_DAYS) },
      'history-only': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  const url = process.env['DATABASE_URL'];
  const size = values.size;
  const seed = Number(values.seed);
  const rollDays = Number(values['roll-days']);
  const historyOnly = values['history-only'] === true;
  const sizeOk = historyOnly ? size === undefined : size !== undefined && (size === 'demo' || size in SIZES);
  if (values.help || !url || !sizeOk || !Number.isInteger(seed) || !Number.isInteger(rollDays) || rollDays < 0) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const say = (line: string) => process.stdout.write(`[seed] ${line}\n`);

  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'schema_migrations', applicationName: 'commons-seed' });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, 60_000);
    if (applied.length > 0) say(`Applied ${applied.length} migrations.`);
  } finally {
    await dataSource.destroy();
  }

  if (historyOnly) return seedHistory(say, rollDays);
  if (size === 'demo') return seedDemo(say, values.reset);

  const pool = new Pool({ connectionString: url, max: 10, application_name: 'commons-seed' });
  const bar = process.stdout.isTTY ? new SingleBar({ format: '[seed] posts {bar} {percentage}% {value}/{total} · {eta_formatted} left', hideCursor: true }) : null;
  let reported = 0;
  try {
    const summary = await seedOrganisation(pool, {
      size: size as SizeName,
      seed,
      reset: values.reset,
      log: (line) => {
        bar?.stop();
        say(line);
      },
      onPosts: (written, planned) => {
        if (bar) {
          if (written === 0 || !bar.isActive) bar.start(planned, written);
          bar.update(Math.min(written, planned));
        } else if (written - reported >= planned / 10) {
          reported = written;
          say(`  ${written.toLocaleString('en')} of about ${planned.toLocaleString('en')} posts`);
        }
      },
    });
    bar?.stop();
    const rows = Object.entries(summary.rows).map(([table, n]) => `${table} ${n.toLocaleString('en')}`);
    say(`Done in ${Math.round(summary.seconds)} s: ${rows.join(', ')}.`);
  } finally {
    bar?.stop();
    await pool.end();
  }
  // COPY tells analytics nothing: its activity log and the dashboards' rollups come from the content.
  await seedHistory(say, rollDays);
  say(`Every account's password is "${SEED_PASSWORD}"; admin@commons.example is an administrator, steering@commons.example on the steering committee.`);
}

/** The demo organisation, as `npm start` creates it on first run. */
async function seedDemo(say: (line: string) => void, reset: boolean): Promise<void> {
  if (reset) {
    const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 1 });
    try {
      await emptyPlatformTables(pool);
    } finally {
      await pool.end();
    }
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(seedConfig()), { logger: ['error', 'warn'] });
  try {
    const seeded = await app.get(DemoOrganisation).seedIfEmpty();
    say(seeded ? `Seeded the demo organisation; every password is "${SEED_PASSWORD}".` : 'The database already has accounts: nothing seeded (pass --reset to replace them).');
  } finally {
    await app.close();
  }
}

/** The platform's services as the seed runs them: production settings, no background jobs. */
function seedConfig() {
  return loadConfig({ env: { ...process.env, NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), LOG_LEVEL: 'warn', ANALYTICS_JOBS: 'false' } });
}

/** Analytics' activity history of what the database holds, and the rolled-up days the dashboards read. */
async function seedHistory(say: (line: string) => void, rollDays: number): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(seedConfig()), { logger: ['error', 'warn'] });
  try {
    await importAndRollHistory(app.get(HistoryImportService), { rollDays, say, tty: process.stdout.isTTY === true });
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[seed] ${error instanceof SeedRefused ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
