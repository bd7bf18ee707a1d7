import { splitImageRef } from '../../images/image-name.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW1011: the `# syntax` frontend is an image that runs code at build time; pin it by digest.
 *
 * @example
 * ```ts
 * syntaxPinned('docker/dockerfile:1')?.code; // 'DW1011'
 * ```
 */
export function syntaxPinned(frontend: string): Problem | undefined {
  if (splitImageRef(frontend).digest !== undefined) return undefined;
  return problem(
    'DW1011',
    `# syntax=${frontend} is not pinned by digest`,
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
