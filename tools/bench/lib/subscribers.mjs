// The fan-out scenario's subscribers, spread over worker threads (lib/subscriber-worker.mjs) so
// that the harness's main thread, which posts and stamps the send and return times, is not
// queued behind thousands of incoming messages. Every figure here uses the process's monotonic
// clock in milliseconds (the same in every thread).
import { Worker } from 'node:worker_threads';

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export class Subscribers {
  constructor(threads = 2) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./subscriber-worker.mjs', import.meta.url));
      const pending = new Map();
      worker.on('message', ({ seq, result, error }) => {
        const p = pending.get(seq);
        pending.delete(seq);
        if (error) p?.reject(new Error(`subscriber worker: ${error}`));
        else p?.resolve(result);
      });
      worker.on('error', (error) => {
        for (const p of pending.values()) p.reject(error);
        pending.clear();
      });
      let seq = 0;
      return {
        worker,
        call: (op, args = {}) =>
          new Promise((resolve, reject) => {
            const id = seq++;
            pending.set(id, { resolve, reject });
            worker.postMessage({ seq: id, op, args });
          }),
      };
    });
  }

  all(op, args) {
    return Promise.all(this.workers.map((w) => w.call(op, args)));
  }

  /**
   * Opens `count` graphql-ws clients to `httpUrl`, `concurrency` handshakes in flight, client i
   * presenting cookies[i % cookies.length], each subscribing with `query` and `variables`.
   * Resolves when every client has its connection_ack (or failed).
   */
  async connect(key, httpUrl, { cookies, count, concurrency, query, variables }) {
    const url = `${httpUrl.replace(/^http/u, 'ws')}/graphql`;
    const n = this.workers.length;
    // Cookies are dealt out like the clients, so each worker's clients use distinct sessions.
    const results = await Promise.all(
      this.workers.map((w, i) => {
        const share = Math.floor(count / n) + (i < count % n ? 1 : 0);
        const mine = cookies.filter((_, j) => j % n === i);
        return w.call('connect', { key, url, cookies: mine.length > 0 ? mine : cookies, count: share, concurrency: Math.max(1, Math.round(concurrency / n)), query, variables });
      }),
    );
    const ackMs = Float64Array.from(results.flatMap((r) => [...r.ackMs])).sort();
    return {
      acked: results.reduce((s, r) => s + r.acked, 0),
      failedToConnect: results.reduce((s, r) => s + r.failedToConnect, 0),
      startedAt: Math.min(...results.map((r) => r.startedAt)),
      endedAt: Math.max(...results.map((r) => r.endedAt)),
      ackMs,
    };
  }

  async status(key) {
    const parts = await this.all('status', { key });
    const sum = (field) => parts.reduce((s, p) => s + p[field], 0);
    return {
      connections: sum('connections'),
      open: sum('open'),
      live: sum('live'),
      received: sum('received'),
      errors: sum('errors'),
      completes: sum('completes'),
      closes: sum('closes'),
      failedToConnect: sum('failedToConnect'),
      errorSample: parts.map((p) => p.errorSample).find(Boolean) ?? null,
    };
  }

  /** How many clients received the message of each reply id. */
  async count(key, ids) {
    const parts = await this.all('count', { key, ids });
    return ids.map((_, i) => parts.reduce((s, p) => s + p[i], 0));
  }

  /** One message as a client received it (parsed), for the baseline to send the same. */
  async sample(key) {
    return (await this.all('sample', { key })).find(Boolean) ?? null;
  }

  /** Receipt times since the last collect: Map reply id → Float64Array of ms. */
  async collect(key) {
    const receipts = new Map();
    for (const part of await this.all('collect', { key })) {
      for (const [id, times] of part) {
        const before = receipts.get(id);
        receipts.set(id, before ? Float64Array.from([...before, ...times]) : times);
      }
    }
    return receipts;
  }

  async close(key) {
    await this.all('close', { key });
  }

  async stop() {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
