import { splitImageRef } from '../../images/image-name.js';
import { imageReferences } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW1010: a tag can be moved to other content; only a digest names exact bytes.
 *
 * @example
 * ```ts
 * baseDigest('node:22')?.code; // 'DW1010'
 * ```
 */
export function baseDigest(ref: string): Problem | undefined {
  if (splitImageRef(ref).digest !== undefined) return undefined;
  return problem('DW1010', `image "${ref}" is not pinned by digest`, `lock it: image('${ref}').locked() and run \`dockwright lock\`, or pin it by hand with .pinDigest('sha256:...'); the tag stays for Renovate`, `pin it: ${ref}@sha256:... (keep the tag so Renovate can update it)`);
}

/** DW1010: policy (Renovate and docker-lock do the pinning); off unless turned on. */
export const baseDigestRule = defineRule({
  id: 'DW1010',
  how: 'P',
  level: 'off',
  check({ file, report }) {
    for (const base of imageReferences(file)) {
      const found = base.ref === undefined ? undefined : baseDigest(base.ref);
      if (found !== undefined) report(found, base.instruction.position);
    }
  },
});
