import { finalStage, hasVariable } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';
import { finalUser } from './root-final-stage.js';

/**
 * DW3007: Kubernetes `runAsNonRoot` can only verify a numeric uid; a group given by name needs
 * the image's /etc/group as much.
 *
 * @example
 * ```ts
 * numericUser('app')?.code; // 'DW3007'
 * numericUser('10001:app')?.code; // 'DW3007'
 * numericUser('10001:10001'); // undefined
 * ```
 */
export function numericUser(spec: string): Problem | undefined {
  if (spec.split(':').every((part) => /^\d+$/.test(part))) return undefined;
  return problem('DW3007', `USER ${spec} is a name, not a uid`, "write the uid: .user(10001) or .user('app', { create: { uid: 10001 } })", 'write the uid: USER 10001:10001');
}

/** DW3007 (hadolint DL3066): policy; off unless turned on. The final image's user, set in its stage or the one it is FROM. */
export const numericUserRule = defineRule({
  id: 'DW3007',
  how: 'P',
  level: 'off',
  check({ file, report }) {
    const last = finalStage(file);
    const user = last === undefined ? undefined : finalUser(file, last);
    if (user === undefined) return;
    const spec = user.args.join(' ');
    const found = hasVariable(spec) ? undefined : numericUser(spec);
    if (found !== undefined) report(found, user.position);
  },
});
