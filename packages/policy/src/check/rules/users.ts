import type { IssuePath, StageNode, WaiverInstruction } from '@dockwright/core';
import { issue } from '../issue.js';
import { policyName, type PolicyRuleCheck } from '../rule-context.js';
import { located } from '../walk.js';

/** The USER the final image runs as: the last one in its stages (raw `USER` lines included), with where it is. */
function finalUser(stages: readonly StageNode[]): { user: string; group?: string; path: IssuePath } | undefined {
  let found: { user: string; group?: string; path: IssuePath } | undefined;
  for (const stage of stages) {
    for (const { node, path } of located(stage)) {
      if (node.kind === 'User') found = { user: node.user, ...(node.group === undefined ? {} : { group: node.group }), path };
      if (node.kind === 'Raw') {
        const m = /^USER\s+([^\s:]+)(?::(\S+))?\s*$/i.exec(node.text);
        if (m !== null) found = { user: m[1] ?? '', ...(m[2] === undefined ? {} : { group: m[2] }), path };
      }
    }
  }
  return found;
}

/**
 * DW3008: with `forbidRoot`, the final image never runs as root, whatever reason `allowRoot()`
 * gives.
 *
 * @example
 * ```ts
 * checkNoRoot(context); // [{ code: 'DW3008', message: 'the final stage "app" runs as root (allowRoot: "binds port 80")', ... }]
 * ```
 */
export const checkNoRoot: PolicyRuleCheck = ({ final, imageStages, policy }) => {
  const user = finalUser(imageStages);
  const root = user === undefined || user.user === 'root' || user.user === '0';
  if (!root) return [];
  const waiver = imageStages
    .flatMap((s) => s.instructions)
    .filter((i): i is WaiverInstruction => i.kind === 'Waiver' && i.code === 'DW3001')
    .at(-1);
  const why = waiver === undefined ? '' : ` (allowRoot: "${waiver.reason}")`;
  return [
    issue(
      'DW3008',
      `the final stage "${final.name}" runs as root${why}, and the policy forbids root`,
      `run as a non-root user, e.g. .user('app', { create: { uid: 10001 } }) or .user(10001); forbidRoot in ${policyName(policy)} admits no allowRoot() exception`,
      user?.path ?? { stage: final.name, instruction: 'USER' },
    ),
  ];
};

/**
 * DW3007: the final USER is numeric (`10001`, `10001:10001`), so Kubernetes `runAsNonRoot` can
 * check it without reading the image's /etc/passwd.
 *
 * @example
 * ```ts
 * checkNumericUser(context); // [{ code: 'DW3007', message: 'the final USER "node" is a name, not a numeric uid', ... }]
 * ```
 */
export const checkNumericUser: PolicyRuleCheck = ({ imageStages }) => {
  const user = finalUser(imageStages);
  if (user === undefined) return [];
  const bad = [user.user, user.group].filter((part): part is string => part !== undefined && !/^\d+$/.test(part));
  if (bad.length === 0) return [];
  const text = user.group === undefined ? user.user : `${user.user}:${user.group}`;
  return [
    issue(
      'DW3007',
      `the final USER "${text}" is a name, not a numeric uid${user.group === undefined ? '' : ' and gid'}`,
      `use the ids: .user(1000) or .user('1000:1000') for a user the base image has (\`id ${user.user}\` shows them), or .user('app', { create: { uid: 10001 } }), which writes USER 10001:10001`,
      user.path,
    ),
  ];
};
