import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW8002: two ARGs of one name with different defaults; which one a FROM sees depends on order.
 *
 * @example
 * ```ts
 * argDefaults('V', '1', '2').code; // 'DW8002'
 * ```
 */
export function argDefaults(name: string, first: string | undefined, second: string | undefined): Problem {
  return problem('DW8002', `two ARGs named ${name} with defaults ${JSON.stringify(first)} and ${JSON.stringify(second)}`, 'declare the argument once and reuse its handle', 'declare it once before the first FROM and redeclare it in stages without a default: ARG NAME');
}

/** DW8002: global ARGs declared twice with different defaults. */
export const argDefaultsRule = defineRule({
  id: 'DW8002',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    const seen = new Map<string, string | undefined>();
    for (const g of file.globals) {
      if (g.keyword !== 'ARG') continue;
      for (const p of g.pairs) {
        if (seen.has(p.key) && p.value !== undefined && seen.get(p.key) !== p.value) report(argDefaults(p.key, seen.get(p.key), p.value), g.position);
        if (p.value !== undefined || !seen.has(p.key)) seen.set(p.key, p.value);
      }
    }
  },
});
