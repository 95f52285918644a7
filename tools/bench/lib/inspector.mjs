// A full garbage collection in another Node process, through its inspector (the process runs
// with --inspect=127.0.0.1:0 and prints where it listens), then its V8 heap in use: memory read
// right after counts what is live, not what the collector has not got round to yet. The
// inspector session lasts these two commands.
import WebSocket from 'ws';

/** The inspector's WebSocket URL from a process's output ("Debugger listening on ws://…"). */
export function inspectorUrl(output) {
  return /Debugger listening on (ws:\/\/\S+)/u.exec(output)?.[1] ?? null;
}

/** Collects the garbage of `server` (a started process with output()); resolves with its heap in use, bytes. */
export async function collectGarbage(server) {
  const url = inspectorUrl(server.output());
  if (!url) throw new Error(`${server.name} runs without --inspect: cannot collect its garbage`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const pending = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.error) p.reject(new Error(`inspector: ${message.error.message}`));
    else p.resolve(message.result);
  });
  let id = 0;
  const call = (method) =>
    new Promise((resolve, reject) => {
      pending.set(++id, { resolve, reject });
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    socket.close();
  }
}
