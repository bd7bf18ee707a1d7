import { looksLikeSecret } from '../../lexical/names.js';
import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW4001: an ARG or ENV whose name says secret is stored in the image or its history.
 *
 * @example
 * ```ts
 * secretName('ENV', 'GITHUB_TOKEN')?.code; // 'DW4001'
 * secretName('ENV', 'TOKEN_FILE'); // undefined
 * ```
 */
export function secretName(keyword: 'ARG' | 'ENV', name: string): Problem | undefined {
  if (!looksLikeSecret(name)) return undefined;
  const id = name.toLowerCase().replace(/_/g, '-');
  return problem(
    'DW4001',
    `${keyword} ${name} looks like a secret; it would be stored in the image`,
    `pass it as a secret mount: .run(cmd).withMounts(secretMount('${id}', { env: '${name}' }))`,
    `pass it as a secret: RUN --mount=type=secret,id=${id},env=${name} ... and docker build --secret id=${id},env=${name}`,
  );
}

/** DW4001 (BuildKit SecretsUsedInArgOrEnv, hadolint DL3064). */
export const secretNameRule = defineRule({
  id: 'DW4001',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'ARG', 'ENV')) {
      for (const pair of i.pairs) {
        const found = secretName(i.keyword as 'ARG' | 'ENV', pair.key);
        if (found !== undefined) report(found, i.position);
      }
    }
  },
});
