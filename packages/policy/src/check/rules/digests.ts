import { baseDigest, imageRefs, syntaxPinned } from '@dockwright/core';
import { issue } from '../issue.js';
import { imageText, type PolicyRuleCheck } from '../rule-context.js';

/**
 * DW1010: every image the build pulls is pinned by digest, so a rebuild gets the same bytes. The
 * same check lint runs, over the same images (FROM, COPY --from, RUN --mount from=, ONBUILD).
 *
 * @example
 * ```ts
 * checkDigests(context); // [{ code: 'DW1010', message: 'image "node:22.11-bookworm-slim" is not pinned by digest', ... }]
 * ```
 */
export const checkDigests: PolicyRuleCheck = ({ ast }) =>
  imageRefs(ast).flatMap(({ ref, path }) => {
    const problem = ref.digest === undefined ? baseDigest(imageText(ref)) : undefined;
    return problem === undefined ? [] : [issue('DW1010', problem.message, problem.hint, path)];
  });

/**
 * DW1011: a `# syntax` frontend, which runs code during the build, is pinned by digest.
 *
 * @example
 * ```ts
 * checkSyntaxPinned(context); // [{ code: 'DW1011', message: '# syntax=docker/dockerfile:1.4 is not pinned by digest', ... }]
 * ```
 */
export const checkSyntaxPinned: PolicyRuleCheck = ({ ast }) => {
  // The rule module's own predicate and message, as lint and the builder ask it.
  const found = ast.syntax === undefined ? undefined : syntaxPinned(ast.syntax);
  return found === undefined ? [] : [issue(found.code, found.message, found.hint, { instruction: '# syntax' })];
};
