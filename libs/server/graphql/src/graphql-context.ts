import type { Request, Response } from 'express';
import type { RequestContext } from '@commons/server-core';
import type { RequestLoaders } from './loaders/request-loaders';

/**
 * The context every resolver receives, built once per HTTP request or per WebSocket
 * operation. `res` is absent over WebSocket (nothing to set cookies on).
 */
export interface GraphqlContext extends RequestContext {
  transport: 'http' | 'ws';
  /** DataLoaders of this request only. */
  loaders: RequestLoaders;
  req?: Request;
  res?: Response;
  /**
   * Over WebSocket: sends one already-serialized result of this subscription (the JSON of an
   * ExecutionResult) as its `next` message, straight to the socket. Shared results take this
   * way: serialized once for every subscriber of a class, instead of once per subscriber.
   * `more`: another result follows in the same turn, and may go out in the same write.
   */
  sendSerializedResult?: (json: Buffer, more?: boolean) => void;
}

/** Turns a transport-level request into a RequestContext: who is asking, from where. */
export interface ViewerResolver {
  /** Reads the session cookie from raw headers (HTTP request or WebSocket upgrade). */
  resolve(cookieHeader: string | undefined): Promise<RequestContext['viewer']>;
  /** Of these sessions, the ones still valid (not ended, expired or suspended), in one statement: open sockets are rechecked with it. */
  stillValid(sessionIds: readonly string[]): Promise<Set<string>>;
}

export const VIEWER_RESOLVER = Symbol('VIEWER_RESOLVER');
