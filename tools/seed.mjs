#!/usr/bin/env node
// npm run seed -- --size demo|s|m|l [--seed N] [--reset]: builds the API (cached), starts
// PostgreSQL (embedded unless DATABASE_URL is set, the same database npm start uses) and
// fills it with an organisation; see apps/api/src/cli/seed.ts.
import { join } from 'node:path';
import { repoRoot } from './lib/embedded-postgres.mjs';
import { database, run, say, supervise } from './lib/platform.mjs';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  const code = await supervise(process.execPath, [join(repoRoot, 'dist/apps/api/apps/api/src/cli/seed.js'), '--help'], {});
  process.exit(code);
}
say('Building the API (cached after the first time)…');
run(['nx', 'run', 'api:build', '--output-style=static']);
const pg = await database();
const code = await supervise(process.execPath, ['--max-old-space-size=4096', join(repoRoot, 'dist/apps/api/apps/api/src/cli/seed.js'), ...args], { DATABASE_URL: pg.url });
await pg.stop();
process.exit(code);
