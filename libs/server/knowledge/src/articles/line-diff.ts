/** One line of a diff between two texts. */
export interface DiffLine {
  op: 'ADDED' | 'REMOVED' | 'UNCHANGED';
  text: string;
  /** Line number in the old text (null for added lines). */
  oldNumber: number | null;
  /** Line number in the new text (null for removed lines). */
  newNumber: number | null;
}

/** Lines compared in full; beyond this product of line counts the middle is compared as one block (bounded memory). */
const MAX_CELLS = 4_000_000;

/**
 * A line-based diff by longest common subsequence. The common head and tail are stripped
 * first, so small edits of long articles stay cheap; removed lines come before added ones
 * where both occur at one place.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ op: 'UNCHANGED', text: a[i], oldNumber: i + 1, newNumber: i + 1 });
  const ops = midA.length * midB.length > MAX_CELLS ? replaceAll(midA, midB) : lcsOps(midA, midB);
  let i = head;
  let j = head;
  for (const op of ops) {
    if (op === 'UNCHANGED') out.push({ op, text: a[i], oldNumber: ++i, newNumber: ++j });
    else if (op === 'REMOVED') out.push({ op, text: a[i], oldNumber: ++i, newNumber: null });
    else out.push({ op, text: b[j], oldNumber: null, newNumber: ++j });
  }
  for (let k = 0; k < tail; k++) out.push({ op: 'UNCHANGED', text: a[i + k], oldNumber: i + k + 1, newNumber: j + k + 1 });
  return out;
}

function replaceAll(a: string[], b: string[]): DiffLine['op'][] {
  return [...a.map(() => 'REMOVED' as const), ...b.map(() => 'ADDED' as const)];
}

function lcsOps(a: string[], b: string[]): DiffLine['op'][] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  }
  const ops: DiffLine['op'][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('UNCHANGED');
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      ops.push('REMOVED');
      i++;
    } else {
      ops.push('ADDED');
      j++;
    }
  }
  while (i++ < n) ops.push('REMOVED');
  while (j++ < m) ops.push('ADDED');
  return ops;
}
