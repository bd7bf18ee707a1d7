import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5018: each RUN is a layer; two RUNs in a row with the same options could be one.
 *
 * @example
 * ```ts
 * consecutiveRuns().code; // 'DW5018'
 * ```
 */
export function consecutiveRuns(): Problem {
  return problem('DW5018', 'this RUN follows another RUN with the same options', 'chain the commands in one run() (they render one per line)', 'join them into one RUN with &&, unless the split is there for caching');
}

/** DW5018 (hadolint DL3059): information only. */
export const consecutiveRunsRule = defineRule({
  id: 'DW5018',
  how: 'L',
  level: 'info',
  check({ file, report }) {
    for (const s of file.stages) {
      for (let k = 1; k < s.instructions.length; k += 1) {
        const a = s.instructions[k - 1];
        const b = s.instructions[k];
        if (a?.keyword !== 'RUN' || b?.keyword !== 'RUN') continue;
        const flags = (i: typeof a) => JSON.stringify(i.flags);
        if (flags(a) === flags(b) && !a.json && !b.json && a.heredocs.length === 0 && b.heredocs.length === 0) report(consecutiveRuns(), b.position);
      }
    }
  },
});
