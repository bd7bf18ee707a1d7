import { isDigest, splitImageRef } from '../../images/image-name.js';
import { imageReferences } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW1004: a digest must be `sha256:` and 64 lowercase hex digits.
 *
 * @example
 * ```ts
 * imageDigest('sha256:abc')?.code; // 'DW1004'
 * ```
 */
export function imageDigest(digest: string): Problem | undefined {
  if (isDigest(digest)) return undefined;
  return problem('DW1004', `digest "${digest}" is not sha256: and 64 lowercase hex digits`, 'copy the digest from `docker buildx imagetools inspect` or the registry, e.g. sha256:5f4b...');
}

/** DW1004: an image with a malformed digest, in FROM, COPY --from or RUN --mount. */
export const imageDigestRule = defineRule({
  id: 'DW1004',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const base of imageReferences(file)) {
      const digest = base.ref === undefined ? undefined : splitImageRef(base.ref).digest;
      const found = digest === undefined ? undefined : imageDigest(digest);
      if (found !== undefined) report(found, base.instruction.position);
    }
  },
});
