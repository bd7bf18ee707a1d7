import { flagValue } from '../lint-file.js';
import { USER_NAME } from '../../validate/values.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW3002: USER and `--chown` take `name`, `uid`, `name:group` or `uid:gid`.
 *
 * @example
 * ```ts
 * userFormat('a b')?.code; // 'DW3002'
 * userFormat('10001:10001'); // undefined
 * ```
 */
export function userFormat(text: string): Problem | undefined {
  const parts = text.split(':');
  if (parts.length <= 2 && parts.every((p) => USER_NAME.test(p))) return undefined;
  return problem('DW3002', `${JSON.stringify(text)} is not a user or user:group`, 'write a name like app, a uid like 10001, or app:app / 10001:10001');
}

/** DW3002: a malformed USER or `--chown` value. */
export const userFormatRule = defineRule({
  id: 'DW3002',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'USER', 'COPY', 'ADD')) {
      const value = i.keyword === 'USER' ? i.args.join(' ') : flagValue(i, 'chown');
      if (value === undefined || hasVariable(value)) continue;
      // Dockerfiles often use names with capitals or dots that exist in the image; only the shape is checked.
      const found = userFormat(value.toLowerCase().replace(/\./g, '_'));
      if (found !== undefined) report(problem(found.code, `${JSON.stringify(value)} is not a user or user:group`, found.hint), i.position);
    }
  },
});
