/** The parts of a comment the tree needs. */
export interface FlatComment {
  id: string;
  parentId: string | null;
}

export interface CommentThread<T extends FlatComment> {
  comment: T;
  replies: T[];
}

/**
 * Comments arrive flat, in time order, each reply naming its top-level comment. Replies go
 * under their parent, one level deep; a reply whose parent is not among them (not loaded, or
 * pointing at another reply) stands on its own rather than disappear.
 */
export function nestComments<T extends FlatComment>(comments: readonly T[]): Array<CommentThread<T>> {
  const threads: Array<CommentThread<T>> = [];
  const byId = new Map<string, CommentThread<T>>();
  for (const comment of comments) {
    const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    if (parent) {
      parent.replies.push(comment);
    } else {
      const thread = { comment, replies: [] };
      threads.push(thread);
      if (!comment.parentId) byId.set(comment.id, thread);
    }
  }
  return threads;
}
