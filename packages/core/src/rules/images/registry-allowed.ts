import { fullImageName, splitImageRef } from '../../images/image-name.js';
import { isAllowedImage } from '../../images/registries.js';
import { imageReferences } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW1009: an image from a registry (or registry path) not in the allow-list; `where` names the
 * list in the hint (the policy file, or lint's options).
 *
 * @example
 * ```ts
 * registryAllowed('node:22', ['ghcr.io/acme'])?.code; // 'DW1009'
 * registryAllowed('ghcr.io/acme/app:1', ['ghcr.io/acme']); // undefined
 * registryAllowed('eu.registry.acme.example/app:1', ['*.acme.example']); // undefined
 * ```
 */
export function registryAllowed(ref: string, allowed: readonly string[], where = "the policy's allowedRegistries"): Problem | undefined {
  const { name } = splitImageRef(ref);
  if (isAllowedImage(name, allowed)) return undefined;
  return problem('DW1009', `image "${ref}" is from ${fullImageName(name)}, outside the allowed registries`, `use an image from ${allowed.join(', ')}, or add its registry to ${where}`);
}

/** DW1009 (hadolint DL3026): policy, on when `allowedRegistries` is set; every image, in FROM, COPY --from or RUN --mount, and the `# syntax` frontend. */
export const registryAllowedRule = defineRule({
  id: 'DW1009',
  how: 'P',
  level: 'error',
  check({ file, settings, report }) {
    const allowed = settings.allowedRegistries;
    if (allowed === undefined) return;
    for (const d of file.directives) {
      const found = d.name.toLowerCase() === 'syntax' ? registryAllowed(d.value.trim(), allowed) : undefined;
      if (found !== undefined) report(found, d.position);
    }
    for (const base of imageReferences(file)) {
      const found = base.ref === undefined ? undefined : registryAllowed(base.ref, allowed);
      if (found !== undefined) report(found, base.instruction.position);
    }
  },
});
