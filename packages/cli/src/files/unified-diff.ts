/** Options of `unifiedDiff()`: the two file labels and the lines of context around a change. */
export interface DiffOptions {
  readonly from: string;
  readonly to: string;
  readonly context?: number;
}

type Edit = { readonly op: ' ' | '-' | '+'; readonly line: string };

const NO_NEWLINE = '\\ No newline at end of file';

/** Lines of a text; the last one carries a marker when the text does not end in a newline. */
function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  else all[all.length - 1] = `${all.at(-1) ?? ''}\u0000`;
  return all;
}

/** The shortest edit script from `a` to `b` (Myers' O(ND) algorithm). */
function editScript(a: readonly string[], b: readonly string[]): Edit[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) break outer;
    }
  }
  // Walk back through the saved frontiers.
  const edits: Edit[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const frontier = trace[d] ?? new Int32Array(0);
    const k = x - y;
    const down = k === -d || (k !== d && (frontier[offset + k - 1] ?? 0) < (frontier[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (frontier[offset + prevK] ?? 0);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      edits.push({ op: ' ', line: a[x] ?? '' });
    }
    if (d === 0) break;
    if (down) edits.push({ op: '+', line: b[(y -= 1)] ?? '' });
    else edits.push({ op: '-', line: a[(x -= 1)] ?? '' });
  }
  return edits.reverse();
}

function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return `${count === 0 ? start - 1 : start},${count}`;
}

/**
 * A unified diff (`diff -u` format, with `\ No newline at end of file` where needed) that turns
 * `before` into `after`; the empty string when they are equal. `git apply` and `patch` read it.
 *
 * @example
 * ```ts
 * unifiedDiff('a\nb\n', 'a\nc\n', { from: 'a/Dockerfile', to: 'b/Dockerfile' });
 * // '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n'
 * ```
 */
export function unifiedDiff(before: string, after: string, options: DiffOptions): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const edits = editScript(lines(before), lines(after));
  // How many lines of `before` and of `after` come before each edit (and after the last).
  const aBefore = [0];
  const bBefore = [0];
  for (const e of edits) {
    aBefore.push((aBefore.at(-1) ?? 0) + (e.op === '+' ? 0 : 1));
    bBefore.push((bBefore.at(-1) ?? 0) + (e.op === '-' ? 0 : 1));
  }
  // Changes closer than twice the context share a hunk.
  const changes = edits.flatMap((e, i) => (e.op === ' ' ? [] : [i]));
  const groups: [number, number][] = [];
  for (const i of changes) {
    const last = groups.at(-1);
    if (last !== undefined && i - last[1] - 1 <= 2 * context) last[1] = i;
    else groups.push([i, i]);
  }
  const out = [`--- ${options.from}`, `+++ ${options.to}`];
  for (const [first, last] of groups) {
    const start = Math.max(0, first - context);
    const end = Math.min(edits.length, last + context + 1);
    const a = aBefore[start] ?? 0;
    const b = bBefore[start] ?? 0;
    out.push(`@@ -${range(a + 1, (aBefore[end] ?? 0) - a)} +${range(b + 1, (bBefore[end] ?? 0) - b)} @@`);
    for (const e of edits.slice(start, end)) {
      const missingNewline = e.line.endsWith('\u0000');
      out.push(`${e.op}${missingNewline ? e.line.slice(0, -1) : e.line}`);
      if (missingNewline) out.push(NO_NEWLINE);
    }
  }
  return `${out.join('\n')}\n`;
}
