import { fullImageName, imageRefs, isAllowedImage, registryAllowed, splitImageRef } from '@dockwright/core';
import { issue } from '../issue.js';
import { imageText, policyName, type PolicyRuleCheck } from '../rule-context.js';

/**
 * DW1009: every image the build pulls (FROM, COPY --from, RUN --mount from=, ONBUILD triggers),
 * and the `# syntax` frontend, come from an allowed registry. The same check lint runs.
 *
 * @example
 * ```ts
 * checkRegistries({ ast, final, imageStages, policy }); // [{ code: 'DW1009', ... }]
 * ```
 */
export const checkRegistries: PolicyRuleCheck = ({ ast, policy }) => {
  const allowed = policy.allowedRegistries;
  const where = `allowedRegistries in ${policyName(policy)}`;
  const found = imageRefs(ast).flatMap(({ ref, path }) => {
    const problem = registryAllowed(imageText(ref), allowed, where);
    return problem === undefined ? [] : [issue('DW1009', problem.message, problem.hint, path)];
  });
  if (ast.syntax !== undefined) {
    const { name } = splitImageRef(ast.syntax);
    if (!isAllowedImage(name, allowed)) {
      found.unshift(issue('DW1009', `the # syntax frontend "${ast.syntax}" is from ${fullImageName(name)}, outside the allowed registries`, `mirror the frontend into an allowed registry and pass dockerfile(final, { syntax: '<registry>/dockerfile:1.N@sha256:...' }), or syntax: 'none'`, { instruction: '# syntax' }));
    }
  }
  return found;
};
