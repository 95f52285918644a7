import { fork, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const SCRIPT = join(resolve(__dirname, '..', '..', '..', '..'), 'tools/testing/postgres-process.mjs');

export interface ControllablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A PostgreSQL of its own (embedded, on a free port) that a test may stop and restart. */
export async function startControllablePostgres(): Promise<ControllablePostgres> {
  const child: ChildProcess = fork(SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () =>
    new Promise<unknown>((resolveMessage, reject) => {
      child.once('message', resolveMessage);
      child.once('exit', (code) => reject(new Error(`postgres process exited with ${code}`)));
    });
  const ready = (await next()) as { ready: string };
  const request = async (message: string) => {
    const reply = next();
    child.send(message);
    await reply;
  };
  return {
    url: ready.ready,
    stop: () => request('stop'),
    start: () => request('start'),
    destroy: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.send('exit');
      await exited;
    },
  };
}
