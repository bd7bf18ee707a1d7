import { flagValue } from '../lint-file.js';
import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6017: a remote file without a checksum can change under the same URL.
 *
 * @example
 * ```ts
 * addChecksum('https://example.com/x.tgz', 'md5:1')?.code; // 'DW6017'
 * ```
 */
export function addChecksum(url: string, checksum: string | undefined): Problem | undefined {
  if (/^sha256:[0-9a-f]{64}$/.test(checksum ?? '')) return undefined;
  return problem('DW6017', `ADD ${url} needs checksum: 'sha256:' and 64 hex digits`, 'compute it with `curl -sL URL | sha256sum`', 'add --checksum=sha256:... (compute it with `curl -sL URL | sha256sum`)');
}

/** DW6017: ADD of an http(s) URL without `--checksum`. */
export const addChecksumRule = defineRule({
  id: 'DW6017',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const add of instructionsOf(file, 'ADD')) {
      const checksum = flagValue(add, 'checksum');
      if (checksum !== undefined && checksum.includes('$')) continue;
      for (const source of add.args.slice(0, -1)) {
        // A git repository over https is pinned by its ref, not a checksum.
        if (!/^https?:\/\//.test(source) || /\.git(?:#|$)/.test(source)) continue;
        const found = addChecksum(source, checksum);
        if (found !== undefined) report(found, add.position);
      }
    }
  },
});
