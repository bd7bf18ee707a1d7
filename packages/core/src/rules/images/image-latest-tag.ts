import { splitImageRef } from '../../images/image-name.js';
import { imageReferences } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';
import { PIN_FIX, PIN_HINT } from './image-without-tag.js';

/**
 * DW1002: the `latest` tag moves, so two builds of one file differ.
 *
 * @example
 * ```ts
 * imageLatestTag('node:latest')?.message; // 'image "node:latest" floats with the latest tag'
 * ```
 */
export function imageLatestTag(ref: string): Problem | undefined {
  const { tag, digest } = splitImageRef(ref);
  // `latest@sha256:...` is pinned by its digest (docker-lock and Renovate write it so).
  if (tag !== 'latest' || digest !== undefined) return undefined;
  return problem('DW1002', `image "${ref}" floats with the latest tag`, PIN_HINT, PIN_FIX);
}

/** DW1002 (hadolint DL3007): an image with the `latest` tag, in FROM, COPY --from or RUN --mount. */
export const imageLatestTagRule = defineRule({
  id: 'DW1002',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const base of imageReferences(file)) {
      const found = base.ref === undefined ? undefined : imageLatestTag(base.ref);
      if (found !== undefined) report(found, base.instruction.position);
    }
  },
});
