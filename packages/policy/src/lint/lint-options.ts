import type { LintOptions } from '@dockwright/core';
import type { Policy } from '../schema/resolve-policy.js';

/**
 * The options `lint()` takes, from a policy: the `rules` map and the lists the policy rules
 * read. `dockwright lint` and `dockwright render` judge by one file this way.
 *
 * @example
 * ```ts
 * const result = loadPolicy('dockwright.policy.yaml');
 * if (result.ok) lintDockerfile(text, lintOptions(result.policy));
 * ```
 */
export function lintOptions(policy: Policy): LintOptions {
  return {
    rules: policy.rules,
    ...(policy.allowedRegistries.length === 0 ? {} : { allowedRegistries: policy.allowedRegistries }),
    ...(policy.requiredLabels.length === 0 ? {} : { requiredLabels: policy.requiredLabels }),
    ...(policy.forbiddenPackages.length === 0 ? {} : { forbiddenPackages: policy.forbiddenPackages }),
  };
}
