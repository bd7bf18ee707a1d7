import { flagValue } from '../lint-file.js';
import { USER_NAME } from '../../validate/values.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

// A user that user(name, { create }) makes: one plain name, as useradd and adduser take it.
const CREATED_NAME = /^[a-z_][a-z0-9_-]*$/;

/**
 * DW3002: USER and `--chown` take `name`, `uid`, `name:group` or `uid:gid`; a user the builder
 * creates (`user(name, { create })`) is one plain name. `written` is for Dockerfile text, whose
 * names may have capitals or dots that exist in the image: only the shape is checked there.
 * Builder and lint ask this one function, with its one message.
 *
 * @example
 * ```ts
 * userFormat('a b')?.code; // 'DW3002'
 * userFormat('10001:10001'); // undefined
 * userFormat('app:app', { create: true })?.message; // '"app:app" is not a valid user'
 * ```
 */
export function userFormat(text: string, how: { readonly create?: boolean; readonly written?: boolean } = {}): Problem | undefined {
  const shape = how.written === true ? text.toLowerCase().replace(/\./g, '_') : text;
  const parts = shape.split(':');
  const ok = how.create === true ? CREATED_NAME.test(shape) : parts.length <= 2 && parts.every((p) => USER_NAME.test(p));
  if (ok) return undefined;
  return problem('DW3002', `${JSON.stringify(text)} is not a valid user`, "write a name like app, a uid like 10001, or app:app / 10001:10001; a user made with { create } is a plain name: .user('app', { create: { uid: 10001 } })");
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
      const found = userFormat(value, { written: true });
      if (found !== undefined) report(found, i.position);
    }
  },
});
