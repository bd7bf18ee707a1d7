import { defineRule, problem, type Problem } from '../rule.js';

const upper = (s: string) => s === s.toUpperCase();
const lower = (s: string) => s === s.toLowerCase();

/**
 * DW2009: `FROM image as name`: the `AS` is not written in the case of its `FROM`.
 *
 * @example
 * ```ts
 * fromAsCasing('FROM', 'as')?.code; // 'DW2009'
 * fromAsCasing('from', 'as'); // undefined
 * ```
 */
export function fromAsCasing(from: string, as: string): Problem | undefined {
  if ((upper(from) && upper(as)) || (lower(from) && lower(as)) || (!upper(from) && !lower(from))) return undefined;
  const want = upper(from) ? 'AS' : 'as';
  return problem('DW2009', `'${as}' and '${from}' keywords' casing do not match`, `write ${from} ... ${want} name`);
}

/** DW2009 (BuildKit FromAsCasing). */
export const fromAsCasingRule = defineRule({
  id: 'DW2009',
  how: 'C',
  level: 'warning',
  check({ file, report }) {
    for (const s of file.stages) {
      const as = s.from.args[1];
      const found = as === undefined || as.toLowerCase() !== 'as' ? undefined : fromAsCasing(s.from.keywordText ?? 'FROM', as);
      if (found !== undefined) report(found, s.from.position);
    }
  },
});
