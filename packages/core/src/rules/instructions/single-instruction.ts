import { asTwins, defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6002: only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts.
 *
 * @example
 * ```ts
 * secondInstruction('CMD', 'app').message; // 'a second CMD in stage "app"; only the last would take effect'
 * ```
 */
export function secondInstruction(keyword: string, stage: string): Problem {
  return problem('DW6002', `a second ${keyword} in stage "${stage}"; only the last would take effect`, `keep one ${keyword} per stage`);
}

/** DW6002 (hadolint DL4003, DL4004, DL3012; BuildKit MultipleInstructionsDisallowed). */
export const singleInstructionRule = defineRule({
  id: 'DW6002',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      const seen = new Set<string>();
      for (const i of s.instructions) {
        if (i.keyword !== 'CMD' && i.keyword !== 'ENTRYPOINT' && i.keyword !== 'HEALTHCHECK') continue;
        const twin = i.keyword === 'CMD' ? 'DL4003' : i.keyword === 'ENTRYPOINT' ? 'DL4004' : 'DL3012';
        if (seen.has(i.keyword)) report(asTwins(secondInstruction(i.keyword, s.name ?? String(s.index)), twin, 'MultipleInstructionsDisallowed'), i.position);
        seen.add(i.keyword);
      }
    }
  },
});
