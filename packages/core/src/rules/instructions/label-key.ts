import { badLabelKey, LABEL_KEY, LABEL_KEY_HINT } from '../../lexical/names.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/** Namespaces Docker keeps for itself (hadolint DL3048). */
const RESERVED_LABEL_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/**
 * DW6010: label keys are lowercase reverse-DNS names that start with a letter, with no `..` or
 * `--`, outside the namespaces Docker keeps (`com.docker.*`, `io.docker.*`, `org.dockerproject.*`).
 *
 * @example
 * ```ts
 * labelKey('Com.Example')?.code; // 'DW6010'
 * labelKey('com.docker.extension')?.message; // '"com.docker.extension" is in a namespace Docker keeps for itself'
 * ```
 */
export function labelKey(key: string): Problem | undefined {
  if (RESERVED_LABEL_NAMESPACES.some((ns) => key.startsWith(ns))) return problem('DW6010', `${JSON.stringify(key)} is in a namespace Docker keeps for itself`, LABEL_KEY_HINT);
  if (LABEL_KEY.test(key) && /^[a-z]/.test(key) && !/\.\.|--/.test(key)) return undefined;
  const { code, message, hint } = badLabelKey(key);
  return problem(code, message, hint);
}

/** DW6010 (hadolint DL3048). An empty value is the label schema's business (DW6021, DL3051). */
export const labelKeyRule = defineRule({
  id: 'DW6010',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'LABEL')) {
      for (const pair of i.pairs) {
        const found = hasVariable(pair.key) ? undefined : labelKey(pair.key);
        if (found !== undefined) report(found, i.position);
      }
    }
  },
});
