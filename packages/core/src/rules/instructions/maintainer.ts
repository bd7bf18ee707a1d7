import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6008: MAINTAINER is deprecated in favour of a label.
 *
 * @example
 * ```ts
 * maintainer().code; // 'DW6008'
 * ```
 */
export function maintainer(): Problem {
  return problem('DW6008', 'MAINTAINER is deprecated', "use a label: .label(oci({ authors: 'team@example.com' }))", 'use a label: LABEL org.opencontainers.image.authors="team@example.com"');
}

/** DW6008 (hadolint DL4000, BuildKit MaintainerDeprecated). */
export const maintainerRule = defineRule({
  id: 'DW6008',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const m of instructionsOf(file, 'MAINTAINER')) report(maintainer(), m.position);
  },
});
