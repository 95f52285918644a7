// A worker thread of the fan-out scenario's subscribers: graphql-ws clients over `ws`, each
// presenting a session cookie on the upgrade like a browser (libs/server/testing's connectWs,
// without an Origin: a server-side caller). The same code subscribes to the API and to the raw
// `ws` baseline, so the receipt times compare the servers and not the clients. A receipt is
// stamped with the process's monotonic clock (shared by every thread) when graphql-ws hands the
// parsed message to the subscription, and filed under the reply id the message carries.
import { parentPort } from 'node:worker_threads';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Per target ('api', 'raw'): its connections and what they received. */
const groups = new Map();

function group(key) {
  let g = groups.get(key);
  if (!g) {
    g = { connections: [], receipts: new Map(), received: 0, sample: null, errors: 0, completes: 0, closes: 0, failedToConnect: 0, errorSample: null };
    groups.set(key, g);
  }
  return g;
}

function record(g, value) {
  const id = value?.data?.threadActivity?.reply?.id;
  const at = nowMs();
  if (typeof id !== 'string') return;
  g.received++;
  let times = g.receipts.get(id);
  if (!times) {
    g.receipts.set(id, (times = []));
    g.sample = value;
  }
  times.push(at);
}

/** Opens one client and subscribes; resolves at connection_ack (true) or on a failure (false). */
function open(g, { url, cookie, query, variables }) {
  class CookieSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const connection = { client: null, acked: false, live: false, closed: false, ackMs: NaN };
  const started = nowMs();
  return new Promise((resolve) => {
    connection.client = createClient({
      url,
      webSocketImpl: CookieSocket,
      lazy: false,
      retryAttempts: 0,
      shouldRetry: () => false,
      onNonLazyError: () => undefined,
      on: {
        connected: () => {
          connection.acked = true;
          connection.ackMs = nowMs() - started;
          resolve(connection);
        },
        closed: () => {
          if (!connection.closed) g.closes++;
          connection.closed = true;
          connection.live = false;
          if (!connection.acked) {
            g.failedToConnect++;
            resolve(connection);
          }
        },
      },
    });
    connection.live = true;
    connection.client.subscribe(
      { query, variables },
      {
        next: (value) => record(g, value),
        error: (error) => {
          connection.live = false;
          g.errors++;
          g.errorSample ??= Array.isArray(error) ? JSON.stringify(error).slice(0, 300) : String(error?.code ?? error?.message ?? error);
        },
        complete: () => {
          if (connection.live) g.completes++;
          connection.live = false;
        },
      },
    );
    g.connections.push(connection);
  });
}

async function connect({ key, url, cookies, count, concurrency, query, variables }) {
  const g = group(key);
  const ackMs = [];
  let next = 0;
  const startedAt = nowMs();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const connection = await open(g, { url, cookie: cookies[i % cookies.length], query, variables });
        if (connection.acked) ackMs.push(connection.ackMs);
      }
    }),
  );
  return { startedAt, endedAt: nowMs(), acked: ackMs.length, ackMs: Float64Array.from(ackMs), failedToConnect: g.failedToConnect };
}

function status(key) {
  const g = group(key);
  let open = 0;
  let live = 0;
  for (const c of g.connections) {
    if (!c.closed) open++;
    if (c.live) live++;
  }
  return { connections: g.connections.length, open, live, received: g.received, errors: g.errors, completes: g.completes, closes: g.closes, failedToConnect: g.failedToConnect, errorSample: g.errorSample };
}

const handlers = {
  connect,
  status: ({ key }) => status(key),
  /** How many received the message about these reply ids. */
  count: ({ key, ids }) => ids.map((id) => group(key).receipts.get(id)?.length ?? 0),
  sample: ({ key }) => group(key).sample,
  /** Hands over the receipts since the last collect, and forgets them. */
  collect: ({ key }) => {
    const g = group(key);
    const receipts = [...g.receipts].map(([id, times]) => [id, Float64Array.from(times)]);
    g.receipts = new Map();
    return receipts;
  },
  close: async ({ key }) => {
    const g = group(key);
    await Promise.all(g.connections.map((c) => Promise.resolve(c.client.dispose()).catch(() => undefined)));
    const summary = status(key);
    groups.delete(key);
    return summary;
  },
  cpu: () => process.cpuUsage(),
};

parentPort.on('message', async ({ seq, op, args }) => {
  try {
    parentPort.postMessage({ seq, result: await handlers[op](args) });
  } catch (error) {
    parentPort.postMessage({ seq, error: error instanceof Error ? error.stack : String(error) });
  }
});
