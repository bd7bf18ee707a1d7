import type { LintFile, LintStage } from '../lint-file.js';
import { stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';
import { isAbsolutePath } from './relative-workdir.js';

/**
 * DW6006: a relative destination lands wherever the base image's WORKDIR is.
 *
 * @example
 * ```ts
 * relativeCopyDest('dst/').message; // 'relative destination "dst/" with no WORKDIR'
 * ```
 */
export function relativeCopyDest(dest: string): Problem {
  return problem('DW6006', `relative destination ${JSON.stringify(dest)} with no WORKDIR`, "call .workdir('/app') first, or use an absolute destination", 'add WORKDIR /app before it, or use an absolute destination');
}

function inheritsWorkdir(file: LintFile, stage: LintStage, depth = 0): boolean {
  const parent = stageNamed(file, stage.base, stage.index);
  if (parent === undefined || depth > file.stages.length) return false;
  return parent.instructions.some((i) => i.keyword === 'WORKDIR') || inheritsWorkdir(file, parent, depth + 1);
}

/** DW6006 (hadolint DL3045). */
export const relativeCopyDestRule = defineRule({
  id: 'DW6006',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      let workdir = inheritsWorkdir(file, s);
      for (const i of s.instructions) {
        if (i.keyword === 'WORKDIR') workdir = true;
        if ((i.keyword !== 'COPY' && i.keyword !== 'ADD') || workdir) continue;
        const dest = i.args.at(-1);
        if (dest !== undefined && !isAbsolutePath(dest)) report(relativeCopyDest(dest), i.position);
      }
    }
  },
});
