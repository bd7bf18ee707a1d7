import { policyFileIssue } from '../errors/policy-file-issue.js';
import { validateInput } from '../load/validate-input.js';
import { resolveLayers, type PolicyResult } from './resolve-policy.js';

/**
 * A policy from a value in code rather than a file: checked against the schema like a file, with
 * `name` standing for the file in messages. `extends` needs files, so it is refused here: use
 * `loadPolicy` for that.
 *
 * @example
 * ```ts
 * const result = policyFrom({ requireDigests: true, forbiddenPackages: { add: ['curl'] } });
 * if (result.ok) checkPolicy(dockerfile(app), result.policy);
 * ```
 */
export function policyFrom(value: unknown, name = 'policy'): PolicyResult {
  const checked = validateInput(value, name);
  if (!checked.ok) return checked;
  if (checked.input.extends !== undefined) {
    return { ok: false, issues: [policyFileIssue('DWP1003', 'extends is only for policy files', 'write the policy to a dockwright.policy.yaml and read it with loadPolicy(file)', { file: name, key: 'extends' })] };
  }
  return resolveLayers([{ file: name, input: checked.input }]);
}
