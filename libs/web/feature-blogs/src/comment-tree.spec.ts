import { nestComments } from './comment-tree';

describe('nestComments', () => {
  it('puts replies under their top-level comment, in time order', () => {
    const flat = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'b1', parentId: 'b' },
      { id: 'a2', parentId: 'a' },
    ];
    expect(nestComments(flat).map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('keeps a reply whose parent is not loaded, or is itself a reply, on its own', () => {
    const flat = [
      { id: 'x1', parentId: 'x' },
      { id: 'a', parentId: null },
      { id: 'a1', parentId: 'a' },
      { id: 'a1r', parentId: 'a1' },
    ];
    expect(nestComments(flat).map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual([
      ['x1', []],
      ['a', ['a1']],
      ['a1r', []],
    ]);
  });
});
