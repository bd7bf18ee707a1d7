import { hasFlag } from '../../shell/program.js';
import { commandAt, instructionsOf, programsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW3006: `useradd` with a long uid and without `-l` writes a lastlog entry at offset uid, which
 * a layer stores in full (hadolint's threshold: more than 5 digits).
 *
 * @example
 * ```ts
 * useraddLastlog(['-u', '1000000', 'app'])?.code; // 'DW3006'
 * useraddLastlog(['-l', '-u', '1000000', 'app']); // undefined
 * ```
 */
export function useraddLastlog(args: readonly string[]): Problem | undefined {
  if (hasFlag(args, '-l', '--no-log-init')) return undefined;
  const uid = uidOf(args);
  if (uid === undefined || !/^\d{6,}$/.test(uid)) return undefined;
  return problem('DW3006', `useradd with uid ${uid} and without -l`, "use .user('app', { create: { uid } }), which passes -l", 'add -l (--no-log-init) to useradd');
}

function uidOf(args: readonly string[]): string | undefined {
  for (let k = 0; k < args.length; k += 1) {
    const a = args[k] as string;
    if (a === '-u' || a === '--uid') return args[k + 1];
    if (a.startsWith('--uid=')) return a.slice(6);
    if (/^-u\d+$/.test(a)) return a.slice(2);
  }
  return undefined;
}

/** DW3006 (hadolint DL3046). */
export const useraddLastlogRule = defineRule({
  id: 'DW3006',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      for (const p of programsOf(run)) {
        const found = p.name === 'useradd' ? useraddLastlog(p.args) : undefined;
        if (found !== undefined) report(found, commandAt(run, p.command));
      }
    }
  },
});
