import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2003: two stages with one name; `--from` and `--target` would pick one silently.
 *
 * @example
 * ```ts
 * duplicateStageName('build').code; // 'DW2003'
 * ```
 */
export function duplicateStageName(name: string): Problem {
  return problem('DW2003', `two different stages are named "${name}"`, 'give each stage its own name; a stage changed after another stage used it is a different stage', 'give each stage its own name');
}

/** DW2003 (hadolint DL3024, BuildKit DuplicateStageName). */
export const duplicateStageNameRule = defineRule({
  id: 'DW2003',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    const seen = new Set<string>();
    for (const s of file.stages) {
      if (s.name === undefined) continue;
      const key = s.name.toLowerCase();
      if (seen.has(key)) report(duplicateStageName(s.name), s.from.position);
      seen.add(key);
    }
  },
});
