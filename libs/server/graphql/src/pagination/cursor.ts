import { ValidationError } from '@commons/server-core';

/** A keyset position: the sort value of the last row seen and its id (the tie-breaker). */
export type KeysetPosition = [sortValue: string | number, id: string];

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a client's cursor; anything not made by encodeCursor is a BAD_USER_INPUT on `after`. */
export function decodeCursor(cursor: string | null | undefined): KeysetPosition | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw ValidationError.field('after', 'The cursor is not valid; start again from the first page.');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Decodes a cursor whose position is a time (an ISO string) and a uuid, the common keyset of
 * lists ordered by when: anything else is a BAD_USER_INPUT on `after`, never a database error.
 */
export function decodeTimeCursor(cursor: string | null | undefined): [at: string, id: string] | undefined {
  const position = decodeCursor(cursor);
  if (position && (typeof position[0] !== 'string' || Number.isNaN(Date.parse(position[0])) || !UUID.test(position[1]))) {
    throw ValidationError.field('after', 'The cursor is not valid; start again from the first page.');
  }
  return position as [string, string] | undefined;
}

/** Builds a connection from rows fetched with `limit first + 1` (the extra row tells whether more exist). */
export function toConnection<T>(rows: T[], first: number, positionOf: (row: T) => KeysetPosition, hadCursor: boolean) {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
