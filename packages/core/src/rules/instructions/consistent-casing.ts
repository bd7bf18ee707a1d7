import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6023: instructions written in more than one case (`RUN` and `run`); the majority wins.
 *
 * @example
 * ```ts
 * inconsistentCasing('run', 'uppercase').code; // 'DW6023'
 * ```
 */
export function inconsistentCasing(written: string, majority: 'uppercase' | 'lowercase'): Problem {
  const want = majority === 'uppercase' ? written.toUpperCase() : written.toLowerCase();
  return problem('DW6023', `command '${written}' should match the case of the command majority (${majority})`, `write ${want}`);
}

/** DW6023 (BuildKit ConsistentInstructionCasing). */
export const consistentCasingRule = defineRule({
  id: 'DW6023',
  how: 'C',
  level: 'warning',
  check({ file, report }) {
    const words = file.instructions.map((i) => i.keywordText ?? i.keyword);
    const uppers = words.filter((w) => w === w.toUpperCase()).length;
    const lowers = words.filter((w) => w === w.toLowerCase()).length;
    const majority = uppers >= lowers ? 'uppercase' : 'lowercase';
    file.instructions.forEach((i, k) => {
      const w = words[k] as string;
      if (w !== (majority === 'uppercase' ? w.toUpperCase() : w.toLowerCase())) report(inconsistentCasing(w, majority), i.position);
    });
  },
});
