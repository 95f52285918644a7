import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLError,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { CloseCode, MessageType, type Disposable } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_CONFIG, RateLimitedError, type AppConfig, type Viewer } from '@commons/server-core';
import { ErrorCode } from '@commons/shared-contracts';
import { createErrorFormatter } from '../errors/error-formatter';
import { VIEWER_RESOLVER, type GraphqlContext, type ViewerResolver } from '../graphql-context';
import { limitParseOptions, limitValidationRules } from '../limits/graphql-limits';
import { resolveViewer } from '../resolve-viewer';
import { RequestLoaders } from '../loaders/request-loaders';
import { subscribeSharingResults } from './shared-execution';

/** What this server keeps per connection, next to graphql-ws's own socket and request. */
interface ConnectionExtra extends Record<PropertyKey, unknown> {
  viewer?: Viewer;
  /** Operations the connection may still start now (refilled over time), and refusals since it last could. */
  allowance?: { tokens: number; at: number; refused: number };
}

/** WebSocket close code 1001: the server is going away (shutdown or restart). */
const GOING_AWAY = 1001;
/** Distinct operation texts whose parse and validation results are kept. */
const DOCUMENT_CACHE_SIZE = 1_000;

type CheckedDocument = { document: DocumentNode } | { errors: GraphQLError[] };

/** How long shutdown waits for clients to acknowledge the close. */
const CLOSE_WAIT_MS = 2_000;

/** Largest message a client may send: generous for any operation within the token limit. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

/** Subscriptions one connection may hold open. */
const MAX_SUBSCRIPTIONS = 100;
/** Subscriptions one connection may start at once, and how many more per second after that. */
const OPERATION_BURST = 30;
const OPERATIONS_PER_SECOND = 5;
/** Close code for a connection that goes on sending operations after more than OPERATION_BURST refusals. */
const TOO_MANY_OPERATIONS = 4429;
/**
 * Bytes a client may leave unread before it is dropped: a slow consumer is closed with 1013
 * (try again later) and resubscribes from its last sequence, instead of growing our memory.
 */
const MAX_UNREAD_BYTES = 1024 * 1024;
const TRY_AGAIN_LATER = 1013;
const CLOSING_BRACE = Buffer.from('}');
/** A connection that does not answer a ping within this interval is gone: terminated, its subscriptions freed. */
const HEARTBEAT_MS = 30_000;
/** Open connections' sessions are checked this often (expiry, and anything that ended one without an event). */
const SESSION_RECHECK_MS = 60_000;

/**
 * graphql-ws on the same path as HTTP. Nest's built-in subscription server would skip
 * Apollo's plugins and check no Origin, so this one applies the same rules itself:
 * Origin on upgrade, the session cookie at connection_init and again on every operation,
 * the same parse/validation limits and the same error masking as HTTP.
 */
