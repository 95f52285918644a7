import { ValidationError } from '@commons/server-core';
import { decodeCursor, encodeCursor, toConnection } from './cursor';

describe('keyset cursors', () => {
  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(['ada lovelace', 'id-1']))).toEqual(['ada lovelace', 'id-1']);
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('rejects cursors it did not make with BAD_USER_INPUT on `after`', () => {
    for (const bad of ['garbage', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(ValidationError);
    }
  });

  it('uses the extra row only to tell that another page exists', () => {
    const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];
    const page = toConnection(rows, 2, (r) => [r.k, r.k], false);
    expect(page.edges.map((e) => e.node.k)).toEqual(['a', 'b']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor(['b', 'b']) });
    expect(toConnection(rows.slice(0, 2), 2, (r) => [r.k, r.k], true).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
