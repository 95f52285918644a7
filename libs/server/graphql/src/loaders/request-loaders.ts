import DataLoader from 'dataloader';

/** Names one kind of loader; the same key always yields the same loader within a request. */
export class LoaderKey<K, V> {
  constructor(readonly name: string) {}
  // Carries K and V for type inference only.
  declare private readonly types?: [K, V];
}

/**
 * The DataLoaders of one request (one HTTP request or one WebSocket operation). Created with
 * the GraphQL context and dropped with it, so nothing is cached across requests or viewers.
 */
export class RequestLoaders {
  private readonly loaders = new Map<LoaderKey<unknown, unknown>, DataLoader<unknown, unknown>>();

  /** The request's loader for `key`, created by `batch` on first use. `batch` returns one value per key, in order. */
  get<K, V>(key: LoaderKey<K, V>, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key as LoaderKey<unknown, unknown>) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(keys), { maxBatchSize: 500 });
      this.loaders.set(key as LoaderKey<unknown, unknown>, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders rows to match `keys`, filling gaps with `missing` (DataLoader needs one value per key). */
export function byKeys<K, R, V>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, valueOf: (row: R) => V, missing: V): V[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), valueOf(row));
  return keys.map((k) => (map.has(k) ? (map.get(k) as V) : missing));
}
