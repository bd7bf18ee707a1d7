import { isImageName, isTag, splitImageRef } from '../../images/image-name.js';
import { imageReferences } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW1003: a reference the registry grammar rejects (upper case, bad characters, a tag too long).
 *
 * @example
 * ```ts
 * imageReference('Node:22').map((p) => p.code); // ['DW1003']
 * ```
 */
export function imageReference(ref: string): Problem[] {
  const parts = splitImageRef(ref);
  const found: Problem[] = [];
  if (!isImageName(parts.name)) {
    found.push(problem('DW1003', `"${ref}" is not a valid image reference`, 'write [registry/]name:tag in lowercase, e.g. ghcr.io/acme/app:1.2.3'));
  }
  if (parts.tag !== undefined && !isTag(parts.tag)) {
    found.push(problem('DW1003', `"${parts.tag}" is not a valid tag in "${ref}"`, 'a tag is letters, digits, _ . - and at most 128 characters'));
  }
  return found;
}

/**
 * DW1003: the name part of an image template (`tpl\`node:${v}\``) must itself be a valid name.
 *
 * @example
 * ```ts
 * imageName('Node')?.code; // 'DW1003'
 * ```
 */
export function imageName(name: string): Problem | undefined {
  return isImageName(name) ? undefined : problem('DW1003', `"${name}" is not a valid image name`, 'write [registry/]name in lowercase, e.g. ghcr.io/acme/app');
}

/** DW1003: a malformed image reference, in FROM, COPY --from or RUN --mount. */
export const imageReferenceRule = defineRule({
  id: 'DW1003',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const base of imageReferences(file)) {
      if (base.ref === undefined) continue;
      for (const found of imageReference(base.ref)) report(found, base.instruction.position);
    }
  },
});

/**
 * DW1003 from `image(tpl...)`: the name must be literal; ARGs may only appear in the tag.
 *
 * @example
 * ```ts
 * imageTemplateShape().code; // 'DW1003'
 * ```
 */
export function imageTemplateShape(): Problem {
  return problem('DW1003', 'an image template must start with a literal name and tag separator', 'write tpl`node:${version}-bookworm-slim`: ARGs may appear in the tag only');
}
