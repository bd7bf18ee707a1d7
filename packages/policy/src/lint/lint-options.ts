import type { LintOptions } from '@dockwright/core';
import type { Policy } from '../schema/resolve-policy.js';

// The `!name` entries of a build-tool list: what `forbidBuildTools: { allow }` takes out.
function buildToolList(policy: Policy): readonly string[] {
  const setting = policy.settings.forbidBuildTools;
  const allow = typeof setting === 'object' ? (setting.allow ?? []) : [];
  return [...policy.buildTools, ...allow.map((name) => `!${name}`)];
}

/**
 * The options `lint()` takes, from a policy: the `rules` map and the lists the policy rules
 * read. `dockwright lint`, `dockwright render` and `checkPolicy()` judge by one file this way,
 * with the same rule modules.
 *
 * @example
 * ```ts
 * const result = loadPolicy('dockwright.policy.yaml');
 * if (result.ok) lintDockerfile(text, lintOptions(result.policy));
 * ```
 */
export function lintOptions(policy: Policy): LintOptions {
  const buildTools = (policy.rules.DW2008 ?? 'off') !== 'off';
  return {
    rules: policy.rules,
    ...(policy.allowedRegistries.length === 0 ? {} : { allowedRegistries: policy.allowedRegistries }),
    ...(policy.requiredLabels.length === 0 ? {} : { requiredLabels: policy.requiredLabels }),
    ...(policy.forbiddenPackages.length === 0 ? {} : { forbiddenPackages: policy.forbiddenPackages }),
    ...(buildTools ? { buildTools: buildToolList(policy), buildImages: policy.buildImages } : {}),
  };
}
