import { flagValue } from '../lint-file.js';
import { OCTAL_MODE } from '../../validate/values.js';
import { hasVariable, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW6015: `--chmod` takes an octal mode; `0o755` and `'755'` are the same.
 *
 * @example
 * ```ts
 * fileMode('9').problem?.code; // 'DW6015'
 * fileMode(0o755).value; // '755'
 * ```
 */
export function fileMode(value: string | number): { value: string; problem?: Problem } {
  const text = typeof value === 'number' ? value.toString(8) : value;
  if (OCTAL_MODE.test(text)) return { value: text };
  return { value: text, problem: problem('DW6015', `${JSON.stringify(String(value))} is not an octal file mode`, "write it as '755' or 0o755", 'write it as --chmod=755') };
}

/** DW6015: a malformed `--chmod`; symbolic modes (`u+x`), which newer BuildKit reads, are left alone. */
export const fileModeRule = defineRule({
  id: 'DW6015',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const i of instructionsOf(file, 'COPY', 'ADD')) {
      const mode = flagValue(i, 'chmod');
      if (mode === undefined || hasVariable(mode) || /^[ugoa]*[-+=][rwxXst]*(?:,[ugoa]*[-+=][rwxXst]*)*$/.test(mode)) continue;
      const found = fileMode(mode).problem;
      if (found !== undefined) report(found, i.position);
    }
  },
});
