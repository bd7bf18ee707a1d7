import { createInterface } from 'node:readline/promises';
import type { ParsedArgs } from '../args/parse-args.js';
import { cliIssue } from '../errors/cli-issue.js';
import { UsageError } from '../errors/usage-error.js';
import type { Io } from '../output/io.js';
import { registerLoader } from '../targets/module-loader.js';

/**
 * The `init` command: `dockwright init [dir] [--yes]`: writes a target module per project it
 * finds. On a terminal it shows the plan and asks first, unless `--yes`. Returns the exit code
 * (0 written, 1 a file was there and left as it was, 2 nothing found or a usage problem).
 *
 * @example
 * ```ts
 * process.exitCode = await initCommand({ positionals: ['.'], options: { yes: true } }, io, process.cwd());
 * ```
 */
export async function initCommand(args: ParsedArgs, io: Io, cwd: string): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError([cliIssue('DWC1003', `init takes one directory, not ${args.positionals.length}`, 'run it once per project: dockwright init services/api')]);
  // The presets and core may be TypeScript sources (as in a workspace): the loader comes first.
  await registerLoader();
  const [{ runInit }, { printInitReport, formatInitPlan }] = await Promise.all([import('../init/run-init.js'), import('../output/print-init-report.js')]);
  const ask = args.options['yes'] !== true && !io.json && process.stdin.isTTY === true && process.stdout.isTTY === true;
  const report = await runInit({
    cwd,
    dir: args.positionals[0] ?? '.',
    ...(ask
      ? {
          confirm: async (targets) => {
            io.out(`dockwright init will write:\n${formatInitPlan(targets, io.outColors)}`);
            const prompt = createInterface({ input: process.stdin, output: process.stdout });
            // Ctrl-D (the input closes) and Ctrl-C answer no: nothing is written.
            const declined = new Promise<string>((resolve) => {
              prompt.once('close', () => resolve('n'));
              prompt.once('SIGINT', () => resolve('n'));
            });
            try {
              const answer = (await Promise.race([prompt.question('Write these files? [Y/n] ').catch(() => 'n'), declined])).trim().toLowerCase();
              return answer === '' || answer === 'y' || answer === 'yes';
            } finally {
              prompt.close();
            }
          },
        }
      : {}),
  });
  printInitReport(report, io);
  return report.exitCode;
}
