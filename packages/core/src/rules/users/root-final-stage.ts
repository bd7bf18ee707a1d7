import type { LintFile, LintInstruction, LintStage } from '../lint-file.js';
import { finalStage, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW3001: the final stage runs as root, so a process escape owns the container.
 *
 * @example
 * ```ts
 * rootFinalStage('app').message; // 'the final stage "app" runs as root'
 * ```
 */
export function rootFinalStage(name: string | undefined): Problem {
  return problem(
    'DW3001',
    name === undefined ? 'the final stage runs as root' : `the final stage "${name}" runs as root`,
    "call .user('app', { create: { uid: 10001 } }), .user(10001), or .allowRoot('why root is needed')",
    'add USER 10001 (or a user created in the image) after the steps that need root, or waive it: # dockwright:allow DW3001 <why root is needed>',
  );
}

/** True for `root`, `0`, `root:x` and `0:x`. */
export function isRootUser(spec: string): boolean {
  const user = spec.split(':')[0]?.trim() ?? '';
  return user === 'root' || user === '0';
}

/**
 * The USER a stage runs as: its last USER, or, when it has none, the one of the stage it is FROM.
 * DW3001, DW3007 and DW3008 read the final user this one way.
 *
 * @example
 * ```ts
 * finalUser(file, finalStage(file)!)?.args; // ['10001']
 * ```
 */
export function finalUser(file: LintFile, stage: LintStage, depth = 0): LintInstruction | undefined {
  const own = stage.instructions.filter((i) => i.keyword === 'USER').at(-1);
  if (own !== undefined || depth > file.stages.length) return own;
  const parent = stageNamed(file, stage.base, stage.index);
  return parent === undefined ? undefined : finalUser(file, parent, depth + 1);
}

/**
 * Where the final stage runs as root, if it does: its root USER, or its FROM when no USER is
 * there (nor in the stages it is FROM). DW3001 and DW3008 ask this one question.
 *
 * @example
 * ```ts
 * rootAt(file)?.position.line; // 1: FROM, no USER
 * ```
 */
export function rootAt(file: LintFile): { readonly stage: LintStage; readonly position: LintInstruction['position'] } | undefined {
  const last = finalStage(file);
  if (last === undefined) return undefined;
  const user = finalUser(file, last);
  if (user === undefined) return { stage: last, position: last.from.position };
  return isRootUser(user.args.join(' ')) ? { stage: last, position: user.position } : undefined;
}

/** DW3001 (hadolint DL3002): no USER in the final stage, or the last one is root. */
export const rootFinalStageRule = defineRule({
  id: 'DW3001',
  how: 'C',
  scope: 'stage',
  level: 'error',
  check({ file, report }) {
    const root = rootAt(file);
    if (root !== undefined) report(rootFinalStage(root.stage.name), root.position);
  },
});
