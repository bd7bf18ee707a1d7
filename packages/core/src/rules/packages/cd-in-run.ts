import type { ShellCommand } from '../../shell/split-shell.js';
import { programOf } from '../../shell/program.js';
import { commandAt, commandsOf, instructionsOf } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5020: `cd` in a RUN hides where later commands run; WORKDIR says it once.
 *
 * @example
 * ```ts
 * cdInRun('/app').code; // 'DW5020'
 * ```
 */
export function cdInRun(dir: string): Problem {
  return problem('DW5020', `RUN changes directory with cd ${dir}`, `use .workdir('${dir.startsWith('/') ? dir : '/app'}') before the run()`, `use WORKDIR ${dir.startsWith('/') ? dir : '/app'} before the RUN`);
}

/**
 * True when the cd is to a scratch directory the same RUN makes and removes: a temp dir from
 * mktemp, a path under /tmp, or one a later `rm -rf` deletes. WORKDIR would leave it in a layer.
 */
function scratchDir(dir: string, after: readonly ShellCommand[], temps: ReadonlySet<string>): boolean {
  if (/^\/tmp(?:\/|$)/.test(dir) || /^"?\$\{?(?:TMPDIR|tmp|temp|TEMP|TMP|tmpdir|dir|workdir|builddir|build_dir|BUILD_DIR|GNUPGHOME)\b/i.test(dir)) return true;
  const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/.exec(dir)?.[1];
  if (variable !== undefined && temps.has(variable)) return true;
  if (/^\$\(mktemp/.test(dir)) return true;
  return after.some((c) => {
    const p = programOf(c);
    return p.name === 'rm' && p.args.some((a) => !a.startsWith('-') && (a === dir || a === `${dir}/` || dir.startsWith(`${a.replace(/\/?\*?$/, '')}/`)));
  });
}

/** DW5020 (hadolint DL3003); a cd into a directory the same RUN creates and deletes is fine. */
export const cdInRunRule = defineRule({
  id: 'DW5020',
  how: 'L',
  level: 'warning',
  check({ file, report }) {
    for (const run of instructionsOf(file, 'RUN')) {
      const commands = commandsOf(run);
      // Variables that hold a temp dir: `d="$(mktemp -d)"`, `export d=/tmp/x`.
      const assigned = commands.flatMap((c) => [...c.assignments, ...(programOf(c).name === 'export' ? programOf(c).args : [])]);
      const temps = new Set(assigned.filter((a) => /=\$\(mktemp/.test(a) || /=["']?\/tmp\//.test(a)).map((a) => a.slice(0, a.indexOf('='))));
      // Once in a scratch directory, relative moves and the way back (`cd /`, `cd ..`) stay exempt.
      let inScratch = false;
      for (let k = 0; k < commands.length; k += 1) {
        const command = commands[k] as ShellCommand;
        const p = programOf(command);
        if (p.name !== 'cd' || p.wrappers.length > 0) continue;
        const dir = p.args.find((a) => !a.startsWith('-')) ?? '~';
        // `( cd dir && make )` changes directory in a subshell only.
        if (command.subshell === true) continue;
        if (dir === '-' || scratchDir(dir, commands.slice(k + 1), temps)) {
          inScratch = true;
          continue;
        }
        if (inScratch && (!dir.startsWith('/') || dir === '/' || dir === '~' || /^"?\$\{?OLDPWD/.test(dir))) continue;
        report(cdInRun(dir), commandAt(run, command));
        break;
      }
    }
  },
});
