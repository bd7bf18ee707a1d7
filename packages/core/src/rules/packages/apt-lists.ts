import type { RunInstruction } from '../../ast/instructions.js';
import type { ShellCommand } from '../../shell/split-shell.js';
import { splitShell } from '../../shell/split-shell.js';
import { programOf } from '../../shell/program.js';
import { packageInstalls } from '../../shell/package-installs.js';
import { textToDisplay } from '../../ast/text.js';
import { commandAt, commandsOf, imageRuns, mountedPaths, removesPath } from '../lint-helpers.js';
import { defineRule, problem, type Problem } from '../rule.js';

/** What DW5011 reads of a RUN, from a written Dockerfile or from the builder: its commands and the paths its cache and tmpfs mounts cover. */
export interface AptRun {
  readonly commands: readonly ShellCommand[];
  readonly mounted: readonly string[];
}

/**
 * DW5011: apt's package lists (tens of MiB) stay in the layer unless the same RUN removes them.
 *
 * @example
 * ```ts
 * aptLists().code; // 'DW5011'
 * ```
 */
export function aptLists(): Problem {
  return problem('DW5011', 'apt lists are not removed in the RUN that installs', 'use aptInstall([...]) or .withCleanup(), which remove them in the same RUN', 'end the same RUN with: && rm -rf /var/lib/apt/lists/*');
}

/**
 * DW5011 as the builder refuses it: a `run()` that only cleans up after apt, in a layer of its
 * own after the install's, which keeps the lists anyway.
 *
 * @example
 * ```ts
 * aptCleanupLater(1).message; // 'a run() that only cleans up after apt, in a layer after the install in RUN #1, which keeps the lists'
 * ```
 */
export function aptCleanupLater(installRun: number): Problem {
  return problem(
    'DW5011',
    `a run() that only cleans up after apt, in a layer after the install in RUN #${installRun}, which keeps the lists`,
    "clean up in the install's own RUN: run(aptInstall([...])), or .withCleanup() right after the install's run(), and drop this run()",
    'move the cleanup into the RUN that installs: ... && rm -rf /var/lib/apt/lists/*',
  );
}

const LISTS = /^\/var\/lib\/apt\/lists(?:\/\*?)?$|^\/var\/lib\/apt\/?$/;
const APT_CACHE = /^\/var\/cache\/apt(?:\/.*)?$|^\/var\/lib\/apt(?:\/.*)?$/;
const isApt = (name: string) => name === 'apt-get' || name === 'apt';

/**
 * The apt install of a RUN that leaves the package lists in its layer: not removed by the same
 * RUN (`rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean`) and not on a cache mount (as
 * hadolint's DL3009: the lists, or all of /var/lib/apt together with /var/cache/apt).
 * Undefined when the RUN installs nothing with apt or cleans up after itself.
 *
 * @example
 * ```ts
 * leavesAptLists({ commands: splitShell('apt-get update && apt-get install -y curl'), mounted: [] })?.words[1]; // 'install'
 * ```
 */
export function leavesAptLists(run: AptRun): ShellCommand | undefined {
  const install = packageInstalls(run.commands).find((i) => isApt(i.manager));
  if (install === undefined) return undefined;
  if (run.mounted.includes('/var/lib/apt/lists') || (run.mounted.includes('/var/lib/apt') && run.mounted.includes('/var/cache/apt'))) return undefined;
  if (removesPath(run.commands, LISTS)) return undefined;
  // apt 2.7+ has `apt-get dist-clean`, which removes the lists too.
  if (run.commands.some((c) => isApt(programOf(c).name) && programOf(c).args.includes('dist-clean'))) return undefined;
  return install.program.command;
}

/**
 * True when every command of a RUN is apt cleanup (`rm` of the lists or apt's caches,
 * `apt-get clean`, `autoclean`, `autoremove`, `dist-clean`) and one removes the lists.
 *
 * @example
 * ```ts
 * isAptCleanupOnly(splitShell('apt-get clean && rm -rf /var/lib/apt/lists/*')); // true
 * ```
 */
export function isAptCleanupOnly(commands: readonly ShellCommand[]): boolean {
  if (commands.length === 0) return false;
  const cleans = commands.every((c) => {
    const p = programOf(c);
    if (p.name === 'rm') return p.args.some((a) => !a.startsWith('-')) && p.args.every((a) => a.startsWith('-') || APT_CACHE.test(a));
    return isApt(p.name) && p.args.some((a) => ['clean', 'autoclean', 'autoremove', 'dist-clean'].includes(a));
  });
  return cleans && (removesPath(commands, LISTS) || commands.some((c) => isApt(programOf(c).name) && programOf(c).args.includes('dist-clean')));
}

/**
 * A builder RUN as DW5011 reads it: its commands as the Dockerfile will have them.
 *
 * @example
 * ```ts
 * aptRunOf({ kind: 'Run', command: { form: 'shell', steps: [{ kind: 'Command', text: 'apt-get clean' }] }, mounts: [] }).commands.length; // 1
 * ```
 */
export function aptRunOf(run: RunInstruction): AptRun {
  const command = run.command;
  let script: string;
  if (command.form === 'exec') script = '';
  else if (command.form === 'heredoc') script = command.script;
  else script = command.steps.map((s) => (s.kind === 'Command' ? textToDisplay(s.text) : [s.command, ...s.packages].join(' '))).join(' && ');
  const commands = command.form === 'exec' ? [{ words: command.argv, assignments: [], join: 'start' as const, pipesOut: false, line: 0 }] : splitShell(script);
  const mounted = run.mounts.flatMap((m) => ((m.type === 'cache' || m.type === 'tmpfs') && 'target' in m && typeof m.target === 'string' ? [m.target.replace(/\/+$/, '')] : []));
  return { commands, mounted };
}

/**
 * The builder's DW5011 check for a new RUN of a stage: refused when it only cleans up after apt
 * and an earlier RUN of the stage installed with apt and left the lists. Undefined otherwise.
 *
 * @example
 * ```ts
 * aptCleanupAfter(earlierRuns, newRun)?.code; // 'DW5011'
 * ```
 */
export function aptCleanupAfter(earlier: readonly RunInstruction[], next: RunInstruction): Problem | undefined {
  // Exec form runs no shell: no cleanup of apt's lists to judge (and its words are anything).
  if (next.command.form === 'exec') return undefined;
  if (!isAptCleanupOnly(aptRunOf(next).commands)) return undefined;
  const at = earlier.findIndex((r) => r.command.form !== 'exec' && leavesAptLists(aptRunOf(r)) !== undefined);
  return at < 0 ? undefined : aptCleanupLater(at + 1);
}

/** DW5011 (hadolint DL3009), in the stages that end up in the image. */
export const aptListsRule = defineRule({
  id: 'DW5011',
  how: 'H',
  level: 'warning',
  check({ file, report }) {
    for (const run of imageRuns(file)) {
      const install = leavesAptLists({ commands: commandsOf(run), mounted: mountedPaths(run) });
      if (install !== undefined) report(aptLists(), commandAt(run, install));
    }
  },
});
