import { issue } from '../issue.js';
import { fullImageName, isAllowedImage, splitReference } from '../image-name.js';
import { imageText, policyName, type PolicyRuleCheck } from '../rule-context.js';
import { pulledImages } from '../walk.js';

/**
 * DW1009: every image the build pulls, and the `# syntax` frontend, come from an allowed registry.
 *
 * @example
 * ```ts
 * checkRegistries({ ast, final, imageStages, policy }); // [{ code: 'DW1009', ... }]
 * ```
 */
export const checkRegistries: PolicyRuleCheck = ({ ast, policy }) => {
  const allowed = policy.allowedRegistries;
  const hint = `use an image from ${allowed.join(', ')} (allowedRegistries in ${policyName(policy)})`;
  const found = pulledImages(ast)
    .filter(({ ref }) => !isAllowedImage(ref.name, allowed))
    .map(({ ref, path }) => issue('DW1009', `image "${imageText(ref)}" is from ${fullImageName(ref.name)}, outside the allowed registries`, hint, path));
  if (ast.syntax !== undefined) {
    const { name } = splitReference(ast.syntax);
    if (!isAllowedImage(name, allowed)) {
      found.unshift(issue('DW1009', `the # syntax frontend "${ast.syntax}" is from ${fullImageName(name)}, outside the allowed registries`, `mirror the frontend into an allowed registry and pass dockerfile(final, { syntax: '<registry>/dockerfile:1.N@sha256:...' }), or syntax: 'none'`, { instruction: '# syntax' }));
    }
  }
  return found;
};
