import { instructionsOf, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6001: in shell form the process runs under `/bin/sh -c` as PID 1 and never gets SIGTERM.
 *
 * @example
 * ```ts
 * shellForm('CMD').message; // 'CMD in shell form'
 * ```
 */
export function shellForm(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'): Problem {
  const fix = keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]' : `${keyword} ["node", "server.js"]`;
  return problem('DW6001', `${keyword} in shell form`, `write it as an array: .${keyword.toLowerCase()}(['node', 'server.js'])`, `write it in JSON form: ${fix}`);
}

/** DW6001 (hadolint DL3025, BuildKit JSONArgsRecommended). */
export const execFormRule = defineRule({
  id: 'DW6001',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    // A stage that chose its shell with SHELL (or builds on one that did) runs shell forms with it
    // on purpose: from the line of that SHELL on (from the start when inherited).
    const shellFrom: number[] = [];
    for (const s of file.stages) {
      const parent = stageNamed(file, s.base, s.index);
      const own = s.instructions.find((i) => i.keyword === 'SHELL')?.position.line ?? Number.POSITIVE_INFINITY;
      shellFrom[s.index] = parent !== undefined && (shellFrom[parent.index] ?? Number.POSITIVE_INFINITY) < Number.POSITIVE_INFINITY ? 0 : own;
    }
    for (const i of instructionsOf(file, 'CMD', 'ENTRYPOINT', 'HEALTHCHECK')) {
      if (i.json) continue;
      if (i.keyword !== 'HEALTHCHECK' && i.position.line > (shellFrom[i.stage] ?? Number.POSITIVE_INFINITY)) continue;
      // HEALTHCHECK NONE has no command.
      if (i.keyword === 'HEALTHCHECK' && /^\s*none\s*$/i.test(i.text)) continue;
      report(shellForm(i.keyword as 'CMD'), i.position);
    }
  },
});
