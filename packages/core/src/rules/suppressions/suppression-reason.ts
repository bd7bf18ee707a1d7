import { readSuppression } from '../suppressions.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW9002: an escape hatch without a reason; the reason is what a reviewer reads.
 *
 * @example
 * ```ts
 * missingReason('allowRoot()', "say why root is needed: .allowRoot('binds port 80 without capabilities')").code; // 'DW9002'
 * ```
 */
export function missingReason(what: string, hint: string): Problem {
  return problem('DW9002', `${what} needs a reason`, hint);
}

/**
 * DW9002 in a Dockerfile: `# dockwright:allow CODE` with no reason after it; it waives nothing.
 *
 * @example
 * ```ts
 * suppressionWithoutReason(['DW3001']).code; // 'DW9002'
 * ```
 */
export function suppressionWithoutReason(codes: readonly string[]): Problem {
  return problem('DW9002', `the suppression of ${codes.join(', ') || 'no rule'} gives no reason, so it waives nothing`, "say why: .allowRoot('binds port 80')", `say why after the codes: # dockwright:allow ${codes.join(',') || 'DW....'} <reason>`);
}

/** DW9002: a suppression comment without a reason. */
export const suppressionReasonRule = defineRule({
  id: 'DW9002',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const c of file.comments) {
      const s = readSuppression(c);
      if (s !== undefined && s.reason === '') report(suppressionWithoutReason(s.codes), c.position);
    }
  },
});
