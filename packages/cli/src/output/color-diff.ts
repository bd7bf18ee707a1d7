import type { Colors } from './colors.js';

/**
 * A unified diff in colour, as git shows it: file lines bold, hunk headers cyan, removed lines
 * red, added lines green. Unchanged when colour is off.
 *
 * @example
 * ```ts
 * io.out(colorDiff(unifiedDiff(before, after, { from: 'a/Dockerfile', to: 'b/Dockerfile' }), io.outColors));
 * ```
 */
export function colorDiff(diff: string, c: Colors): string {
  if (!c.enabled) return diff;
  return diff
    .split('\n')
    .map((line) => (line.startsWith('---') || line.startsWith('+++') ? c.bold(line) : line.startsWith('@@') ? c.cyan(line) : line.startsWith('-') ? c.red(line) : line.startsWith('+') ? c.green(line) : line))
    .join('\n');
}
