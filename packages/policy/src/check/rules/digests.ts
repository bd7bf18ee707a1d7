import { issue } from '../issue.js';
import { splitReference } from '../image-name.js';
import { imageText, type PolicyRuleCheck } from '../rule-context.js';
import { pulledImages } from '../walk.js';

/**
 * DW1010: every image the build pulls is pinned by digest, so a rebuild gets the same bytes.
 *
 * @example
 * ```ts
 * checkDigests(context); // [{ code: 'DW1010', message: 'image "node:22.11-bookworm-slim" is not pinned by digest', ... }]
 * ```
 */
export const checkDigests: PolicyRuleCheck = ({ ast }) =>
  pulledImages(ast)
    .filter(({ ref }) => ref.digest === undefined)
    .map(({ ref, path }) =>
      issue('DW1010', `image "${imageText(ref)}" is not pinned by digest`, `pin it: image('${imageText(ref)}').pinDigest('sha256:...'); \`docker buildx imagetools inspect ${imageText(ref)}\` prints the digest`, path),
    );

/**
 * DW1011: a `# syntax` frontend, which runs code during the build, is pinned by digest.
 *
 * @example
 * ```ts
 * checkSyntaxPinned(context); // [{ code: 'DW1011', message: 'the # syntax frontend "docker/dockerfile:1.4" is not pinned by digest', ... }]
 * ```
 */
export const checkSyntaxPinned: PolicyRuleCheck = ({ ast }) => {
  if (ast.syntax === undefined || splitReference(ast.syntax).digest) return [];
  return [
    issue(
      'DW1011',
      `the # syntax frontend "${ast.syntax}" is not pinned by digest`,
      `pass dockerfile(final, { syntax: '${ast.syntax}@sha256:...' }), or syntax: 'none' when the engine's built-in frontend is enough`,
      { instruction: '# syntax' },
    ),
  ];
};
