import type { DockerfileNode, DockwrightIssue, StageNode } from '@dockwright/core';
import type { Policy } from '../schema/resolve-policy.js';

/** What a policy rule looks at: the Dockerfile's AST, its final stage, the stages under it, and the policy. */
export interface RuleContext {
  readonly ast: DockerfileNode;
  readonly final: StageNode;
  /** The stages whose layers are in the final image, base first (see `imageStages`). */
  readonly imageStages: readonly StageNode[];
  readonly policy: Policy;
}

/** A policy rule: finds its problems in a Dockerfile, as issues. */
export type PolicyRuleCheck = (context: RuleContext) => DockwrightIssue[];

/** `node:22.11-bookworm-slim@sha256:...` as written, for messages. */
export function imageText(ref: { readonly name: string; readonly tag?: unknown; readonly digest?: string }): string {
  const tag = ref.tag === undefined ? '' : `:${typeof ref.tag === 'string' ? ref.tag : '(template)'}`;
  return `${ref.name}${tag}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}

/** The files a policy came from, for hints: `dockwright.policy.yaml`. */
export function policyName(policy: Policy): string {
  const file = policy.files[0];
  return file === undefined ? 'the policy' : (file.split(/[\\/]/).at(-1) ?? file);
}
