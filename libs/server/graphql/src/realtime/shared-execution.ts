import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { GraphqlContext } from '../graphql-context';
import { RequestLoaders } from '../loaders/request-loaders';

/** Event payloads whose result is the same for every subscriber they are given to with the same operation. */
const shared = new WeakSet<object>();
/** One operation's result on a shared payload, and its JSON once a subscriber needed it (null when it has errors to format). */
interface SharedResult {
  result: Promise<ExecutionResult>;
  json?: Promise<Buffer | null>;
  /** The JSON once made: what direct delivery writes. */
  ready?: Buffer | null;
}

/** A source that can hand events straight to a direct consumer (the realtime Mailbox). */
interface DirectSource {
  attachDirect(consumer: { prepare(value: unknown): Promise<unknown> | null; take(value: unknown, more: boolean): boolean }): void;
}
/** Per shared payload: the result of each distinct operation (document, name, variables) run on it. */
const results = new WeakMap<object, Map<string, SharedResult>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;

/**
 * Subscription events delivered, the executions they took and the results serialized (fewer
 * when shared), and deliveries held back to leave in one write with the next (a burst): for
 * /metrics and tests.
 */
export const subscriptionExecutions = { delivered: 0, executed: 0, serialized: 0, gathered: 0 };

/**
 * Marks a subscription event as shaped for a whole class of subscribers (the same visibility
 * and the same viewer-dependent answers): the operation runs once on it, and every subscriber
 * of that class with the same operation text and variables gets that one result. A resolver
 * that answers differently per viewer must make the viewer's difference part of the class.
 */
export function shareExecution<T extends object>(payload: T): T {
  shared.add(payload);
  return payload;
}

/**
 * graphql's `subscribe`, but executing each event once per distinct operation when the event
 * is shared: 5,000 readers of one thread cost one execution per class, not 5,000.
 */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const source = stream[Symbol.asyncIterator]();
  const sendSerialized = (args.contextValue as GraphqlContext | undefined)?.sendSerializedResult;
  // The operation does not change while it runs: its key is made once, not per event.
  const key = operationKey(args);
  let ended = false;
  const jsonOf = (shared: SharedResult) =>
    (shared.json ??= shared.result.then(serialize).then((json) => (shared.ready = json)));
  // Shared results are written from the fan-out itself when the source allows it (see Mailbox.deliver).
  if (sendSerialized && isDirectSource(source)) {
    source.attachDirect({
      prepare: (payload) => {
        const shared = ended ? null : sharedResult(args, key, payload, false);
        return shared ? jsonOf(shared) : null;
      },
      take: (payload, more) => {
        const ready = ended ? undefined : readyResult(payload, key);
        if (!ready) return false;
        subscriptionExecutions.delivered++;
        if (more) subscriptionExecutions.gathered++;
        sendSerialized(ready, more);
        return true;
      },
    });
  }
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    next: async () => {
      for (;;) {
        const next = await source.next();
        if (next.done || ended) return { value: undefined, done: true };
        const shared = sharedResult(args, key, next.value);
        if (!shared) return { value: await executeOwn(args, next.value), done: false };
        // A shared result goes out as the JSON serialized once for all its subscribers, in this
        // subscriber's order (it waits here, as for any event); with errors, graphql-ws formats it.
        const json = sendSerialized ? await jsonOf(shared) : null;
        if (json === null) return { value: await shared.result, done: false };
        if (!ended) sendSerialized?.(json);
      }
    },
    return: async () => {
      ended = true;
      await source.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error: unknown) => {
      ended = true;
      await source.return?.();
      throw error;
    },
  };
  return iterator;
}

function serialize(result: ExecutionResult): Buffer | null {
  if (result.errors) return null;
  subscriptionExecutions.serialized++;
  return Buffer.from(JSON.stringify(result));
}

function executeOwn(args: ExecutionArgs, payload: unknown): Promise<ExecutionResult> {
  subscriptionExecutions.delivered++;
  subscriptionExecutions.executed++;
  return Promise.resolve(execute({ ...args, rootValue: payload }));
}

/** The serialized result of an operation on a shared payload, when it is made and has no errors. */
function readyResult(payload: unknown, key: string): Buffer | null | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  return results.get(payload)?.get(key)?.ready;
}

function isDirectSource(source: object): source is DirectSource {
  return typeof (source as Partial<DirectSource>).attachDirect === 'function';
}

/**
 * The operation's one result on a shared payload (executed by its first subscriber); null for a
 * payload of one subscriber's own. `delivering`: counted as a delivery now (not when only preparing).
 */
function sharedResult(args: ExecutionArgs, key: string, payload: unknown, delivering = true): SharedResult | null {
  if (typeof payload !== 'object' || payload === null || !shared.has(payload)) return null;
  if (delivering) subscriptionExecutions.delivered++;
  let byOperation = results.get(payload);
  if (!byOperation) results.set(payload, (byOperation = new Map()));
  let result = byOperation.get(key);
  if (!result) {
    subscriptionExecutions.executed++;
    byOperation.set(key, (result = { result: Promise.resolve(execute({ ...args, rootValue: payload })) }));
  }
  return result;
}

function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  return `${id}|${args.operationName ?? ''}|${JSON.stringify(args.variableValues ?? {})}`;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * A subscription's `resolve`: each event is its own small request, with fresh DataLoaders,
 * never ones kept (and grown) for the subscription's lifetime.
 */
export function eachEventItsOwnRequest<T>(event: T, _args: unknown, context: GraphqlContext): T {
  context.loaders = new RequestLoaders();
  return event;
}
