import { LABEL_KEY } from '../../validate/names.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6010: label keys are lowercase reverse-DNS names.
 *
 * @example
 * ```ts
 * labelKey('Com.Example')?.code; // 'DW6010'
 * ```
 */
export function labelKey(key: string): Problem | undefined {
  if (LABEL_KEY.test(key)) return undefined;
  return problem('DW6010', `${JSON.stringify(key)} is not a valid label key`, 'use lowercase reverse-DNS keys such as org.opencontainers.image.source');
}

/**
 * DW6010: an empty label says nothing.
 *
 * @example
 * ```ts
 * emptyLabel('com.example.empty').code; // 'DW6010'
 * ```
 */
export function emptyLabel(key: string): Problem {
  return problem('DW6010', `label ${key} is empty`, 'give it a value or leave it out');
}

/** DW6010 (hadolint DL3048, DL3051). */
export const labelKeyRule = defineRule({
  id: 'DW6010',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'LABEL')) {
      for (const pair of i.pairs) {
        const found = hasVariable(pair.key) ? undefined : labelKey(pair.key);
        if (found !== undefined) report(found, i.position);
        if (pair.value === '') report(emptyLabel(pair.key), i.position);
      }
    }
  },
});
