/** class-transformer `@Transform` helpers shared by every input type. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Trims, and turns an empty string into null ("clear this field"). */
export const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

/**
 * An object for `registerEnumType` whose keys are the stored values themselves: GraphQL names
 * enum values by key, so the API speaks the same words as the database and the contracts.
 */
export function graphqlEnum<T extends string>(values: readonly T[]): { [V in T]: V } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [V in T]: V };
}
