import { instructionsOf, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * True when a path is absolute: `/app`, a Windows `C:\app`, or one that starts with a variable
 * (which lint cannot see into).
 */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || /^["']?\$/.test(path);
}

/**
 * DW6004: a relative WORKDIR depends on the one before it, which may come from the base image.
 *
 * @example
 * ```ts
 * relativeWorkdir('app').message; // 'WORKDIR "app" is relative'
 * ```
 */
export function relativeWorkdir(shown: string): Problem {
  return problem('DW6004', `WORKDIR ${JSON.stringify(shown)} is relative`, 'write an absolute path such as /app');
}

/** DW6004 (hadolint DL3000, BuildKit WorkdirRelativePath). */
export const relativeWorkdirRule = defineRule({
  id: 'DW6004',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    // As BuildKit's WorkdirRelativePath: relative is fine once the stage set an absolute WORKDIR.
    const absolute = new Set<number>();
    for (const w of instructionsOf(file, 'WORKDIR')) {
      const path = w.args.join(' ').replace(/^["']|["']$/g, '');
      if (isAbsolutePath(path)) absolute.add(w.stage);
      else if (!absolute.has(w.stage) && !absolute.has(stageNamed(file, file.stages[w.stage]?.base ?? '', w.stage)?.index ?? -1)) report(relativeWorkdir(path), w.position);
    }
  },
});
