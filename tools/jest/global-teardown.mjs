import { dropDatabases } from './global-setup.mjs';

export default async function globalTeardown() {
  const state = globalThis.__commonsTestDatabase;
  if (!state) return;
  globalThis.__commonsTestDatabase = undefined;
  if (!process.env.COMMONS_TEST_EMBEDDED_DIR) {
    await dropDatabases(`datname LIKE 'commons\\_test\\_${process.env.COMMONS_TEST_RUN}\\_%'`);
  }
  await state.stop();
}
