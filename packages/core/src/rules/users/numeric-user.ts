import { hasVariable } from '../lint-helpers.js';
import { finalStage } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW3007: Kubernetes `runAsNonRoot` can only verify a numeric uid.
 *
 * @example
 * ```ts
 * numericUser('app')?.code; // 'DW3007'
 * numericUser('10001:10001'); // undefined
 * ```
 */
export function numericUser(spec: string): Problem | undefined {
  const user = spec.split(':')[0] ?? '';
  if (/^\d+$/.test(user)) return undefined;
  return problem('DW3007', `USER ${spec} is a name, not a uid`, "write the uid: .user(10001) or .user('app', { create: { uid: 10001 } })", 'write the uid: USER 10001:10001');
}

/** DW3007 (hadolint DL3066): policy; off unless turned on. */
export const numericUserRule = defineRule({
  id: 'DW3007',
  how: 'P',
  level: 'off',
  check({ file, report }) {
    const user = finalStage(file)?.instructions.filter((i) => i.keyword === 'USER').at(-1);
    if (user === undefined) return;
    const spec = user.args.join(' ');
    const found = hasVariable(spec) ? undefined : numericUser(spec);
    if (found !== undefined) report(found, user.position);
  },
});
