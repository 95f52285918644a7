import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@commons/server-database';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const BUILT_API_MAIN = join(REPO_ROOT, 'dist/apps/api/apps/api/src/main.js');

export interface BuiltServer {
  url: string;
  port: number;
  /** The clone made for this server; absent when the caller passed its own DATABASE_URL. */
  database?: TestDatabase;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the built API (`npm run build` output) as `npm start` runs it, in its own process,
 * on a fresh test database, and waits until /health answers 200.
 */
export async function startBuiltServer(env: Record<string, string> = {}, timeoutMs = 30_000): Promise<BuiltServer> {
  if (!existsSync(BUILT_API_MAIN)) throw new Error(`${BUILT_API_MAIN} is missing: run \`npm run build\` first`);
  const database = env['DATABASE_URL'] ? undefined : await createTestDatabase();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BUILT_API_MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database?.url,
      SECRET_KEY: 'built-server-secret-key-0123456789abcdef',
      LOG_LEVEL: 'warn',
      // Background jobs (pg-boss schedules) only where a test asks for them: the others should
      // not depend on which minute of the hour they run in.
      ANALYTICS_JOBS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/health`).then((r) => r.status === 200, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not become healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    database,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      await database?.drop();
      return code;
    },
  };
}
