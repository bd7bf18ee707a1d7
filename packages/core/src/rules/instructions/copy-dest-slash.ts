import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6005: with several sources, the destination must be a directory, written with a final `/`.
 *
 * @example
 * ```ts
 * copyDestSlash('/dst', 2)?.code; // 'DW6005'
 * copyDestSlash('/dst/', 2); // undefined
 * ```
 */
export function copyDestSlash(dest: string, sources: number): Problem | undefined {
  // A Windows destination (`C:\\Windows\\System32\\`) ends in a backslash.
  if (sources < 2 || dest.endsWith('/') || (/^[A-Za-z]:[\\/]/.test(dest) && dest.endsWith('\\'))) return undefined;
  return problem('DW6005', `several sources go to "${dest}", which does not end in /`, `write "${dest}/"`);
}

/** DW6005 (hadolint DL3021). */
export const copyDestSlashRule = defineRule({
  id: 'DW6005',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'COPY', 'ADD')) {
      const dest = i.args.at(-1);
      if (dest === undefined || hasVariable(dest) || i.heredocs.length > 0) continue;
      const found = copyDestSlash(dest, i.args.length - 1);
      if (found !== undefined) report(found, i.position);
    }
  },
});
