import { splitImageRef } from '../../images/image-name.js';
import { imageReferences } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/** The builder's hint for an image that floats: pin a version, then a digest. */
export const PIN_HINT = "pin a version, e.g. image('node:22.11-bookworm-slim'), then its digest with .pinDigest('sha256:...')";
/** The same hint in Dockerfile terms. */
export const PIN_FIX = 'pin a version, e.g. FROM node:22.11-bookworm-slim, then its digest: node:22.11-bookworm-slim@sha256:...';

/**
 * DW1001: an image reference with neither tag nor digest pulls whatever `latest` is today.
 *
 * @example
 * ```ts
 * imageWithoutTag('busybox')?.code; // 'DW1001'
 * imageWithoutTag('busybox:1.37'); // undefined
 * ```
 */
export function imageWithoutTag(ref: string): Problem | undefined {
  const parts = splitImageRef(ref);
  if (parts.tag !== undefined || parts.digest !== undefined) return undefined;
  return problem('DW1001', `image "${ref}" has no tag or digest`, PIN_HINT, PIN_FIX);
}

/** DW1001 (hadolint DL3006): an image without a tag or digest, in FROM, COPY --from or RUN --mount. */
export const imageWithoutTagRule = defineRule({
  id: 'DW1001',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const base of imageReferences(file)) {
      const found = base.ref === undefined ? undefined : imageWithoutTag(base.ref);
      if (found !== undefined) report(found, base.instruction.position);
    }
  },
});
