import { join } from 'node:path';
import { ConfigError, developmentSecretKey, loadConfig } from '@commons/server-core';
import { startApi } from './bootstrap';
import { DEMO_LOGINS } from './demo/demo-organisation';

/** Built layout: dist/apps/api/apps/api/src/main.js beside dist/apps/web. */
const BUILT_WEB_ROOT = join(__dirname, '..', '..', '..', '..', 'web');

async function main(): Promise<void> {
  const dataDir = process.env['COMMONS_DATA_DIR'] ?? join(process.cwd(), '.data');
  const config = loadConfig({
    env: process.env,
    developmentSecretKey: () => developmentSecretKey(dataDir),
    defaultWebRoot: BUILT_WEB_ROOT,
  });
  const started = await startApi(config);
  const lines = [
    '',
    `Commons is running at ${config.publicUrl}`,
    `  GraphQL: ${config.publicUrl}/graphql (HTTP and WebSocket)   health: ${config.publicUrl}/health`,
    started.servesWebClient ? '' : '  (web client not built: run `npm run build` or `npm start`)',
  ];
  if (config.seedDemo) {
    lines.push(started.demoSeeded ? '  Demo organisation created. Sign in as:' : '  Demo sign-ins:');
    for (const login of DEMO_LOGINS) lines.push(`    ${login.role.padEnd(9)} ${login.email.padEnd(32)} password: ${login.password}`);
  }
  process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n\n');

  // Graceful shutdown: stop accepting, drain HTTP, close sockets with 1001, close the pool.
  // A stuck shutdown must not keep the process alive forever.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(1), config.shutdownGraceMs).unref();
      started.app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Commons failed to start: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
