import { baseDigest, imageRefs, isDigest, splitImageRef } from '@dockwright/core';
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
 * checkSyntaxPinned(context); // [{ code: 'DW1011', message: 'the # syntax frontend "docker/dockerfile:1.4" is not pinned by digest', ... }]
 * ```
 */
export const checkSyntaxPinned: PolicyRuleCheck = ({ ast }) => {
  const digest = ast.syntax === undefined ? undefined : splitImageRef(ast.syntax).digest;
  if (ast.syntax === undefined || (digest !== undefined && isDigest(digest))) return [];
  return [
    issue(
      'DW1011',
      `the # syntax frontend "${ast.syntax}" is not pinned by digest`,
      `pass dockerfile(final, { syntax: '${ast.syntax}@sha256:...' }), or syntax: 'none' when the engine's built-in frontend is enough`,
      { instruction: '# syntax' },
    ),
  ];
};
