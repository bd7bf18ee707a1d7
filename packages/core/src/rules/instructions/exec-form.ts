import { instructionsOf } from '../lint-helpers.js';
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
    for (const i of instructionsOf(file, 'CMD', 'ENTRYPOINT', 'HEALTHCHECK')) {
      if (i.json) continue;
      // HEALTHCHECK NONE has no command.
      if (i.keyword === 'HEALTHCHECK' && /^\s*none\s*$/i.test(i.text)) continue;
      report(shellForm(i.keyword as 'CMD'), i.position);
    }
  },
});
