import { flagValue } from '../lint-file.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW2004: a stage cannot copy from, mount or build on itself.
 *
 * @example
 * ```ts
 * selfReference('app').message; // 'stage "app" refers to itself'
 * ```
 */
export function selfReference(name: string, how: 'refers to' | 'mounts' = 'refers to'): Problem {
  return problem('DW2004', `stage "${name}" ${how} itself`, how === 'mounts' ? 'mount an earlier stage' : 'copy from an earlier stage with a different name');
}

/** DW2004 (hadolint DL3023): COPY --from or RUN --mount from= naming the stage it is in. */
export const selfReferenceRule = defineRule({
  id: 'DW2004',
  how: 'C',
  level: 'error',
  check({ file, report }) {
    for (const s of file.stages) {
      if (s.name === undefined) continue;
      const own = s.name.toLowerCase();
      if (s.base.toLowerCase() === own) report(selfReference(s.name), s.from.position);
      for (const i of s.instructions) {
        if (i.keyword === 'COPY' && flagValue(i, 'from')?.toLowerCase() === own) report(selfReference(s.name), i.position);
        if (i.keyword === 'RUN') {
          for (const f of i.flags) {
            if (f.name === 'mount' && new RegExp(`(?:^|,)from=${own.replace(/[.]/g, '\\.')}(?:,|$)`, 'i').test(f.value ?? '')) report(selfReference(s.name, 'mounts'), i.position);
          }
        }
      }
    }
  },
});
