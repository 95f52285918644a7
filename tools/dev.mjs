#!/usr/bin/env node
// npm run dev: the API recompiled and restarted on every change (tsc --watch), and the web
// client on Vite's dev server with hot reload, proxying /graphql (HTTP and WebSocket) to the API.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { builtApiMain, database, dataDir, run, say } from './lib/platform.mjs';
import { repoRoot } from './lib/embedded-postgres.mjs';

const apiPort = process.env.PORT ?? '3000';
const apiOnly = process.argv.includes('--api-only');

run(['nx', 'run', 'api:build', '--output-style=static']);
const pg = await database();
const apiEnv = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: apiPort,
  DATABASE_URL: pg.url,
  COMMONS_DATA_DIR: dataDir,
  SEED_DEMO: process.env.SEED_DEMO ?? 'true',
  // Vite serves the web client in development.
  WEB_ROOT: '/nonexistent',
};

let api;
function restartApi() {
  const start = () => (api = spawn(process.execPath, [builtApiMain], { cwd: repoRoot, stdio: 'inherit', env: apiEnv }));
  if (api && api.exitCode === null) {
    api.once('exit', start);
    api.kill('SIGTERM');
  } else start();
}

// Binaries run directly (not through npx) so stopping them stops them, not just a wrapper.
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const watcher = spawn(bin('tsc'), ['-p', 'apps/api/tsconfig.app.json', '--watch', '--preserveWatchOutput'], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
});
watcher.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Found 0 errors/.test(text)) {
    spawn(process.execPath, ['tools/build/rewrite-aliases.mjs', 'dist/apps/api'], { cwd: repoRoot, stdio: 'ignore' }).on('exit', restartApi);
  }
});

const children = [watcher];
if (!apiOnly) {
  const vite = spawn(bin('vite'), ['--config', 'apps/web/vite.config.mts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, COMMONS_API_URL: `http://127.0.0.1:${apiPort}` },
  });
  children.push(vite);
  say(`Web client with hot reload: http://localhost:5173 (API on http://localhost:${apiPort})`);
}

async function shutdown() {
  for (const child of [...children, api]) child?.kill('SIGTERM');
  await new Promise((r) => (api && api.exitCode === null ? api.once('exit', r) : r()));
  await pg.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
