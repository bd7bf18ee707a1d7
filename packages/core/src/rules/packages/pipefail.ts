import type { LintFile, LintInstruction, LintStage } from '../lint-file.js';
import { hasFlag, programOf } from '../../shell/program.js';
import type { ShellCommand } from '../../shell/split-shell.js';
import { commandAt, commandsOf, stageNamed } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/**
 * DW5019: in `a | b` the RUN's status is b's, so a failed download piped into a shell passes.
 *
 * @example
 * ```ts
 * pipefail().code; // 'DW5019'
 * ```
 */
export function pipefail(): Problem {
  return problem('DW5019', 'a pipe without pipefail: a failure before the last | is ignored', ".shell(['/bin/bash', '-o', 'pipefail', '-c']) before the RUN, or start the script with set -o pipefail", 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before the RUN, or start the command with set -o pipefail &&');
}

// The SHELL in force for a stage's instruction: its own last SHELL before it, or its parent's.
function shellAt(file: LintFile, stage: LintStage, before: LintInstruction | undefined, depth = 0): readonly string[] | undefined {
  const shells = stage.instructions.slice(0, before === undefined ? undefined : stage.instructions.indexOf(before)).filter((i) => i.keyword === 'SHELL');
  const last = shells.at(-1);
  if (last !== undefined) return last.args;
  const parent = stageNamed(file, stage.base, stage.index);
  return parent === undefined || depth > file.stages.length ? undefined : shellAt(file, parent, undefined, depth + 1);
}

// Programs whose failure cannot hide: nothing to lose before the pipe.
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true']);

/**
 * True when a failure of the pipeline starting at `start` could go unnoticed: some command before
 * the last can fail, and the last does not fail on empty input itself (`grep pattern`,
 * `sha256sum -c`), which would surface the failure anyway.
 */
function pipeMatters(commands: readonly ShellCommand[], start: number): boolean {
  if (start > 0 && commands[start - 1]?.pipesOut === true) return false;
  let end = start;
  while (commands[end]?.pipesOut === true && end + 1 < commands.length) end += 1;
  const last = programOf(commands[end] as ShellCommand);
  const checks = (last.name === 'grep' && !last.args.some((a) => /^-[a-zA-Z]*[vc]/.test(a) || a === '--invert-match')) || (/^(?:sha\d+|md5|b2)sum$/.test(last.name) && hasFlag(last.args, '-c', '--check'));
  if (checks) return false;
  return commands.slice(start, end).some((c) => !CANNOT_FAIL.has(programOf(c).name));
}

/** DW5019 (hadolint DL4006). */
export const pipefailRule = defineRule({
  id: 'DW5019',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const s of file.stages) {
      for (const run of s.instructions) {
        if (run.keyword !== 'RUN' || run.json) continue;
        const commands = commandsOf(run);
        const firstPipe = commands.findIndex((c, k) => c.pipesOut && pipeMatters(commands, k));
        if (firstPipe < 0) continue;
        const shell = shellAt(file, s, run);
        if (shell !== undefined && (shell.includes('pipefail') || !/(?:^|\/)(?:ba|z|k|da|a)?sh$/.test(shell[0] ?? ''))) continue;
        const set = commands.slice(0, firstPipe).some((c) => {
          const p = programOf(c);
          return p.name === 'set' && p.args.includes('pipefail');
        });
        if (!set) report(pipefail(), commandAt(run, commands[firstPipe] as ShellCommand));
      }
    }
  },
});
