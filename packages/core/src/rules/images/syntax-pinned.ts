import { isDigest, splitImageRef } from '../../images/image-name.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW1011: the `# syntax` frontend is an image that runs code at build time; pin it by digest.
 * Builder, lint and policy ask this one function. A digest is `algorithm:encoded` (OCI image
 * spec); like DW1004 and the lockfile, only `sha256:` with 64 lowercase hex digits counts, so
 * `@sha256:abc` is not a pin (BuildKit would refuse to pull it).
 *
 * @example
 * ```ts
 * syntaxPinned('docker/dockerfile:1')?.code; // 'DW1011'
 * ```
 */
export function syntaxPinned(frontend: string): Problem | undefined {
  const digest = splitImageRef(frontend).digest;
  if (digest !== undefined && isDigest(digest)) return undefined;
  return problem(
    'DW1011',
    digest === undefined ? `# syntax=${frontend} is not pinned by digest` : `# syntax=${frontend} is not pinned by a valid digest (sha256: and 64 lowercase hex digits)`,
    "lock it: dockerfile(stage, { locked: true }) and run `dockwright lock`, or pin it by hand: dockerfile(stage, { syntax: 'docker/dockerfile:1.7@sha256:...' })",
    `pin it: # syntax=${frontend}@sha256:...`,
  );
}

/** DW1011: policy; off unless turned on. */
export const syntaxPinnedRule = defineRule({
  id: 'DW1011',
  how: 'P',
  level: 'off',
  check({ file, report }) {
    for (const d of file.directives) {
      if (d.name.toLowerCase() !== 'syntax') continue;
      const found = syntaxPinned(d.value.trim());
      if (found !== undefined) report(found, d.position);
    }
  },
});
