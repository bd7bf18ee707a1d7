import { splitImageRef } from '../../validate/image-ref.js';
import { baseImages } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * The full name of an image: `node` is `docker.io/library/node`, `ghcr.io/acme/app` stays.
 *
 * @example
 * ```ts
 * fullImageName('node:22'); // 'docker.io/library/node'
 * ```
 */
export function fullImageName(ref: string): string {
  const { name } = splitImageRef(ref);
  const first = name.split('/')[0] ?? '';
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return name;
  return name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
}

/**
 * DW1009: an image from a registry (or registry path) not in the allow-list.
 *
 * @example
 * ```ts
 * registryAllowed('node:22', ['ghcr.io/acme'])?.code; // 'DW1009'
 * registryAllowed('ghcr.io/acme/app:1', ['ghcr.io/acme']); // undefined
 * ```
 */
export function registryAllowed(ref: string, allowed: readonly string[]): Problem | undefined {
  const full = fullImageName(ref);
  const ok = allowed.some((a) => {
    const prefix = a.replace(/\/+$/, '');
    return full === prefix || full.startsWith(`${prefix}/`);
  });
  if (ok) return undefined;
  return problem('DW1009', `image "${ref}" (${full}) is not from an allowed registry`, `use an image from ${allowed.join(', ')}, or add its registry to the policy's allowedRegistries`);
}

/** DW1009 (hadolint DL3026): policy, on when `allowedRegistries` is set. */
export const registryAllowedRule = defineRule({
  id: 'DW1009',
  how: 'P',
  level: 'error',
  check({ file, settings, report }) {
    const allowed = settings.allowedRegistries;
    if (allowed === undefined) return;
    for (const base of baseImages(file)) {
      const found = base.ref === undefined ? undefined : registryAllowed(base.ref, allowed);
      if (found !== undefined) report(found, base.stage.from.position);
    }
  },
});
