import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/files/unified-diff.js';

/** Applies a unified diff to a text: the reader `git apply` and `patch` are, in a few lines. */
function applyPatch(before: string, diff: string): string {
  if (diff === '') return before;
  // Each line with whether it lacks a final newline.
  const source = before === '' ? [] : before.replace(/\n$/, '').split('\n').map((text, i, all) => ({ text, bare: i === all.length - 1 && !before.endsWith('\n') }));
  const out: { text: string; bare: boolean }[] = [];
  let at = 0;
  const lines = diff.replace(/\n$/, '').split('\n').slice(2);
  lines.forEach((line, i) => {
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (hunk !== null) {
      const start = Number(hunk[1]) - (hunk[2] === '0' ? 0 : 1);
      out.push(...source.slice(at, start));
      at = start;
      return;
    }
    const op = line[0] ?? '';
    if (op === '\\') return;
    const bare = lines[i + 1] === '\\ No newline at end of file';
    if (op === ' ' || op === '-') {
      expect(source[at]).toEqual({ text: line.slice(1), bare });
      at += 1;
    }
    if (op === ' ' || op === '+') out.push({ text: line.slice(1), bare });
  });
  out.push(...source.slice(at));
  if (out.length === 0) return '';
  return `${out.map((l) => l.text).join('\n')}${out.at(-1)?.bare === true ? '' : '\n'}`;
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('FROM a\n', 'FROM a\n', { from: 'a/Dockerfile', to: 'b/Dockerfile' })).toBe('');
  });

  it('writes hunks with three lines of context, like diff -u', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'].join('\n') + '\n';
    const after = before.replace('2\n', 'two\n').replace('14\n', '');
    expect(unifiedDiff(before, after, { from: 'a/f', to: 'b/f' })).toBe(
      ['--- a/f', '+++ b/f', '@@ -1,5 +1,5 @@', ' 1', '-2', '+two', ' 3', ' 4', ' 5', '@@ -11,5 +11,4 @@', ' 11', ' 12', ' 13', '-14', ' 15', ''].join('\n'),
    );
  });

  it('diffs a missing file from /dev/null, and marks a missing final newline', () => {
    expect(unifiedDiff('', 'a\nb\n', { from: '/dev/null', to: 'b/f' })).toBe('--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('a\nb', 'a\nb\n', { from: 'a/f', to: 'b/f' })).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
  });

  it('always turns the first text into the second', () => {
    const text = fc.array(fc.constantFrom('FROM a', 'RUN b', 'USER 1', '', 'COPY . .', 'EXPOSE 80'), { maxLength: 30 }).chain((lines) =>
      fc.boolean().map((newline) => (lines.length === 0 ? '' : `${lines.join('\n')}${newline ? '\n' : ''}`)),
    );
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (before, after, context) => {
        const diff = unifiedDiff(before, after, { from: 'a/f', to: 'b/f', context });
        expect(applyPatch(before, diff)).toBe(after);
      }),
      { numRuns: 500 },
    );
  });
});
