/** Positional parameters for one raw statement: `add` binds a value and returns its placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };

  /** Binds the `:name` placeholders of a condition written for the query builder (casts like `::text` are left alone). */
  named(sql: string, params: Record<string, unknown>): string {
    return sql.replace(/:([A-Za-z_][A-Za-z0-9_]*)/gu, (full, key: string) => (Object.hasOwn(params, key) ? this.add(params[key]) : full));
  }
}
