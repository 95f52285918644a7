#!/usr/bin/env node
// The fan-out scenario's baseline: a raw `ws` broadcast. It speaks just enough of the
// graphql-transport-ws protocol for the benchmark's graphql-ws clients (the same client code
// that subscribes to the API) to subscribe — connection_init → connection_ack, subscribe,
// complete, ping → pong — and nothing else: no session, no GraphQL, no database. A broadcast
// sends one prepared payload, the API's own message with a new reply id, to every subscriber
// in a loop of `socket.send`, as the simplest raw `ws` broadcast does.
//
// POST /template (body: the payload JSON with {{REPLY_ID}} where the reply id goes), then
// POST /broadcast {"id": "<uuid>"}: answered at once, the broadcast follows on the next turn
// of the event loop (the API's mutation, too, answers before its fan-out). GET /stats.
//
// Environment: PORT, HOST.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const PLACEHOLDER = '{{REPLY_ID}}';
/** Subscribers: socket → the subscription id its client chose. */
const subscribed = new Map();
let template = null;
let broadcasts = 0;
let sent = 0;

async function body(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

function broadcast(id) {
  const payload = template.replaceAll(PLACEHOLDER, id);
  broadcasts++;
  for (const [socket, subscriptionId] of subscribed) {
    socket.send(`{"id":${JSON.stringify(subscriptionId)},"type":"next","payload":${payload}}`);
    sent++;
  }
}

const server = createServer(async (request, response) => {
  const json = (status, value) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (request.method === 'GET' && request.url === '/stats') return json(200, { connections: wss.clients.size, subscribed: subscribed.size, broadcasts, sent });
  if (request.method === 'POST' && request.url === '/template') {
    const text = await body(request);
    JSON.parse(text.replaceAll(PLACEHOLDER, 'x'));
    template = text;
    return json(200, { bytes: text.length });
  }
  if (request.method === 'POST' && request.url === '/broadcast') {
    const { id } = JSON.parse(await body(request));
    if (template === null) return json(409, { error: 'no template' });
    json(200, { subscribers: subscribed.size });
    setImmediate(() => broadcast(id));
    return undefined;
  }
  return json(404, { error: 'not found' });
});

// Like the API's server: no compression (ws's default for servers), the same largest message.
const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return socket.close(4400, 'Invalid message');
    }
    switch (message.type) {
      case 'connection_init':
        return socket.send('{"type":"connection_ack"}');
      case 'subscribe':
        return subscribed.set(socket, message.id);
      case 'complete':
        return subscribed.delete(socket);
      case 'ping':
        return socket.send('{"type":"pong"}');
      default:
        return undefined;
    }
  });
  socket.on('close', () => subscribed.delete(socket));
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    for (const socket of wss.clients) socket.terminate();
    wss.close();
    server.close(() => process.exit(0));
  });
}

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