@Injectable()
export class GraphqlWsServer implements OnModuleDestroy {
  private readonly logger = new Logger('GraphQL-WS');
  private wss?: WebSocketServer;
  private closing?: Promise<void>;
  private disposable?: Disposable;
  private readonly rules: readonly ValidationRule[];
  private readonly parseOptions: ParseOptions;
  private readonly documents = new Map<string, CheckedDocument>();
  private validated = 0;
  private readonly format: ReturnType<typeof createErrorFormatter>;
  /** Open connections and the session each was opened with, to close them when that session ends. */
  private readonly connections = new Map<WebSocket, Viewer>();
  /** The TCP socket under each WebSocket (ws writes its frames there), to gather several frames into one write. */
  private readonly transports = new WeakMap<WebSocket, Duplex>();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VIEWER_RESOLVER) private readonly viewers: ViewerResolver,
    private readonly schemaHost: GraphQLSchemaHost,
  ) {
    this.parseOptions = limitParseOptions(config.graphql.limits);
    this.rules = [
      ...specifiedRules,
      ...limitValidationRules(config.graphql.limits),
      ...(config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ];
    this.format = createErrorFormatter({
      maskUnexpected: config.graphql.maskUnexpectedErrors,
      hideSchemaHints: !config.graphql.introspection,
      logUnexpected: (errorId, error) => this.logger.error({ errorId, err: error }, 'Unexpected GraphQL error'),
    });
  }

  attach(httpServer: Server, path: string): void {
    // No compression: shared results are written to the socket as ready-made frames (resultSender).
    const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES, perMessageDeflate: false });
    this.wss = wss;
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (pathname !== path) return refuse(socket, 404, 'Not Found');
      const origin = request.headers.origin;
      // Browsers always send Origin on WebSocket upgrades: a foreign one is cross-site WebSocket hijacking.
      if (origin !== undefined && !this.config.allowedOrigins.includes(origin)) return refuse(socket, 403, 'Forbidden');
      wss.handleUpgrade(request, socket, head, (ws) => {
        this.transports.set(ws, socket);
        wss.emit('connection', ws, request);
      });
    });
    this.keepAlive(wss);

    this.disposable = useServer<Record<string, unknown>, ConnectionExtra>(
      {
        schema: () => this.schemaHost.schema,
        connectionInitWaitTimeout: 5_000,
        subscribe: subscribeSharingResults,
        onConnect: async (ctx) => {
          const viewer = await resolveViewer(this.viewers, ctx.extra.request.headers.cookie).catch(() => null);
          if (!viewer) {
            ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
            return false;
          }
          ctx.extra.viewer = viewer;
          const socket = ctx.extra.socket;
          this.connections.set(socket, viewer);
          socket.once('close', () => this.connections.delete(socket));
          return true;
        },
        onSubscribe: async (ctx, id, payload) => {
          // Re-read the session so a sign-out or suspension takes effect on the next operation.
          const viewer = await resolveViewer(this.viewers, ctx.extra.request.headers.cookie).catch((error: unknown) => {
            if (error instanceof GraphQLError) throw error;
            return null;
          });
          if (!viewer) {
            ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
            return [new GraphQLError('Your session has ended. Sign in again.', { extensions: { code: ErrorCode.Unauthenticated } })];
          }
          ctx.extra.viewer = viewer;
          const schema = this.schemaHost.schema;
          const checked = this.checkDocument(schema, payload.query);
          if ('errors' in checked) return checked.errors;
          const { document } = checked;
          // Subscriptions hold memory and a share of every event until they end: a flood of them is
          // refused one by one, and a client that goes on regardless loses the connection.
          if (getOperationAST(document, payload.operationName)?.operation === 'subscription') {
            const refusal = subscriptionRefusal(ctx.extra, Object.keys(ctx.subscriptions).length);
            if (refusal) {
              if ((ctx.extra.allowance?.refused ?? 0) > OPERATION_BURST) ctx.extra.socket.close(TOO_MANY_OPERATIONS, 'Too many subscriptions');
              return [new GraphQLError(refusal.message, { originalError: refusal })];
            }
          }
          const requestId = randomUUID();
          const contextValue: GraphqlContext = {
            transport: 'ws',
            loaders: new RequestLoaders(),
            // As on HTTP, the viewer carries the operation's id for audit records.
            viewer: { ...viewer, requestId },
            address: this.clientAddress(ctx.extra.request),
            requestId,
            sendSerializedResult: this.resultSender(ctx.extra.socket, id),
          };
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue,
          };
        },
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => this.format(e.toJSON(), e)),
        onNext: (ctx, _id, _payload, _args, result) => {
          this.dropIfSlow(ctx.extra.socket);
          return result.errors ? { ...result, errors: result.errors.map((e) => this.format(e.toJSON(), e)) } : undefined;
        },
      },
      wss,
    );
  }

  /** A slow consumer is closed with 1013 (try again later) rather than buffered without bound. */
  private dropIfSlow(socket: WebSocket): void {
    if (socket.bufferedAmount <= MAX_UNREAD_BYTES) return;
    this.logger.warn({ unread: socket.bufferedAmount }, 'A client read too slowly and was dropped');
    socket.close(TRY_AGAIN_LATER, 'Reading too slowly');
  }

  /**
   * Sends a subscription's result already serialized (shared by a class of subscribers) as the
   * protocol's `next` message, exactly as graphql-ws would write it: `{"id":…,"type":"next","payload":…}`.
   *
   * Thousands of readers get the same bytes behind their own subscription id, so the WebSocket
   * frame is written here, as RFC 6455 lays it out, from two pieces: this subscription's frame
   * head with its id, and the class's shared result (never copied per reader). ws writes its own
   * frames to the same socket synchronously and compresses none (the server offers no
   * extension), so frames never interleave. When more results follow in the same turn (a burst
   * delivered together), they leave in one write, when the turn ends.
   */
  private resultSender(socket: WebSocket, id: string): (json: Buffer, more?: boolean) => void {
    const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`);
    // Every connection comes through attach's upgrade handler, which records its socket.
    const transport = this.transports.get(socket) as Duplex;
    let gathering = false;
    const release = () => {
      gathering = false;
      transport.uncork();
    };
    let frameHead = { length: -1, bytes: head };
    return (json, more = false) => {
      this.dropIfSlow(socket);
      if (socket.readyState !== socket.OPEN) return;
      const tail = withClosingBrace(json);
      const length = head.length + tail.length;
      if (frameHead.length !== length) frameHead = { length, bytes: Buffer.concat([textFrameHeader(length), head]) };
      transport.cork();
      transport.write(frameHead.bytes);
      transport.write(tail);
      // Held until the turn ends when more follow; otherwise written now.
      if (more && !gathering) {
        gathering = true;
        queueMicrotask(release);
      } else transport.uncork();
    };
  }

  /**
   * Parses and validates an operation once per distinct text (validation costs more than
   * most executions); the schema does not change while the server runs.
   */
  /** Documents validated so far (distinct texts, while they stay in the cache): for /metrics. */
  get validations(): number {
    return this.validated;
  }

  private checkDocument(schema: GraphQLSchema, query: string): CheckedDocument {
    const cached = this.documents.get(query);
    if (cached) {
      // Refresh its place: the map's order is least recently used first.
      this.documents.delete(query);
      this.documents.set(query, cached);
      return cached;
    }
    let checked: CheckedDocument;
    try {
      const document = parse(query, this.parseOptions);
      this.validated++;
      const errors = validate(schema, document, this.rules);
      checked = errors.length > 0 ? { errors: errors.map(asValidationError) } : { document };
    } catch (error) {
      checked = { errors: [asParseError(error)] };
    }
    this.documents.set(query, checked);
    if (this.documents.size > DOCUMENT_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value as string);
    return checked;
  }

  /** The client's address, read like Express does for HTTP: the forwarded one only behind a trusted proxy. */
  private clientAddress(request: IncomingMessage): string {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return (this.config.trustProxy && first) || request.socket.remoteAddress || 'unknown';
  }

  /**
   * Closes the open connections of ended sessions (a sign-out, a suspension), with the
   * protocol's 4403 Forbidden: the client learns it must sign in again. Returns how many.
   */
  closeConnections(which: { accountId?: string; sessionId?: string; exceptSessionId?: string | null }, reason = 'Forbidden'): number {
    let closed = 0;
    for (const [socket, viewer] of this.connections) {
      if (which.accountId !== undefined && viewer.accountId !== which.accountId) continue;
      if (which.sessionId !== undefined && viewer.sessionId !== which.sessionId) continue;
      if (which.exceptSessionId && viewer.sessionId === which.exceptSessionId) continue;
      socket.close(CloseCode.Forbidden, reason);
      this.connections.delete(socket);
      closed++;
    }
    return closed;
  }

  /** Pings every connection and terminates the ones that did not answer the last ping; rechecks sessions. */
  private keepAlive(wss: WebSocketServer): void {
    const alive = new WeakSet<WebSocket>();
    wss.on('connection', (socket: WebSocket) => {
      alive.add(socket);
      socket.on('pong', () => alive.add(socket));
    });
    const heartbeat = setInterval(() => {
      for (const socket of wss.clients) {
        if (!alive.delete(socket)) socket.terminate();
        else socket.ping();
      }
    }, HEARTBEAT_MS);
    const recheck = setInterval(() => void this.recheckSessions(), SESSION_RECHECK_MS);
    this.timers = [heartbeat, recheck];
    for (const timer of this.timers) timer.unref();
  }

  /** Closes, with 4403, connections whose session is no longer valid (one statement for all of them). */
  async recheckSessions(): Promise<number> {
    if (this.connections.size === 0) return 0;
    try {
      const valid = await this.viewers.stillValid([...this.connections.values()].map((v) => v.sessionId));
      let closed = 0;
      for (const [socket, viewer] of this.connections) {
        if (valid.has(viewer.sessionId)) continue;
        socket.close(CloseCode.Forbidden, 'Forbidden');
        this.connections.delete(socket);
        closed++;
      }
      return closed;
    } catch (error) {
      this.logger.warn({ err: error }, 'Rechecking the sessions of open connections failed');
      return 0;
    }
  }

  /**
   * Closes every socket with 1001 (going away) so clients reconnect to another instance.
   * Must run before Apollo drains the HTTP server, which cuts upgraded sockets (1006):
   * main.ts calls it first on SIGTERM; as a module hook it covers other shutdowns.
   */
  async onModuleDestroy(): Promise<void> {
    await (this.closing ??= this.closeAll());
  }

  private async closeAll(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    const clients = [...(this.wss?.clients ?? [])];
    const closed = clients.map((client) => new Promise<void>((resolve) => client.once('close', () => resolve())));
    for (const client of clients) client.close(GOING_AWAY, 'Server shutting down');
    await Promise.race([Promise.all(closed), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
    await this.disposable?.dispose();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }
}

/** Why a new subscription is refused on this connection, if it is: too many open, or too many started too fast. */
function subscriptionRefusal(extra: ConnectionExtra, open: number): RateLimitedError | null {
  if (open >= MAX_SUBSCRIPTIONS) return new RateLimitedError(1, `At most ${MAX_SUBSCRIPTIONS} subscriptions per connection; end some first.`);
  return takeAllowance(extra) ? null : new RateLimitedError(1, 'Too many subscriptions started on this connection; slow down.');
}

/** Takes one from the connection's allowance, refilled at OPERATIONS_PER_SECOND up to OPERATION_BURST. */
function takeAllowance(extra: ConnectionExtra): boolean {
  const now = Date.now();
  const allowance = (extra.allowance ??= { tokens: OPERATION_BURST, at: now, refused: 0 });
  allowance.tokens = Math.min(OPERATION_BURST, allowance.tokens + ((now - allowance.at) / 1000) * OPERATIONS_PER_SECOND);
  allowance.at = now;
  if (allowance.tokens < 1) {
    allowance.refused++;
    return false;
  }
  allowance.tokens -= 1;
  allowance.refused = 0;
  return true;
}

/** Each shared result with the message's closing brace, made once for all the readers it goes to. */
const closedResults = new WeakMap<Buffer, Buffer>();
function withClosingBrace(json: Buffer): Buffer {
  let closed = closedResults.get(json);
  if (!closed) closedResults.set(json, (closed = Buffer.concat([json, CLOSING_BRACE])));
  return closed;
}

/** The header of an unmasked, unfragmented text frame (a server's) carrying `length` bytes (RFC 6455, 5.2). */
function textFrameHeader(length: number): Buffer {
  const FIN_TEXT = 0x81;
  if (length < 126) return Buffer.from([FIN_TEXT, length]);
  if (length < 65_536) return Buffer.from([FIN_TEXT, 126, length >> 8, length & 0xff]);
  const header = Buffer.alloc(10);
  header[0] = FIN_TEXT;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function asParseError(error: unknown): GraphQLError {
  const message = error instanceof Error ? error.message : 'Syntax error';
  return new GraphQLError(message, { extensions: { code: ErrorCode.GraphqlParseFailed } });
}

function asValidationError(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { code: ErrorCode.GraphqlValidationFailed },
  });
}
