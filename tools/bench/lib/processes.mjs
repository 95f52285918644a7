// The two servers under test, each in its own process: the built API and the raw baseline.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../lib/embedded-postgres.mjs';
import { builtApiMain } from '../../lib/platform.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** This process's limit on open files (soft), from /proc: the most sockets it may hold. */
export function openFilesLimit(pid = 'self') {
  try {
    const line = readFileSync(`/proc/${pid}/limits`, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.slice('Max open files'.length).trim().split(/\s+/u)[0];
    return soft === 'unlimited' ? Infinity : Number(soft);
  } catch {
    return NaN;
  }
}

/**
 * Starts `node <script>` and waits until `healthPath` answers 200; output is kept for errors.
 * `fdLimit` raises the child's open-files limit (`ulimit -n` in a shell that then execs node,
 * so the pid is node's); raising it above the hard limit needs root.
 */
async function startNode(name, short, script, env, healthPath, { nodeArgs = [], timeoutMs = 60_000, fdLimit } = {}) {
  const port = await freePort();
  const [command, args] = fdLimit
    ? ['/bin/sh', ['-c', `ulimit -n ${Number(fdLimit)} && exec "$0" "$@"`, process.execPath, ...nodeArgs, script]]
    : [process.execPath, [...nodeArgs, script]];
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    // Only the tail matters for a failure message; logs at info level would grow without bound.
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}${healthPath}`).then((r) => r.status === 200, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    short,
    url,
    port,
    pid: child.pid,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Secrets for this run only: sessions signed with it die with the run. */
export function runSecrets() {
  return { secretKey: randomBytes(32).toString('base64url'), metricsToken: randomBytes(24).toString('base64url') };
}

/**
 * The built API as production runs it (NODE_ENV=production), with /metrics enabled for this
 * run. Sign-in limits are raised so repeated runs do not lock the benchmark account out.
 * `moderationOff` starts a second API whose moderation gate lets everything through
 * (lib/moderation-off.cjs), the baseline of the posting scenario's on/off ratio; `nodeArgs`
 * go to node (e.g. --cpu-prof when looking into a result).
 */
export async function startApi({ databaseUrl, secrets, logLevel, moderationOff = false, nodeArgs: extraNodeArgs = [], fdLimit }) {
  const [name, short] = moderationOff ? ['The API without moderation', 'API, moderation off'] : ['The API', 'API'];
  const nodeArgs = [...extraNodeArgs, ...(moderationOff ? ['-r', join(repoRoot, 'tools/bench/lib/moderation-off.cjs')] : [])];
  const api = await startNode(name, short, builtApiMain, {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    SECRET_KEY: secrets.secretKey,
    METRICS_TOKEN: secrets.metricsToken,
    LOG_LEVEL: logLevel,
    SEED_DEMO: 'false',
    LOGIN_ATTEMPTS_PER_ACCOUNT: '10000',
    LOGIN_ATTEMPTS_PER_ADDRESS: '10000',
  }, '/health', { nodeArgs, fdLimit });
  return {
    ...api,
    /** The API's Prometheus metrics as { name or name{labels}: value }. */
    async metrics() {
      const response = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${secrets.metricsToken}`, accept: 'text/plain' } });
      if (response.status !== 200) throw new Error(`/metrics answered ${response.status}: is the API built with the metrics module?`);
      const values = {};
      for (const line of (await response.text()).split('\n')) {
        if (line === '' || line.startsWith('#')) continue;
        const at = line.lastIndexOf(' ');
        values[line.slice(0, at)] = Number(line.slice(at + 1));
      }
      return values;
    },
  };
}

/** The raw Fastify + pg handlers (baseline-server.mjs), with the same pool size as the API. */
export async function startBaseline({ databaseUrl, secrets, cookieName }) {
  const baseline = await startNode('The baseline server', 'baseline', join(repoRoot, 'tools/bench/baseline-server.mjs'), {
    DATABASE_URL: databaseUrl,
    SECRET_KEY: secrets.secretKey,
    SESSION_COOKIE: cookieName,
    DATABASE_POOL_MAX: '10',
  }, '/stats');
  return {
    ...baseline,
    async statements() {
      return (await (await fetch(`${baseline.url}/stats`)).json()).statements;
    },
    /** Each read page's time at the database (its statements' round trips, ms) since the last call. */
    async databaseTimes() {
      return (await (await fetch(`${baseline.url}/db-times`)).json()).times;
    },
  };
}

/** The fan-out scenario's raw `ws` broadcast server (ws-baseline-server.mjs). */
export async function startWsBaseline({ fdLimit, nodeArgs = [] } = {}) {
  const server = await startNode('The raw ws baseline', 'raw ws', join(repoRoot, 'tools/bench/ws-baseline-server.mjs'), {}, '/stats', { fdLimit, nodeArgs });
  const post = async (path, body) => {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (response.status !== 200) throw new Error(`${server.name}: POST ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  };
  return {
    ...server,
    stats: async () => (await fetch(`${server.url}/stats`)).json(),
    setTemplate: (payloadJson) => post('/template', payloadJson),
    /** Resolves when the server has answered; the broadcast follows. */
    broadcast: (id) => post('/broadcast', JSON.stringify({ id })),
  };
}
