// What `npm start` and `npm run dev` share: the data folder, the database, the build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDataDir, repoRoot, startEmbeddedPostgres } from './embedded-postgres.mjs';

export const dataDir = process.env.COMMONS_DATA_DIR ?? join(repoRoot, '.data');
export const builtApiMain = join(repoRoot, 'dist/apps/api/apps/api/src/main.js');

export function say(message) {
  process.stdout.write(`[commons] ${message}\n`);
}

/** Runs an npx command in the repository, inheriting the terminal; exits on failure. */
export function run(args, env = {}) {
  const result = spawnSync('npx', args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', ...env } });
  if (result.status !== 0) {
    say(`\`npx ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL with its data under .data/postgres
 * (or under /var/tmp when PostgreSQL's own user cannot reach this checkout, e.g. under /root).
 */
export async function database() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  mkdirSync(dataDir, { recursive: true });
  const { dir, relocated } = chooseDataDir(join(dataDir, 'postgres'));
  if (relocated) {
    say(`PostgreSQL runs as the 'postgres' user, which cannot reach ${repoRoot}; its data is kept in ${dir} instead.`);
  }
  say(`Starting the embedded PostgreSQL (data in ${dir})…`);
  try {
    const pg = await startEmbeddedPostgres({ dataDir: dir, database: 'commons', log: (m) => say(m) });
    say(`PostgreSQL is ready on port ${pg.port}${pg.created ? ' (new database)' : ''}.`);
    return pg;
  } catch (error) {
    say(`The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`);
    say(`Remove ${dir} to start from an empty database, or set DATABASE_URL to use your own PostgreSQL.`);
    process.exit(1);
  }
}

/** Starts a child process that inherits the terminal; forwards Ctrl-C/SIGTERM to it. */
export function supervise(command, args, env) {
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
