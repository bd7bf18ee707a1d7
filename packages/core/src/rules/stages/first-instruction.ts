import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2006: every stage starts with FROM; in a Dockerfile only ARG may come before the first one.
 *
 * @example
 * ```ts
 * instructionBeforeFrom('app').code; // 'DW2006'
 * ```
 */
export function instructionBeforeFrom(stage: string): Problem {
  return problem('DW2006', `stage "${stage}" has an instruction before from()`, 'call .from(image) first');
}

/**
 * DW2006: `dockerfile()` was given nothing with a base.
 *
 * @example
 * ```ts
 * noBaseStage().message; // 'dockerfile() needs a stage with a base'
 * ```
 */
export function noBaseStage(): Problem {
  return problem('DW2006', 'dockerfile() needs a stage with a base', "pass stage('app').from(image)...", 'start the file with FROM image:tag');
}

/**
 * DW2006 in a Dockerfile: an instruction other than ARG before the first FROM.
 *
 * @example
 * ```ts
 * keywordBeforeFrom('RUN').message; // 'RUN comes before the first FROM'
 * ```
 */
export function keywordBeforeFrom(keyword: string): Problem {
  return problem('DW2006', `${keyword} comes before the first FROM`, 'start the file with FROM (only ARG, comments and parser directives may come first)');
}

/** DW2006 (hadolint DL3061). */
export const firstInstructionRule = defineRule({
  id: 'DW2006',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const g of file.globals) if (g.keyword !== 'ARG') report(keywordBeforeFrom(g.keyword), g.position);
    if (file.stages.length === 0 && file.instructions.length > 0) report(noBaseStage(), (file.instructions[0] as { position: { line: number; column: number } }).position);
  },
});
