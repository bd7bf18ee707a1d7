import { instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6011: one ENV expands every value with the variables from before it, so `B=$A` does not see
 * the `A` set beside it.
 *
 * @example
 * ```ts
 * envSelfReference('APP_BIN', 'APP_HOME').code; // 'DW6011'
 * ```
 */
export function envSelfReference(key: string, used: string): Problem {
  return problem('DW6011', `ENV ${key} refers to ${used}, set in the same ENV`, `split it: .env({ ${used}: ... }).env({ ${key}: ... })`, `split it: ENV ${used}=... then ENV ${key}=...`);
}

/** The variable names a value expands: `$A`, `${B}`, `${C:-x}`. */
export function variablesIn(value: string): string[] {
  return [...value.matchAll(/(?<!\\)\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
}

/** DW6011 (hadolint DL3044). */
export const envSelfReferenceRule = defineRule({
  id: 'DW6011',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const env of instructionsOf(file, 'ENV')) {
      env.pairs.forEach((pair, at) => {
        if (pair.legacy === true) return;
        // Another pair of this ENV sets it (`ENV A=1 A=${A}2` too); `PATH=/x:$PATH` alone reads the old value.
        for (const used of new Set(variablesIn(pair.value ?? ''))) {
          if (env.pairs.some((other, i) => i !== at && other.key === used)) report(envSelfReference(pair.key, used), env.position);
        }
      });
    }
  },
});
